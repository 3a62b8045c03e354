package org.rentrecovery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.rentrecovery.support.DmnXml;

/** The checks an uploaded model set goes through, each failure located by model, table, row and column. */
class ModelSetCompilerTest {
    private static final String LADDER = "escalation/escalation-ladder.dmn";
    private static final String WRITE_OFF = "writeoff/write-off.dmn";
    private static final String PATHWAY = "writeoff/former-tenant-pathway.dmn";
    private static final String BENEFIT_CAP = "benefitcap/benefit-cap-policy.dmn";
    /** Letter 1's row, whose pause column (typed vocabulary.tEscalationPause) holds "NONE". */
    private static final String LETTER_1_PAUSE = "EscalationStep-row-17-pause";

    static Map<String, byte[]> packaged() {
        return ClasspathFiles.read(ModelSetCompilerTest.class.getClassLoader(), PolicyModels.SEED_FOLDER, ".dmn");
    }

    /** The packaged models with one edited as XML (an edit naming what the file lacks fails the test). */
    static Map<String, byte[]> withFile(String path, java.util.function.UnaryOperator<DmnXml> change) {
        Map<String, byte[]> files = new TreeMap<>(packaged());
        files.put(path, change.apply(DmnXml.of(files.get(path))).bytes());
        return files;
    }

    static ModelSetInvalidException refused(Map<String, byte[]> files) {
        try {
            ModelSetCompiler.compile("test", files);
        } catch (ModelSetInvalidException e) {
            return e;
        }
        throw new AssertionError("the set was accepted");
    }

    @Test
    void thePackagedModelsCompileWithEveryTableAndTheirRows() {
        ModelSet set = ModelSetCompiler.compile("v-test", packaged());
        assertThat(set.versionId()).isEqualTo("v-test");
        assertThat(set.tables()).extracting(ModelSet.Table::name).contains("EscalationStep", "EscalationActions",
                "EscalationPause", "ComplexCaseTrigger", "RoutingTeam", "WriteOffReasons", "WriteOffApprover",
                "FormerTenantStep", "PriorityContributions", "PriorityBand", "IncomeMaximisation", "RepaymentLimits");
        assertThat(set.warnings()).noneMatch(p -> p.severity() == ModelProblem.Severity.ERROR);
        assertThat(set.files()).containsKeys(LADDER, WRITE_OFF);
    }

    @Test
    void aSetWhoseCompilationBeganEarlyIsCheckedAsUsualAndItsEarlyCompilationTakenOnce() {
        Map<String, byte[]> files = packaged();
        ModelSetCompiler.beginCompiling(files);
        assertThat(ModelSetCompiler.compilationBegun(files)).isTrue();
        ModelSet set = ModelSetCompiler.compile("v-early", files);
        assertThat(ModelSetCompiler.compilationBegun(files)).isFalse();
        assertThat(set.tables()).extracting(ModelSet.Table::name).contains("EscalationStep", "RoutingTeam", "PriorityBand");
        assertThat(set.warnings()).noneMatch(p -> p.severity() == ModelProblem.Severity.ERROR);
        // The checks made on the early thread report what the same checks report made in compile, in the same order.
        assertThat(set.warnings()).isNotEmpty().isEqualTo(ModelSetCompiler.compile("v-late", files).warnings());

        // Begun early (a start), a set with a mistake is still refused with the mistake located where the same set not
        // begun early (an upload) has it. The upload is refused before the analysis, by the service's own check of the
        // vocabulary; the start, whose compilation runs beside the analysis, by the analyser, in the usual order.
        Map<String, byte[]> wrong = withFile(LADDER, xml -> xml.setText("EscalationActions-row-12-action", "\"SERVE_NOSP_TOMORROW\""));
        ModelSetCompiler.beginCompiling(wrong);
        List<ModelProblem> begunEarly = refused(wrong).problems();
        assertThat(begunEarly).anySatisfy(p -> {
            assertThat(p.table()).isEqualTo("EscalationActions");
            assertThat(p.row()).isEqualTo(12);
        });
        List<ModelProblem> uploaded = refused(wrong).problems();
        assertThat(errors(begunEarly)).extracting(ModelProblem::table, ModelProblem::row, ModelProblem::column)
                .isNotEmpty().isEqualTo(errors(uploaded).stream().map(p -> org.assertj.core.groups.Tuple.tuple(p.table(), p.row(), p.column())).toList());
        assertThat(uploaded).noneMatch(p -> p.code().startsWith("DECISION_TABLE_"));
        assertThat(begunEarly).anyMatch(p -> p.code().startsWith("DECISION_TABLE_"));
    }

