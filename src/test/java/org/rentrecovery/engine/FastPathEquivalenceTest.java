package org.rentrecovery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.rentrecovery.scenarios.ScenarioEngine;
import org.rentrecovery.scenarios.SuiteLoader;
import org.rentrecovery.support.Scenarios;

/**
 * The fast evaluator ({@link FastModels}) gives kie-dmn's answer: every evaluation it makes is made again by
 * kie-dmn (the reference) and compared decision by decision (succeeded or not, the value, numbers to the scale)
 * and row by row (the rows selected, in order). Inputs: every scenario of every suite in test-scenarios/, and,
 * for every model of the seed and of the Northfield example set, generated inputs at and either side of every
 * threshold a table tests, every name a table tests and one it does not, every enum constant, and nulls.
 */
class FastPathEquivalenceTest {
    private final Comparison comparison = new Comparison();

    @BeforeEach
    void compareEveryFastEvaluation() {
        FastModels.crossCheck = comparison;
    }

    @AfterEach
    void stopComparing() {
        FastModels.crossCheck = null;
    }

    @Test
    void everyScenarioOfEverySuiteGetsKieDmnsAnswer() {
        long declinedBefore = FastModels.DECLINED.sum();
        ScenarioEngine engine = Scenarios.engine();
        SuiteLoader.Loaded loaded = engine.loader().load(Scenarios.SUITES);
        int scenarios = 0;
        for (var suite : loaded.suites()) {
            for (var scenario : suite.scenarios()) {
                engine.run(scenario);
                scenarios++;
            }
        }
        assertThat(scenarios).isGreaterThan(100);
        System.out.printf("FastPathEquivalenceTest: %d scenarios, %d fast evaluations compared, %d declined to kie-dmn%n",
                scenarios, comparison.compared.get(), FastModels.DECLINED.sum() - declinedBefore);
        assertThat(comparison.differences).as("fast against kie-dmn").isEmpty();
        assertThat(comparison.compared.get()).as("fast evaluations compared").isGreaterThan(scenarios);
    }

    @Test
    void theSeedModelsGetKieDmnsAnswerAtEveryThreshold() throws IOException {
        ModelSet seed = ModelSetCompiler.compile("seed", files(Path.of(PolicyModels.SEED_FOLDER), true));
        assertThat(seed.fastModels()).as("models in the fast subset").containsAll(contractModels(seed));
        edges(seed, 1);
    }

    @Test
    void theNorthfieldModelsGetKieDmnsAnswerAtEveryThreshold() throws IOException {
        ModelSet northfield = ModelSetCompiler.compile("northfield", files(Path.of(PolicyModels.SEED_FOLDER,
                PolicyModels.EXAMPLES_FOLDER, "northfield"), false));
        // Its ladder reads list and context inputs (get value over timesFailed, daysSinceStep): outside the fast
        // subset, so kie-dmn evaluates it; every other model is on the fast path.
        assertThat(northfield.fastModels()).containsAll(contractModels(northfield).stream().filter(m -> !m.equals("EscalationLadder")).toList());
        edges(northfield, 2);
    }

    private void edges(ModelSet set, long seed) {
        Random random = new Random(seed);
        long declinedBefore = FastModels.DECLINED.sum();
        int evaluations = 0;
        for (ModelContract<?> contract : ModelContracts.all()) {
            DMNModel model = set.model(contract.model());
            if (model != null) {
                int made = evaluateAround(set, contract, new EdgeValues(model, contract.inputs()), random);
                // Only a model on the fast path can be compared: one kie-dmn alone evaluates (Northfield's ladder) is not counted.
                evaluations += set.fastModels().contains(contract.model()) ? made : 0;
            }
        }
        long declined = FastModels.DECLINED.sum() - declinedBefore;
        System.out.printf("FastPathEquivalenceTest: %s, %d generated evaluations of fast models, %d fast ones compared, %d declined%n",
                set.versionId(), evaluations, comparison.compared.get(), declined);
        assertThat(comparison.differences).as("fast against kie-dmn").isEmpty();
        // Most generated cases are ordinary ones: the fast path must have made (and matched) most of them.
        assertThat(comparison.compared.get()).as("of " + evaluations + " evaluations, " + declined + " declined")
                .isGreaterThan(evaluations / 2);
    }

    private static <I extends Record> int evaluateAround(ModelSet set, ModelContract<I> contract, EdgeValues values, Random random) {
        int evaluations = 0;
        for (int i = 0; i < 1500; i++) {
            I inputs = values.random(random);
            if (inputs != null) {
                set.evaluate(contract, inputs);
                evaluations++;
            }
        }
        // One input at a time through every value it can take, the others fixed at random.
        for (int base = 0; base < 12; base++) {
            Object[] fixed = values.randomArguments(random);
            for (int c = 0; c < fixed.length; c++) {
                for (Object candidate : values.candidates(c)) {
                    Object[] args = fixed.clone();
                    args[c] = candidate;
                    I inputs = values.build(args);
                    if (inputs != null) {
                        set.evaluate(contract, inputs);
                        evaluations++;
                    }
                }
            }
        }
        return evaluations;
    }

    private static List<String> contractModels(ModelSet set) {
        return ModelContracts.all().stream().map(ModelContract::model).filter(m -> set.model(m) != null).distinct().toList();
    }

    private static Map<String, byte[]> files(Path folder, boolean skipExamples) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".dmn")).toList()) {
                String relative = folder.relativize(path).toString();
                if (!(skipExamples && relative.startsWith(PolicyModels.EXAMPLES_FOLDER))) {
                    files.put(relative, Files.readAllBytes(path));
                }
            }
        }
        return files;
    }

    /** Compares each fast evaluation with kie-dmn's; every difference is kept with the inputs' model. */
    static final class Comparison implements FastModels.CrossCheck {
        final AtomicInteger compared = new AtomicInteger();
        final List<String> differences = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void compare(DMNModel model, Evaluation fast, Evaluation byKie) {
            compared.incrementAndGet();
            if (!fast.rowsSelected().equals(byKie.rowsSelected())) {
                note(model.getName() + " rows: fast " + fast.rowsSelected() + ", kie-dmn " + byKie.rowsSelected());
            }
            for (DecisionNode decision : model.getDecisions()) {
                DecisionResults.Outcome mine = fast.outcome(decision.getName());
                DecisionResults.Outcome reference = byKie.outcome(decision.getName());
                if (!Objects.equals(mine, reference)) {
                    note(model.getName() + "/" + decision.getName() + ": fast " + mine + ", kie-dmn " + reference);
                }
            }
        }

        private void note(String difference) {
            if (differences.size() < 20) {
                differences.add(difference);
            }
        }
    }
}
