package org.rentrecovery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.Vocabulary.TenancyType;
import org.rentrecovery.analysis.RoutingTrigger;
import org.rentrecovery.routing.Team;
import org.rentrecovery.support.DmnXml;

/**
 * The build's check of the policy tables in decision-tables/ (as committed, not as packaged): the
 * same compile an upload goes through (schema, model validation, decision-table analysis: an
 * overlap in a UNIQUE table or a masked row fails it), every row named, every named column within
 * the shared vocabulary, and the vocabulary's names ones the code acts on.
 */
class DecisionTablesTest {
    private static final Path FOLDER = Path.of("decision-tables");
    private static Map<String, byte[]> files;
    private static ModelSet set;

    @BeforeAll
    static void compile() {
        files = read(FOLDER);
        set = ModelSetCompiler.compile("build", files);
    }

    static Map<String, byte[]> read(Path folder) {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            // examples/ holds other landlords' worked policy sets, each compiled by ExamplePoliciesTest on its own.
            for (Path p : walk.filter(p -> p.toString().endsWith(".dmn") && !folder.relativize(p).startsWith("examples")).toList()) {
                out.put(folder.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Test
    void theCommittedTablesCompileWithoutErrors() {
        assertThat(set.warnings()).noneMatch(p -> p.severity() == ModelProblem.Severity.ERROR);
        assertThat(files).containsKey("vocabulary.dmn");
    }

    @Test
    void everyRowHasAStableNameUniqueInItsTable() {
        for (ModelSet.Table table : set.tables()) {
            assertThat(table.rowNames()).as(table.name()).doesNotHaveDuplicates()
                    .allMatch(name -> name.matches("[a-z0-9]+(-[a-z0-9]+)*"));
        }
        assertThat(set.tables()).extracting(ModelSet.Table::name).doesNotHaveDuplicates();
    }

    @Test
    void everyModelImportsTheOneVocabulary() {
        files.forEach((path, bytes) -> {
            if (!path.equals("vocabulary.dmn")) {
                assertThat(DmnXml.of(bytes).elements("import")).as(path)
                        .anyMatch(imported -> imported.getAttribute("namespace").equals("https://rentrecovery.org/dmn/vocabulary"));
            }
        });
    }

    @Test
    void theVocabularyNamesOnlyWhatTheCodeActsOn() {
        String vocabulary = new String(files.get("vocabulary.dmn"));
        assertThat(constants(ActionType.class)).containsAll(allowed(vocabulary, "tActionType"));
        assertThat(constants(Team.class)).containsExactlyInAnyOrderElementsOf(allowed(vocabulary, "tTeam"));
        assertThat(constants(RoutingTrigger.class)).containsExactlyInAnyOrderElementsOf(allowed(vocabulary, "tRoutingTrigger"));
        assertThat(constants(TenancyType.class)).containsExactlyInAnyOrderElementsOf(allowed(vocabulary, "tTenancyType"));
        assertThat(constants(RoutingTrigger.class)).containsAll(allowed(vocabulary, "tComplexCaseTriggerName").stream()
                .filter(name -> !name.equals("NONE")).toList());
    }

    private static List<String> constants(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    private static List<String> allowed(String vocabulary, String type) {
        return Pattern.compile("\"([^\"]+)\"").matcher(DmnXml.of(vocabulary).allowedValues(type)).results().map(r -> r.group(1)).toList();
    }
}
