package org.rentrecovery.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.rentrecovery.benefitcap.BenefitCapAssessment;
import org.rentrecovery.decision.DecisionService;
import org.rentrecovery.engine.ModelSet;
import org.rentrecovery.engine.ModelSetCompiler;
import org.rentrecovery.engine.PolicyModels;
import org.rentrecovery.engine.PolicyVersionInfo;
import org.rentrecovery.engine.TimelineEntry;
import org.rentrecovery.escalation.EscalationPolicy;
import org.rentrecovery.routing.TeamRouting;
import org.rentrecovery.support.Scenarios;
import org.rentrecovery.support.TestCases;
import org.rentrecovery.writeoff.WriteOffAssessment;

/**
 * Every worked example policy in decision-tables/examples/NAME/ (docs/policy-authoring.md): its
 * models, flat in their folder, compile and pass every check a policy upload passes, and its own
 * scenario suites (NAME/suites/) hold against it, with the service's legal guards. The examples are
 * never part of the packaged policy.
 */
class ExamplePoliciesTest {
    private static final Path EXAMPLES = Path.of("decision-tables/examples");

    @TestFactory
    Stream<DynamicNode> everyExampleSuiteHoldsAgainstItsOwnPolicy() throws IOException {
        List<Path> examples;
        try (Stream<Path> folders = Files.list(EXAMPLES)) {
            examples = folders.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(examples).as("worked examples").isNotEmpty();
        return examples.stream().map(example -> {
            ScenarioEngine engine = engineFor(example);
            SuiteLoader.Loaded loaded = engine.loader().load(example.resolve("suites"));
            assertThat(loaded.suites().size() + loaded.badFiles().size()).as(example + "/suites").isPositive();
            Stream<DynamicNode> bad = loaded.badFiles().stream()
                    .map(b -> DynamicTest.dynamicTest("bad scenario file " + b.file(), () -> fail(b.toString())));
            Stream<DynamicNode> suites = loaded.suites().stream().filter(s -> !s.scenarios().isEmpty()
                    && !s.file().endsWith(SuiteLoader.DEFAULTS_SUFFIX)).map(suite -> DynamicContainer.dynamicContainer(
                            suite.name(), suite.scenarios().stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
                                ScenarioResult result = engine.run(scenario).result();
                                if (!result.passed()) {
                                    fail(result.explain());
                                }
                            }))));
            return DynamicContainer.dynamicContainer(example.getFileName().toString(), Stream.concat(bad, suites));
        });
    }

    @Test
    void theExamplesAreNotPartOfThePackagedPolicy() {
        assertThat(PolicyModels.seedFiles(getClass().getClassLoader()).keySet()).noneMatch(path -> path.startsWith("examples/"));
        assertThat(PolicyModels.classpathSeed("dev").files().keySet()).noneMatch(path -> path.startsWith("examples/"));
    }

    /** The decision service over the example's own models only, under the example's name. */
    static ScenarioEngine engineFor(Path example) {
        ModelSet policy = ModelSetCompiler.compile(example.getFileName().toString(), files(example));
        PolicyModels models = PolicyModels.seeded(policy.versionId());
        models.install(List.of(new TimelineEntry(policy.versionId(), LocalDate.MIN, policy)));
        DecisionService decisions = new DecisionService(new EscalationPolicy(models), TestCases.guards(),
                new PolicyVersionInfo(policy.versionId()), new TeamRouting(models), WriteOffAssessment.standalone(),
                BenefitCapAssessment.standalone(), models);
        // Expected names are checked against the example's own vocabulary.dmn (its own steps), not the packaged one.
        ValueVocabulary names = ValueVocabulary.of(List.of(policy));
        return new ScenarioEngine(ScenarioTargets.of(Scenarios.reader(), decisions), () -> new RuleUniverse(List.of(), List.of()),
                () -> names);
    }

    /** The example's DMN files, flat in its folder (the editor only offers models beside a model as includes). */
    static Map<String, byte[]> files(Path example) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> dmn = Files.list(example)) {
            for (Path file : dmn.filter(p -> p.toString().endsWith(".dmn")).toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }
}
