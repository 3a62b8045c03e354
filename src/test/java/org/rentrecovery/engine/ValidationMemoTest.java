package org.rentrecovery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A set that passed the KIE analysis once is not analysed again on the next start; nothing else changes. */
class ValidationMemoTest {
    @TempDir
    Path memoDir;

    @AfterEach
    void forget() {
        ModelSetCompiler.rememberValidatedSetsIn(null);
    }

    private static Map<String, String> texts(Map<String, byte[]> files) {
        Map<String, String> texts = new TreeMap<>();
        files.forEach((path, bytes) -> texts.put(path, DmnNamespaces.asDmn15(new String(bytes, StandardCharsets.UTF_8))));
        return texts;
    }

    private List<Path> memos() throws Exception {
        try (Stream<Path> files = Files.list(memoDir)) {
            return files.filter(p -> p.toString().endsWith(".json")).toList();
        }
    }

    @Test
    void aSetThatPassedIsRememberedWithItsWarningsAndCompilesTheSameFromTheMemo() throws Exception {
        Map<String, byte[]> files = PolicyModels.seedFiles(getClass().getClassLoader());
        List<ModelProblem> analysed = ModelSetCompiler.compile("v1", files).warnings();

        ModelSetCompiler.rememberValidatedSetsIn(memoDir);
        ModelSet first = ModelSetCompiler.compile("v1", files);
        assertThat(memos()).hasSize(1);
        ModelSet second = ModelSetCompiler.compile("v1", files);

        assertThat(first.warnings()).isEqualTo(analysed);
        assertThat(second.warnings()).isEqualTo(analysed);
        assertThat(second.tables()).isEqualTo(first.tables());
    }

    @Test
    void theMemoIsWhatTheNextCompileUsesInPlaceOfTheAnalysis() throws Exception {
        Map<String, byte[]> files = PolicyModels.seedFiles(getClass().getClassLoader());
        ValidationMemo memo = new ValidationMemo(memoDir);
        ModelProblem remembered = new ModelProblem("escalation/escalation-ladder.dmn", "EscalationLadder", "EscalationStep",
                null, null, null, ModelProblem.Severity.WARNING, "REMEMBERED", "written by this test");
        memo.remember(texts(files), List.of(remembered));

        ModelSetCompiler.rememberValidatedSetsIn(memoDir);
        ModelSet set = ModelSetCompiler.compile("v1", files);

        // The analysis of the packaged set never reports this code: only the memo can have supplied it.
        assertThat(set.warnings()).contains(remembered);
    }

    @Test
    void aRefusedSetIsNeverRememberedAndIsRefusedInFullEveryTime() throws Exception {
        Map<String, byte[]> files = ModelSetCompilerTest.withFile("escalation/escalation-ladder.dmn", xml -> xml.setText(
                "EscalationActions-row-12-action", "\"SERVE_NOSP_TOMORROW\""));
        files.keySet().removeIf(path -> path.startsWith(PolicyModels.EXAMPLES_FOLDER + "/"));
        ModelSetCompiler.rememberValidatedSetsIn(memoDir);

        ModelSetInvalidException first = ModelSetCompilerTest.refused(files);
        ModelSetInvalidException second = ModelSetCompilerTest.refused(files);

        assertThat(second.problems()).isEqualTo(first.problems());
        assertThat(first.problems()).anyMatch(p -> p.severity() == ModelProblem.Severity.ERROR);
        // Stages 1 and 2 passed (the error is the service's own check, stage 4), so the analysis may be remembered;
        // the refusal itself never is: the error comes back on every attempt.
        assertThat(memos()).allSatisfy(p -> assertThat(Files.readString(p)).doesNotContain("ERROR"));
    }

    @Test
    void aMemoThatCannotBeReadIsIgnoredAndWrittenAgain() throws Exception {
        Map<String, byte[]> files = PolicyModels.seedFiles(getClass().getClassLoader());
        List<ModelProblem> analysed = ModelSetCompiler.compile("v1", files).warnings();
        Files.writeString(memoDir.resolve(ValidationMemo.key(texts(files)) + ".json"), "{not json");

        ModelSetCompiler.rememberValidatedSetsIn(memoDir);
        ModelSet set = ModelSetCompiler.compile("v1", files);

        assertThat(set.warnings()).isEqualTo(analysed);
        assertThat(new ValidationMemo(memoDir).passed(texts(files))).contains(analysed);
    }

    @Test
    void thePackagedMemosOfATrainingStartAreReadAndNeverWritten() throws Exception {
        Map<String, byte[]> files = PolicyModels.seedFiles(getClass().getClassLoader());
        Path packaged = Files.createDirectories(memoDir.resolve("image"));
        Path data = memoDir.resolve("data");
        ModelProblem remembered = new ModelProblem("escalation/escalation-ladder.dmn", "EscalationLadder", "EscalationStep",
                null, null, null, ModelProblem.Severity.WARNING, "REMEMBERED_IN_THE_IMAGE", "written by this test");
        new ValidationMemo(packaged).remember(texts(files), List.of(remembered));

        ModelSetCompiler.rememberValidatedSetsIn(data, packaged);
        ModelSet set = ModelSetCompiler.compile("v1", files);

        // Only the packaged memo can have supplied this code; the set was not analysed, so nothing was remembered anew.
        assertThat(set.warnings()).contains(remembered);
        assertThat(data).doesNotExist();
    }

    @Test
    void aSetThePackagedMemosDoNotHoldIsRememberedInTheDataFolderOnly() throws Exception {
        Map<String, byte[]> files = PolicyModels.seedFiles(getClass().getClassLoader());
        Path packaged = Files.createDirectories(memoDir.resolve("image"));
        Path data = memoDir.resolve("data");

        ModelSetCompiler.rememberValidatedSetsIn(data, packaged);
        ModelSetCompiler.compile("v1", files);

        assertThat(new ValidationMemo(data).passed(texts(files))).isPresent();
        try (Stream<Path> written = Files.list(packaged)) {
            assertThat(written).isEmpty();
        }
    }

    @Test
    void anyChangeToAnyFileIsAnotherKey() {
        Map<String, byte[]> files = PolicyModels.seedFiles(getClass().getClassLoader());
        Map<String, String> texts = texts(files);
        Map<String, String> changed = new TreeMap<>(texts);
        changed.put("escalation/escalation-ladder.dmn", texts.get("escalation/escalation-ladder.dmn") + " ");
        Map<String, String> renamed = new TreeMap<>(texts);
        renamed.put("escalation/ladder.dmn", renamed.remove("escalation/escalation-ladder.dmn"));

        assertThat(ValidationMemo.key(texts)).isEqualTo(ValidationMemo.key(new TreeMap<>(texts)));
        assertThat(ValidationMemo.key(changed)).isNotEqualTo(ValidationMemo.key(texts));
        assertThat(ValidationMemo.key(renamed)).isNotEqualTo(ValidationMemo.key(texts));
    }
}
