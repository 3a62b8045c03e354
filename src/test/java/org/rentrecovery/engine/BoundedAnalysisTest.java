package org.rentrecovery.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNMessageType;
import org.kie.dmn.core.util.DefaultDMNMessagesManager;
import org.rentrecovery.support.DmnXml;

/**
 * A table whose analysis would search for hours is stopped after its budget of CPU, reported by name, and the
 * analysis goes on with the other tables (the timeouts only keep a broken build from hanging: no speed is asserted).
 */
class BoundedAnalysisTest {
    private static final String BUDGET = "rentrecovery.dmn.analysis-cpu-seconds";
    private static final String LADDER = "escalation/escalation-ladder.dmn";

    private static final BoundedAnalysis.TableFrame TABLE = new BoundedAnalysis.TableFrame(BoundedAnalysisTest.class.getName(), "analyseTable");

    /** Stands for the analyser: table by table, whatever a table's analysis throws recorded for that table alone. */
    private static List<DMNMessage> analyserOver(int tables, int endless) {
        DefaultDMNMessagesManager messages = new DefaultDMNMessagesManager(null);
        for (int table = 1; table <= tables; table++) {
            try {
                analyseTable(table == endless);
                messages.addMessage(DMNMessage.Severity.INFO, "table " + table + " analysed", DMNMessageType.DECISION_TABLE_ANALYSIS, null);
            } catch (Throwable t) {
                messages.addMessage(DMNMessage.Severity.WARN, "table " + table + " skipped: " + t, DMNMessageType.DECISION_TABLE_ANALYSIS_ERROR, null);
            }
        }
        return messages.getMessages();
    }

    private static long analyseTable(boolean endless) {
        long n = 0;
        while (endless && n >= 0) {
            n = (n * 31 + 7) & 0xffffffL;
        }
        return n;
    }

    private static StackTraceElement frame(String type, String method) {
        return new StackTraceElement(type, method, null, 1);
    }

