package org.rentrecovery;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.nio.file.Files;
import java.util.List;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package map of README's "Layout": no cycles between packages, and each layer depends only
 * on itself and the layers below it, so the HTTP edge, the audit and the composition of a decision
 * never leak into the facts, the engine or the capabilities they stand on. A package not listed
 * here (yet) is held to the no-cycles rule alone.
 */
class ArchitectureTest {
    private static final String ROOT = "org.rentrecovery";

    /** Bottom to top; a package may use its own layer and those listed before it. */
    private static final List<List<String>> LAYERS = List.of(
            List.of("contract", "cli"),
            List.of("security"),
            List.of("law"),
            List.of("engine"),
            List.of("limitation"),
            List.of("analysis"),
            List.of("escalation", "guards", "routing", "writeoff", "benefitcap"),
            List.of("audit"),
            List.of("decision"),
            List.of("worklist"),
            List.of("scenarios", "portfolio"),
            List.of("policy"),
            List.of("web", "workbench"));

    /** The KIE and Drools classes that parse, compile, load or run models and rules. */
    private static final List<String> ENGINE_ONLY = List.of("org.kie.dmn.core.", "org.kie.dmn.api.core.DMNRuntime",
            "org.kie.dmn.backend.", "org.kie.dmn.validation.", "org.kie.internal.io.", "org.kie.api.io.", "org.drools.drl.",
            "org.drools.ruleunits.api.RuleUnitProvider", "org.drools.ruleunits.api.RuleUnitInstance");

    private static JavaClasses product;

    @BeforeAll
    static void importProductClasses() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void shouldHaveNoCyclesBetweenPackages() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(product);
    }

    @Test
    void shouldDependOnlyOnLowerLayers() {
        for (int i = 0; i < LAYERS.size(); i++) {
            String[] higher = LAYERS.subList(i + 1, LAYERS.size()).stream().flatMap(List::stream)
                    .map(p -> ROOT + "." + p + "..").toArray(String[]::new);
            if (higher.length == 0) {
                continue;
            }
            noClasses().that().resideInAnyPackage(packages(LAYERS.get(i)))
                    .should().dependOnClassesThat().resideInAnyPackage(higher)
                    .because("layers run contract, cli -> security -> law -> engine -> limitation -> analysis -> capabilities -> audit"
                            + " -> decision -> worklist -> scenarios, portfolio -> policy -> web, workbench (README, Layout)")
                    .check(product);
        }
    }

    @Test
    void shouldKeepEveryHttpEndpointAndExceptionMapperInWeb() {
        classes().that().areAnnotatedWith(Path.class).or().areAnnotatedWith(Provider.class)
                .or().containAnyMethodsThat(DescribedPredicate.describe("are exception mappers",
                        method -> method.isAnnotatedWith(ServerExceptionMapper.class)))
                .should().resideInAPackage(ROOT + ".web..")
                .because("the web package owns HTTP: resources, exception mappers and filters")
                .check(product);
    }

    /**
     * Issue 12: the engine is the one place that loads and runs DMN models and DRL rule units, so a policy store
     * can swap a model set without a rebuild and every evaluation is traced and typed. Only the code we write is
     * held to it: the rule-unit classes Kogito generates into a capability's package at build time are the
     * loading machinery itself.
     */
    @Test
    void shouldLoadAndRunModelsAndRulesOnlyInTheEngine() {
        DescribedPredicate<JavaClass> handWritten = DescribedPredicate.describe("are written in src/main/java",
                javaClass -> Files.exists(java.nio.file.Path.of("src/main/java", javaClass.getName().replaceFirst("\\$.*", "")
                        .replace('.', '/') + ".java")));
        DescribedPredicate<JavaClass> loadsOrRuns = DescribedPredicate.describe("load or run DMN or DRL",
                target -> ENGINE_ONLY.stream().anyMatch(prefix -> target.getName().startsWith(prefix)));
        noClasses().that(handWritten).and().resideOutsideOfPackage(ROOT + ".engine..")
                .should().dependOnClassesThat(loadsOrRuns)
                .because("the engine package loads and runs the DMN models and DRL rule units (README, Layout)")
                .check(product);
    }

    private static String[] packages(List<String> layer) {
        return layer.stream().map(p -> ROOT + "." + p + "..").toArray(String[]::new);
    }
}