    private static List<ModelProblem> errors(List<ModelProblem> problems) {
        return problems.stream().filter(p -> p.severity() == ModelProblem.Severity.ERROR).toList();
    }

    @Test
    void anActionNoCodeCanActOnIsRefusedNamingModelTableRowAndColumn() {
        ModelSetInvalidException e = refused(withFile(LADDER, xml -> xml.setText("EscalationActions-row-12-action", "\"SERVE_NOSP_TOMORROW\"")));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.severity()).isEqualTo(ModelProblem.Severity.ERROR);
            assertThat(p.model()).isEqualTo("EscalationLadder");
            assertThat(p.table()).isEqualTo("EscalationActions");
            assertThat(p.row()).isEqualTo(12);
            assertThat(p.column()).isEqualTo("action");
            assertThat(p.file()).isEqualTo(LADDER);
            assertThat(p.message()).contains("SERVE_NOSP_TOMORROW");
        });
        assertThat(e.label()).isEqualTo("test");
    }

    @Test
    void aNameOutsideTheVocabularyIsRefusedNamingTheCell() {
        ModelSetInvalidException e = refused(withFile(WRITE_OFF, xml -> xml.replaceTexts("\"INCOME_MANAGER\"", "\"TEAM_LEADER\"")));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.severity()).isEqualTo(ModelProblem.Severity.ERROR);
            assertThat(p.model()).isEqualTo("WriteOffPolicy");
            assertThat(p.table()).isEqualTo("WriteOffApprover");
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.rowName()).isEqualTo("income-manager");
            assertThat(p.column()).isEqualTo("approver");
            assertThat(p.message()).contains("TEAM_LEADER");
        });
    }

    @Test
    void anEmptyCellWhereTheVocabularyHasNoNullIsRefused() {
        ModelSetInvalidException e = refused(withFile(PATHWAY, xml -> xml.setText("FormerTenantStep-row-1-owner", "null")));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("EMPTY_VOCABULARY_VALUE");
            assertThat(p.table()).isEqualTo("FormerTenantStep");
            assertThat(p.rowName()).isEqualTo("nothing-owed");
            assertThat(p.column()).isEqualTo("owner");
        });
    }

    @Test
    void aStringColumnOutsideTheVocabularyIsRefused() {
        ModelSetInvalidException e = refused(withFile(PATHWAY, xml -> xml.retype("owner", "vocabulary.tOfficer", "string")));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("COLUMN_NOT_IN_VOCABULARY");
            assertThat(p.table()).isEqualTo("FormerTenantStep");
            assertThat(p.column()).isEqualTo("owner");
        });
    }

    @Test
    void aRowWithoutANameOrWithADuplicateNameIsRefused() {
        ModelSetInvalidException missing = refused(withFile(PATHWAY, xml -> xml.replaceTexts("trace", "")));
        assertThat(missing.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("ROW_NAME_MISSING");
            assertThat(p.table()).isEqualTo("FormerTenantStep");
            assertThat(p.row()).isEqualTo(10);
        });
        ModelSetInvalidException duplicate = refused(withFile(PATHWAY, xml -> xml.replaceTexts("trace", "review")));
        assertThat(duplicate.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("ROW_NAME_DUPLICATE");
            assertThat(p.rowName()).isEqualTo("review");
            assertThat(p.row()).isEqualTo(15);
        });
    }

    @Test
    void anInputTheServiceDoesNotSupplyIsRefused() {
        ModelSetInvalidException e = refused(withFile(WRITE_OFF, xml -> xml.insertBefore("decision-WriteOffAmount",
                "<inputData id=\"input-tenantsShoeSize\" name=\"tenantsShoeSize\"><variable id=\"input-tenantsShoeSize-var\" "
                        + "name=\"tenantsShoeSize\" typeRef=\"number\"/></inputData>")));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("INPUT_NOT_SUPPLIED");
            assertThat(p.model()).isEqualTo("WriteOffPolicy");
            assertThat(p.column()).isEqualTo("tenantsShoeSize");
        });
    }

    @Test
    void aModelDeclaresOnlyTheSuppliedInputsItUsesEachWithTheTypeTheServiceSupplies() {
        String declare = "<inputData id=\"input-daysToHearing\" name=\"daysToHearing\"><variable id=\"input-daysToHearing-var\" "
                + "name=\"daysToHearing\" typeRef=\"%s\"/></inputData>";
        ModelSet accepted = ModelSetCompiler.compile("test", withFile(LADDER, xml -> xml.insertBefore(
                "decision-EscalationPause", declare.formatted("number"))));
        assertThat(accepted.tables()).extracting(ModelSet.Table::name).contains("EscalationStep");
        ModelSetInvalidException e = refused(withFile(LADDER, xml -> xml.insertBefore(
                "decision-EscalationPause", declare.formatted("date"))));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("INPUT_TYPE");
            assertThat(p.model()).isEqualTo("EscalationLadder");
            assertThat(p.column()).isEqualTo("daysToHearing");
            assertThat(p.message()).contains("number");
        });
    }

    @Test
    void anInputRemovedFromAModelIsRefusedWhereItIsUsed() {
        ModelSetInvalidException e = refused(withFile(WRITE_OFF, xml -> xml
                .replaceAttributes("name", "droAmount", "droAmountRenamed")));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.model()).isEqualTo("WriteOffPolicy");
            assertThat(p.table()).isEqualTo("WriteOffReasons");
            assertThat(p.row()).isNotNull();
            assertThat(p.message()).contains("droAmount");
        });
    }

    @Test
    void overlappingRowsInAUniqueTableAreRefusedNamingTheRows() {
        ModelSetInvalidException e = refused(withFile(WRITE_OFF, xml -> xml.replaceTexts("[50..5000)", "[40..5000)")));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.severity()).isEqualTo(ModelProblem.Severity.ERROR);
            assertThat(p.model()).isEqualTo("WriteOffPolicy");
            assertThat(p.table()).isEqualTo("WriteOffApprover");
            assertThat(p.row()).isNotNull();
        });
    }

    @Test
    void aFileThatIsNotDmnIsRefusedNamingTheFile() {
        Map<String, byte[]> files = new TreeMap<>(packaged());
        files.put("extra/broken.dmn", "<definitions xmlns=\"https://www.omg.org/spec/DMN/20230324/MODEL/\"><oops/></definitions>"
                .getBytes(StandardCharsets.UTF_8));
        ModelSetInvalidException e = refused(files);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.file()).isEqualTo("extra/broken.dmn"));
    }

    /**
     * The escalation ladder as the KIE DMN editor (npm @kie-tools/dmn-editor-standalone 10.2.0) saved
     * it, driven in headless Chromium: DMN 1.6 namespaces, the editor's ids and layout. The engine
     * reads it as DMN 1.5 and keeps the file byte for byte.
     */
    @Test
    void aModelTheKieEditorSavedAsDmn16IsReadAsDmn15AndKeptAsSaved() throws java.io.IOException {
        byte[] saved;
        try (var in = ModelSetCompilerTest.class.getResourceAsStream("/engine/editor-saved/escalation-ladder.dmn")) {
            saved = in.readAllBytes();
        }
        assertThat(new String(saved, StandardCharsets.UTF_8)).contains("xmlns=\"" + DmnNamespaces.DMN16_MODEL + "\"");
        Map<String, byte[]> files = new TreeMap<>(packaged());
        files.put(LADDER, saved);

        ModelSet fromEditor = ModelSetCompiler.compile("editor", files);
        ModelSet packaged = ModelSetCompiler.compile("packaged", packaged());

        assertThat(fromEditor.warnings()).noneMatch(p -> p.severity() == ModelProblem.Severity.ERROR);
        assertThat(fromEditor.tables()).filteredOn(t -> t.model().equals("EscalationLadder"))
                .extracting(ModelSet.Table::name, ModelSet.Table::rowNames)
                .containsExactlyElementsOf(packaged.tables().stream().filter(t -> t.model().equals("EscalationLadder"))
                        .map(t -> org.assertj.core.groups.Tuple.tuple(t.name(), t.rowNames())).toList());
        assertThat(fromEditor.files().get(LADDER)).as("the stored file is the editor's, unchanged").isEqualTo(saved);
    }

    @Test
    void aDmn16FileIsStillCheckedAgainstTheSchema() {
        Map<String, byte[]> files = new TreeMap<>(packaged());
        files.put("extra/broken16.dmn", ("<definitions xmlns=\"" + DmnNamespaces.DMN16_MODEL + "\" id=\"b\" name=\"Broken\""
                + " namespace=\"urn:broken\"><oops/></definitions>").getBytes(StandardCharsets.UTF_8));
        ModelSetInvalidException e = refused(files);
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("extra/broken16.dmn");
            assertThat(p.severity()).isEqualTo(ModelProblem.Severity.ERROR);
        });
    }

    @Test
    void aMissingModelIsRefused() {
        Map<String, byte[]> files = new TreeMap<>(packaged());
        files.remove("routing/team-routing.dmn");
        ModelSetInvalidException e = refused(files);
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("MODEL_MISSING");
            assertThat(p.model()).isEqualTo("TeamRouting");
        });
    }

    /** A misspelt name in an input cell would only ever fail to match: refused at build, at its row and column. */
    @Test
    void aCellNamingAnInputItsDecisionDoesNotRequireIsRefusedAtItsRowAndColumn() {
        ModelSetInvalidException e = refused(withFile(LADDER, xml -> xml.change("EscalationStep-row-17-weeksInArrears", ">= 1", ">= weeklyRnt")));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("UNKNOWN_NAME_IN_CELL");
            assertThat(p.model()).isEqualTo("EscalationLadder");
            assertThat(p.table()).isEqualTo("EscalationStep");
            assertThat(p.row()).isEqualTo(17);
            assertThat(p.rowName()).isEqualTo("letter-1");
            assertThat(p.column()).isEqualTo("weeksInArrears");
            assertThat(p.message()).contains("weeklyRnt");
        });
        // A name the model declares but this decision does not require (the actions table's input) is as unknown here.
        ModelSetInvalidException notRequired = refused(withFile(LADDER, xml -> xml.change("EscalationStep-row-17-weeksInArrears", ">= 1", ">= breathingSpaceActive")));
        assertThat(notRequired.problems()).anySatisfy(p -> assertThat(p.code()).isEqualTo("UNKNOWN_NAME_IN_CELL"));
    }

    @Test
    void anInputCellTheParserRecoversFromIsRefusedAtItsRowAndColumn() {
        // ">>= 1" parses without a syntax error, as "> (>= 1)": a number compared with a test, which never matches.
        ModelSetInvalidException e = refused(withFile(LADDER, xml -> xml.change("EscalationStep-row-17-weeksInArrears", ">= 1", ">>= 1")));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("CELL_UNREADABLE");
            assertThat(p.model()).isEqualTo("EscalationLadder");
            assertThat(p.table()).isEqualTo("EscalationStep");
            assertThat(p.row()).isEqualTo(17);
            assertThat(p.column()).isEqualTo("weeksInArrears");
            assertThat(p.message()).contains(">>= 1");
        });
    }

    @Test
    void aCellNamingAnUnknownNameInAnOutputIsRefused() {
        ModelSetInvalidException e = refused(withFile(LADDER, xml -> xml.change("EscalationStep-row-17-stage", "1", "stag + 1")));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.model()).isEqualTo("EscalationLadder");
            assertThat(p.table()).isEqualTo("EscalationStep");
            assertThat(p.message()).contains("stag");
        });
    }

    /**
     * A quoted name its column's type does not allow, in an input cell: the column of the pause is typed from the
     * imported vocabulary (vocabulary.tEscalationPause), so "LETTER_X" never arrives there and the row never matches.
     * Alone, in a list, or under not(...), it is refused at its row and column.
     */
    @Test
    void anInputCellTestingForANameItsColumnsTypeDoesNotAllowIsRefusedAtItsRowAndColumn() {
        for (String cell : java.util.List.of("\"LETTER_X\"", "\"NONE\",\"LETTER_X\"", "not(\"LETTER_X\")", "= \"LETTER_X\"")) {
            ModelSetInvalidException e = refused(withFile(LADDER, xml -> xml.change(LETTER_1_PAUSE, "\"NONE\"", cell)));
            assertThat(e.problems()).as(cell).anySatisfy(p -> {
                assertThat(p.code()).isEqualTo("CELL_VALUE_NOT_ALLOWED");
                assertThat(p.file()).isEqualTo(LADDER);
                assertThat(p.model()).isEqualTo("EscalationLadder");
                assertThat(p.table()).isEqualTo("EscalationStep");
                assertThat(p.row()).isEqualTo(17);
                assertThat(p.rowName()).isEqualTo("letter-1");
                assertThat(p.column()).isEqualTo("EscalationPause");
                assertThat(p.message()).contains("'LETTER_X'", "tEscalationPause", "NONE", "ARRANGEMENT_KEPT", "vocabulary.dmn");
            });
            assertThat(e.problems()).as(cell).filteredOn(p -> p.code().equals("CELL_VALUE_NOT_ALLOWED")).hasSize(1);
        }
    }

    /**
     * An input the model declares a plain string that the service only ever supplies as one of a list (noticeStatus is
     * the law's verdict on the notice): a misspelt name is refused, where it used to switch its row off without a word.
     */
    @Test
    void anInputCellTestingForANameTheServiceNeverSuppliesIsRefusedEvenInAPlainStringColumn() {
        ModelSetInvalidException e = refused(withFile(LADDER,
                xml -> xml.change("EscalationStep-row-11-noticeStatus", "\"IN_FORCE\"", "\"IN_FORCED\"")));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("CELL_VALUE_NOT_ALLOWED");
            assertThat(p.table()).isEqualTo("EscalationStep");
            assertThat(p.row()).isEqualTo(11);
            assertThat(p.column()).isEqualTo("noticeStatus");
            assertThat(p.message()).contains("'IN_FORCED'", "noticeStatus", "IN_FORCE", "PENDING", "docs/ladder-inputs.md");
        });
        // A name the service supplies as text from a list of its own (courtOrder: NONE or an order's type) is held the same way.
        ModelSetInvalidException order = refused(withFile(LADDER,
                xml -> xml.change("EscalationStep-row-7-courtOrder", "\"SUSPENDED\",\"POSTPONED\"", "\"SUSPENDED_ORDER\",\"POSTPONED\"")));
        assertThat(order.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("CELL_VALUE_NOT_ALLOWED");
            assertThat(p.message()).contains("'SUSPENDED_ORDER'", "[OUTRIGHT, SUSPENDED, POSTPONED, NONE]");
        });
    }

    /** The compiler names a bad cell's row and a bad input expression's clause number only: both are located at their column. */
    @Test
    void aCellOrInputExpressionFeelCannotCompileIsLocatedAtItsColumn() {
        ModelSetInvalidException cell = refused(withFile(LADDER,
                xml -> xml.change("EscalationStep-row-11-daysSinceNoticeServed", "-", ">= 7 days")));
        assertThat(cell.problems()).anySatisfy(p -> {
            assertThat(p.table()).isEqualTo("EscalationStep");
            assertThat(p.row()).isEqualTo(11);
            assertThat(p.column()).isEqualTo("daysSinceNoticeServed");
            assertThat(p.message()).contains("7 days");
        });
        ModelSetInvalidException input = refused(withFile(LADDER,
                xml -> xml.change("EscalationStep-in-noticeStatus-expr", "noticeStatus", "noticeStatusTypo")));
        assertThat(input.problems()).anySatisfy(p -> {
            assertThat(p.table()).isEqualTo("EscalationStep");
            assertThat(p.column()).isEqualTo("noticeStatus");
            assertThat(p.message()).contains("noticeStatusTypo");
        });
    }

    /**
     * A rung of the landlord's own that routing never names goes to the rows that take any step: said as a warning at the
     * rung's row, so a new rung left out of routing is seen. The default ladder's early rungs go there on purpose, and
     * are not warned about.
     */
    @Test
    void aNewRungNoRoutingRowNamesIsAWarningAtTheLaddersRow() {
        ModelSet seed = ModelSetCompiler.compile("seed", packaged());
        assertThat(seed.warnings()).noneMatch(p -> p.code().equals("VALUE_NOT_NAMED_DOWNSTREAM"));
        ModelSet own = ModelSetCompiler.compile("own", org.rentrecovery.support.LandlordCodes.withOwnRung());
        assertThat(own.warnings()).filteredOn(p -> p.code().equals("VALUE_NOT_NAMED_DOWNSTREAM")).singleElement().satisfies(p -> {
            assertThat(p.table()).isEqualTo("EscalationStep");
            assertThat(p.row()).isEqualTo(10);
            assertThat(p.column()).isEqualTo("step");
            assertThat(p.message()).startsWith("'HEARING_LISTED' is output here").contains("TeamRouting/RoutingTeam column escalationStep");
        });
    }

    /** A column typed plain string that reads another table's vocabulary column (EscalationStep.step) takes its names only. */
    @Test
    void anInputCellReadingAnotherTablesColumnIsCheckedAgainstThatColumnsType() {
        ModelSetInvalidException e = refused(withFile(LADDER,
                xml -> xml.change("EscalationActions-row-25-EscalationStep-step", "\"LETTER_1\"", "\"LETTR_1\"")));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("CELL_VALUE_NOT_ALLOWED");
            assertThat(p.table()).isEqualTo("EscalationActions");
            assertThat(p.row()).isEqualTo(25);
            assertThat(p.column()).isEqualTo("EscalationStep.step");
            assertThat(p.message()).contains("'LETTR_1'", "tEscalationStep");
        });
    }

    /**
     * An output cell answering a name outside its column's type, where the table's decision type does not carry the
     * list (its field retyped Any) and the analyser skips the table: the column's own typeRef still refuses it.
     */
    @Test
    void anOutputCellAnsweringANameItsColumnsTypeDoesNotAllowIsRefused() {
        ModelSetInvalidException e = refused(withFile(BENEFIT_CAP, xml -> xml.setComponentType("tContribution", "condition", "Any")
                .change("PriorityContributions-row-1-condition", "\"BENEFIT_CAP_APPLIED\"", "\"CAP_X\"")));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("CELL_VALUE_NOT_ALLOWED");
            assertThat(p.model()).isEqualTo("BenefitCapPolicy");
            assertThat(p.table()).isEqualTo("PriorityContributions");
            assertThat(p.row()).isEqualTo(1);
            assertThat(p.column()).isEqualTo("condition");
            assertThat(p.message()).contains("'CAP_X'", "tPriorityCondition", "BENEFIT_CAP_APPLIED");
        });
    }

    /** A name the column's type allows is accepted; so is a name the service supplies, in a column typed a plain string. */
    @Test
    void anAllowedNameAndAnyNameInAnOpenColumnAreAccepted() {
        ModelSet set = ModelSetCompiler.compile("allowed", withFile(LADDER, xml -> xml
                .change(LETTER_1_PAUSE, "\"NONE\"", "\"NONE\", \"ARRANGEMENT_KEPT\"")
                .change("EscalationStep-row-17-noticeStatus", "-", "not(\"LAPSED\")")));
        assertThat(set.warnings()).noneMatch(p -> p.code().equals("CELL_VALUE_NOT_ALLOWED"));
    }

    /** Only a cell's equality tests name values of its column: a word in a function call or a range is left alone. */
    @Test
    void theNamesACellTestsForAreItsEqualityTests() {
        assertThat(CellValues.testedValues("\"A\"")).containsExactly("A");
        assertThat(CellValues.testedValues("\"A\", \"B\"")).containsExactly("A", "B");
        assertThat(CellValues.testedValues("not(\"A\", \"B\")")).containsExactly("A", "B");
        assertThat(CellValues.testedValues("= \"A\"")).containsExactly("A");
        assertThat(CellValues.testedValues("? = \"A\"")).containsExactly("A");
        assertThat(CellValues.testedValues("? in [\"A\", \"B\"]")).containsExactly("A", "B");
        assertThat(CellValues.testedValues("starts with(?, \"A\")")).isEmpty();
        assertThat(CellValues.testedValues("[\"A\"..\"C\"]")).isEmpty();
        assertThat(CellValues.testedValues("< \"B\"")).isEmpty();
        assertThat(CellValues.testedValues("-")).isEmpty();
        assertThat(CellValues.testedValues(">= 4, null")).isEmpty();
    }
}