    @Test
    void aStopLandsOnlyInsideATablesAnalysisAndNeverWhileAClassIsInitialisedOrFeelIsCompiled() {
        StackTraceElement table = frame(TABLE.className(), TABLE.method());
        StackTraceElement caller = frame("org.kie.dmn.validation.DMNValidatorImpl", "validateDMNResources");
        assertThat(BoundedAnalysis.safeToStop(new StackTraceElement[] {frame("org.kie.dmn.validation.dtanalysis.model.DTAnalysis",
                "normalize"), table, caller}, TABLE)).isTrue();
        assertThat(BoundedAnalysis.safeToStop(new StackTraceElement[] {frame("org.kie.dmn.core.compiler.DMNCompilerImpl", "compile"),
                caller}, TABLE)).as("checking or compiling a model").isFalse();
        assertThat(BoundedAnalysis.safeToStop(new StackTraceElement[] {frame("org.kie.dmn.validation.dtanalysis.model.Bound", "<clinit>"),
                table, caller}, TABLE)).as("initialising a class").isFalse();
        assertThat(BoundedAnalysis.safeToStop(new StackTraceElement[] {frame("org.antlr.v4.runtime.atn.ParserATNSimulator", "closure_"),
                frame("org.kie.dmn.feel.FEEL", "compileUnaryTests"), table, caller}, TABLE)).as("parsing FEEL").isFalse();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theTableWhoseAnalysisOverrunsIsStoppedAndTheOthersAreStillAnalysed() {
        BoundedAnalysis.Outcome outcome = BoundedAnalysis.run(() -> analyserOver(3, 2), 0.2, TABLE);

        assertThat(outcome.tablesStopped()).isEqualTo(1);
        assertThat(outcome.messages()).extracting(DMNMessage::getText).hasSize(3)
                .satisfies(texts -> assertThat(texts.get(0)).contains("table 1 analysed"))
                .satisfies(texts -> assertThat(texts.get(1)).contains("table 2 skipped: " + ThreadDeath.class.getName()))
                .satisfies(texts -> assertThat(texts.get(2)).contains("table 3 analysed"));
    }

    @Test
    void anAnalysisWithinItsBudgetIsNotStoppedAndItsOwnFailureIsPassedOn() {
        assertThat(BoundedAnalysis.run(() -> analyserOver(3, 0), 60, TABLE).tablesStopped()).isZero();
        assertThatThrownBy(() -> BoundedAnalysis.run(() -> {
            throw new IllegalStateException("the analyser broke");
        }, 60, TABLE)).isInstanceOf(BoundedAnalysis.AnalysisFailedException.class).hasRootCauseMessage("the analyser broke");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aWideLadderUploadedByPolicyStaffIsAnalysedWithinItsBudgetAndTheStoppedTableIsNamed() throws IOException {
        Map<String, byte[]> files = wideLadder();
        // Its last row is a catch-all, so every case meets a row even though the analysis could not show it.
        ModelSet accepted = withBudgetOf8Seconds(() -> ModelSetCompiler.compile("wide", files));

        assertThat(accepted.warnings()).filteredOn(p -> BoundedAnalysis.STOPPED_CODE.equals(p.code()))
                .extracting(ModelProblem::table).contains("EscalationStep");
        assertThat(accepted.warnings()).filteredOn(p -> BoundedAnalysis.STOPPED_CODE.equals(p.code()))
                .allSatisfy(p -> assertThat(p.message()).contains("was stopped after 8 s of CPU").contains("Split it"));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aWideTableWhoseAnalysisWasStoppedIsRefusedWithoutACatchAllRow() throws IOException {
        Map<String, byte[]> files = wideLadder();
        files.put(LADDER, DmnXml.of(files.get(LADDER)).remove("EscalationStep-row-28").bytes());

        ModelSetInvalidException refused = withBudgetOf8Seconds(() -> ModelSetCompilerTest.refused(files));

        assertThat(refused.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("TABLE_COVERAGE_UNCHECKED");
            assertThat(p.table()).isEqualTo("EscalationStep");
            assertThat(p.severity()).isEqualTo(ModelProblem.Severity.ERROR);
            assertThat(p.message()).contains("catch-all row");
        });
    }

    @Test
    void aDiagramEdgeLeftPointingAtARemovedRequirementIsAWarningNotARefusal() {
        ModelSet accepted = ModelSetCompiler.compile("edge", ModelSetCompilerTest.withFile(LADDER, xml -> xml.insertBefore(
                "shape-input-formerTenancy", "<dmndi:DMNEdge xmlns:dmndi=\"https://www.omg.org/spec/DMN/20230324/DMNDI/\""
                        + " xmlns:di=\"http://www.omg.org/spec/DMN/20180521/DI/\" id=\"edge-gone\" dmnElementRef=\"req-step-gone\">"
                        + "<di:waypoint x=\"1\" y=\"1\"/><di:waypoint x=\"2\" y=\"2\"/></dmndi:DMNEdge>")));

        assertThat(accepted.warnings()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("DMNDI_UNKNOWN_REF");
            assertThat(p.message()).contains("req-step-gone").contains("the diagram only");
        });
    }

    @Test
    void aFileThatBreaksTheSchemaIsNamedInTheMessageAsWellAsInThePath() {
        // An element the schema does not allow inside a diagram shape.
        ModelSetInvalidException refused = ModelSetCompilerTest.refused(ModelSetCompilerTest.withFile(LADDER, xml -> xml.insertBefore(
                "shape-input-formerTenancy", "<dmndi:DMNShape xmlns:dmndi=\"https://www.omg.org/spec/DMN/20230324/DMNDI/\""
                        + " id=\"misplaced\" dmnElementRef=\"input-balance\"><oops/></dmndi:DMNShape>")));

        assertThat(refused.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("FAILED_XML_VALIDATION");
            assertThat(p.file()).isEqualTo(LADDER);
            assertThat(p.message()).contains("DMN file " + LADDER).doesNotContain("file: null");
        });
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aWideUniqueTableWhoseAnalysisWasStoppedIsRefusedEvenWithACatchAllRow() throws IOException {
        Map<String, byte[]> files = wideLadder();
        files.put(LADDER, DmnXml.of(files.get(LADDER)).setAttribute("table-EscalationStep", "hitPolicy", "UNIQUE").bytes());

        ModelSetInvalidException refused = withBudgetOf8Seconds(() -> ModelSetCompilerTest.refused(files));

        assertThat(refused.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("TABLE_OVERLAPS_UNCHECKED");
            assertThat(p.table()).isEqualTo("EscalationStep");
            assertThat(p.message()).contains("make it FIRST");
        });
    }

    /** Vine Housing Co-operative's ladder as a reviewer first wrote it: EscalationStep with 22 inputs and 28 rows. */
    private static Map<String, byte[]> wideLadder() throws IOException {
        Map<String, byte[]> files = new TreeMap<>(ModelSetCompilerTest.packaged());
        files.put("vocabulary.dmn", fixture("vocabulary.dmn"));
        files.put("landlord-actions.dmn", fixture("landlord-actions.dmn"));
        files.put(LADDER, fixture("escalation-ladder.dmn"));
        return files;
    }

    private static <T> T withBudgetOf8Seconds(java.util.function.Supplier<T> work) {
        String before = System.getProperty(BUDGET);
        System.setProperty(BUDGET, "8");
        try {
            return work.get();
        } finally {
            if (before == null) {
                System.clearProperty(BUDGET);
            } else {
                System.setProperty(BUDGET, before);
            }
        }
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = BoundedAnalysisTest.class.getResourceAsStream("/wide-ladder/" + name)) {
            return in.readAllBytes();
        }
    }
}
