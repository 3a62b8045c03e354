package org.rentrecovery.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.feel.util.Either;

/**
 * Compiling a set's models on several threads ({@link ParallelDmnCompilation}) gives what kie-dmn's own builder gives
 * on one: the same models in the same order, the same messages, the same answers, the same failures.
 */
class DmnRuntimesTest {
    private static final String LADDER = "escalation/escalation-ladder.dmn";
    private static final String VOCABULARY = "vocabulary.dmn";

    private static Map<String, String> texts(Map<String, byte[]> files) {
        Map<String, String> texts = new TreeMap<>();
        files.forEach((path, bytes) -> texts.put(path, DmnNamespaces.asDmn15(new String(bytes, StandardCharsets.UTF_8))));
        return texts;
    }

    /** Each model by name, with its decisions and every message the compiler left on it, in the runtime's order. */
    private static List<String> compiled(DMNRuntime runtime) {
        return runtime.getModels().stream().map(DmnRuntimesTest::describe).toList();
    }

    private static String describe(DMNModel model) {
        return model.getNamespace() + " " + model.getName() + " from " + model.getResource().getSourcePath()
                + " decisions " + model.getDecisions().stream().map(DecisionNode::getName).toList()
                + " inputs " + model.getInputs().stream().map(input -> input.getName()).toList()
                + " messages " + model.getMessages().stream().map(DmnRuntimesTest::describe).toList();
    }

    private static String describe(DMNMessage message) {
        return message.getSeverity() + " " + message.getSourceId() + " " + message.getText();
    }

    /** Every decision of every model evaluated with no inputs: each one's status, result and messages. */
    private static List<String> answersWithNoInputs(DMNRuntime runtime) {
        return runtime.getModels().stream()
                .flatMap(model -> runtime.evaluateAll(model, runtime.newContext()).getDecisionResults().stream()
                        .map(result -> model.getName() + "." + result.getDecisionName() + " " + result.getEvaluationStatus()
                                + " " + result.getResult() + " " + result.getMessages().stream()
                                        .map(DmnRuntimesTest::describe).toList()))
                .toList();
    }

    private static DMNRuntime runtime(Either<Exception, DMNRuntime> compiled) {
        assertThat(compiled.isRight()).as("compiled").isTrue();
        return compiled.getOrElseThrow(IllegalStateException::new);
    }

    @Test
    void thePackagedModelsCompiledOnSeveralThreadsAreTheBuildersModels() {
        Map<String, String> texts = texts(ModelSetCompilerTest.packaged());
        DMNRuntime oneByOne = runtime(DmnRuntimes.compile(texts, 1));
        DMNRuntime sideBySide = runtime(DmnRuntimes.compile(texts, 4));

        assertThat(compiled(sideBySide)).containsExactlyElementsOf(compiled(oneByOne)).hasSize(texts.size());
        assertThat(sideBySide.getModels().get(0).getName()).isEqualTo("Vocabulary"); // imported first, as kie-dmn sorts
        assertThat(answersWithNoInputs(sideBySide)).containsExactlyElementsOf(answersWithNoInputs(oneByOne)).isNotEmpty();
        DMNModel ladder = sideBySide.getModels().stream().filter(m -> m.getName().equals("EscalationLadder")).findFirst()
                .orElseThrow();
        assertThat(sideBySide.getModel(ladder.getNamespace(), ladder.getName())).isSameAs(ladder);
        assertThat(sideBySide.getModelById(ladder.getNamespace(), ladder.getDefinitions().getId())).isSameAs(ladder);
    }

    @Test
    void aCellThatDoesNotParseLeavesTheSameErrorsEitherWay() {
        Map<String, String> texts = texts(ModelSetCompilerTest.withFile(LADDER,
                xml -> xml.setText("EscalationActions-row-12-action", "\"SERVE_NOSP")));
        List<String> oneByOne = compiled(runtime(DmnRuntimes.compile(texts, 1)));
        List<String> sideBySide = compiled(runtime(DmnRuntimes.compile(texts, 2)));

        assertThat(sideBySide).containsExactlyElementsOf(oneByOne);
        assertThat(String.join("\n", sideBySide)).contains("ERROR").contains("EscalationActions-row-12 ").contains("SERVE_NOSP");
    }

    @Test
    void aSetWithoutTheModelItImportsFailsAsTheBuilderFails() {
        Map<String, String> texts = texts(ModelSetCompilerTest.packaged());
        texts.remove(VOCABULARY);
        Throwable oneByOne = catchThrowable(() -> DmnRuntimes.compile(texts, 1));
        Throwable sideBySide = catchThrowable(() -> DmnRuntimes.compile(texts, 2));

        assertThat(oneByOne).isNotNull();
        assertThat(sideBySide).isNotNull().hasSameClassAs(oneByOne).hasMessage(oneByOne.getMessage());
    }

    @Test
    void theNumberOfThreadsComesFromTheSystemPropertyElseOneThread() {
        String before = System.getProperty("rentrecovery.dmn.compile-threads");
        try {
            System.setProperty("rentrecovery.dmn.compile-threads", "2");
            assertThat(DmnRuntimes.compileThreads()).isEqualTo(2);
            System.clearProperty("rentrecovery.dmn.compile-threads");
            assertThat(DmnRuntimes.compileThreads()).isEqualTo(1);
        } finally {
            if (before != null) {
                System.setProperty("rentrecovery.dmn.compile-threads", before);
            }
        }
    }
}
