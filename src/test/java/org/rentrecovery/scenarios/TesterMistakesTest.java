package org.rentrecovery.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.rentrecovery.contract.InvalidRequestException;
import org.rentrecovery.contract.Problem.FieldError;
import org.rentrecovery.engine.PolicyModels;
import org.rentrecovery.scenarios.ScenarioFileException.BadFile;
import org.rentrecovery.support.DmnXml;
import org.rentrecovery.support.Scenarios;
import org.rentrecovery.support.TestCases;

/**
 * The mistakes a council tester made on purpose (issue 18), one bad suite each, with the message
 * the tester gets: no typo may turn a check into one that cannot fail, every problem of a file is
 * reported at once at its own line, and spreadsheet files are read as Excel saves them.
 */
class TesterMistakesTest {
    private static final String HEADER = Scenarios.PROBE_SUITE_HEADER;
    private static final String CSV_DEFAULTS = HEADER.replace("scenarios:\n", "");

    private static SuiteLoader loader() {
        return Scenarios.engine().loader();
    }

    private static ScenarioFileException refused(String fileName, String text, String defaults) {
        try {
            loader().loadText(fileName, text, defaults);
        } catch (ScenarioFileException e) {
            return e;
        }
        throw new AssertionError("expected " + fileName + " to be refused");
    }

    private static ScenarioFileException refused(String scenarios) {
        return refused("probe.yaml", HEADER + scenarios, null);
    }

    // ---------------------------------------------------------------- 1. expected names are known names

    @Test
    void aMisspeltActionInNotContainsIsABadFileWithDidYouMean() {
        ScenarioFileException e = refused("""
                  - name: no letter yet
                    expect:
                      recommendedActions[*].type: {notContains: SEND_REMINDER_LETER_1}
                """);
        assertThat(e.line()).isEqualTo(11);
        assertThat(e.getMessage()).contains("expect 'recommendedActions[*].type': 'SEND_REMINDER_LETER_1' is not a name this field can take",
                "did you mean SEND_REMINDER_LETTER_1?", "(the code's ActionType: ");
    }

    @Test
    void aMisspeltStepInNotEqualsIsCheckedAgainstThePolicyVocabulary() {
        ScenarioFileException e = refused("""
                  - name: not letter 2
                    expect:
                      escalation.step: {notEquals: LETER_2}
                """);
        assertThat(e.getMessage()).contains("'LETER_2' is not a name", "did you mean LETTER_2?", "(vocabulary.dmn tEscalationStep: ");
    }

    @Test
    void namesInFiltersGuardsTeamsGroundsAndListsAreChecked() {
        ScenarioFileException e = refused("""
                  - name: many typos
                    expect:
                      blockedActions[?(@.type=='SERVE_NOPS')].blockedBy[*].guard: {contains: BREATHING_SPACE}
                      blockedActions[*].blockedBy[*].guard: {notContains: BREATHING_SPAC}
                      routing.team: {notEquals: STAGE1}
                      legal.availableGrounds: [GROUND_8, GROUND_100]
                      writeOff.reasons: {notContains: UNTRACABLE}
                      escalation.step: {contains: LETTR}
                """);
        assertThat(e.problems()).extracting(BadFile::line).containsExactly(11, 12, 13, 14, 15, 16);
        assertThat(e.problems().get(0).message()).contains("in the filter [?(@.type=='SERVE_NOPS')]", "did you mean SERVE_NOSP?");
        assertThat(e.problems().get(1).message()).contains("did you mean BREATHING_SPACE?", "(the guards in rules/*.drl: ");
        assertThat(e.problems().get(2).message()).contains("did you mean STAGE_1?", "the code's Team");
        assertThat(e.problems().get(3).message()).contains("'GROUND_100'", "the code's Ground");
        assertThat(e.problems().get(4).message()).contains("did you mean UNTRACEABLE?", "tWriteOffReason");
        assertThat(e.problems().get(5).message()).contains("'LETTR' is not part of a name");
    }

    @Test
    void knownNamesAndPartsOfNamesLoad() {
        Suite suite = loader().loadText("good.yaml", HEADER + """
                  - name: correct names
                    expect:
                      recommendedActions[*].type: {notContains: SEND_REMINDER_LETTER_2}
                      blockedActions[?(@.type=='SERVE_NOSP')].blockedBy[*].guard: {notContains: BREATHING_SPACE}
                      escalation.step: {contains: LETTER}
                      nextAction.reason: {contains: "anything at all"}
                """, null);
        assertThat(suite.scenarios()).hasSize(1);
    }

    @Test
    void aNameTheVersionUnderTestAddsIsKnownWithoutAnyListInTheCode() {
        byte[] vocabulary = PolicyModels.classpathSeed("dev").files().get("vocabulary.dmn");
        DmnXml xml = DmnXml.of(vocabulary);
        String steps = xml.allowedValues("tEscalationStep");
        assertThat(steps).contains("\"LETTER_2\",");
        String withNewStep = xml.setAllowedValues("tEscalationStep", steps.replace("\"LETTER_2\",", "\"LETTER_2\",\"LETTER_3\",")).xml();
        Map<String, Set<String>> names = new java.util.TreeMap<>();
        ValueVocabulary.itemDefinitions(withNewStep.getBytes(StandardCharsets.UTF_8)).forEach((k, v) -> names.put(k, new TreeSet<>(v)));
        SuiteLoader newVersion = new SuiteLoader(ScenarioTargets.of(Scenarios.reader(), TestCases.decisions()),
                () -> new ValueVocabulary(names, Set.of("BREATHING_SPACE")));
        String suite = HEADER + """
                  - name: a step only the new version has
                    expect: {escalation.step: {notEquals: LETTER_3}}
                """;
        assertThat(newVersion.loadText("new.yaml", suite, null).scenarios()).hasSize(1);
        assertThat(refused("old.yaml", suite, null).getMessage()).contains("'LETTER_3' is not a name");
    }

    // ---------------------------------------------------------------- 2. spreadsheets

    @Test
    void anExcelCsvWithAByteOrderMarkLoads() {
        Suite suite = loader().loadText("excel.csv", "\uFEFFname,given.account.balance,expect.escalation.step\nbom,100.00,LETTER_1\n",
                CSV_DEFAULTS);
        assertThat(suite.scenarios()).extracting(Scenario::name).containsExactly("bom");
    }

    @Test
    void aSemicolonSeparatedCsvLoads() {
        Suite suite = loader().loadText("eu.csv", "name;given.account.balance;expect.escalation.step\nsemicolons;100.00;LETTER_1\n",
                CSV_DEFAULTS);
        Scenario scenario = suite.scenarios().get(0);
        assertThat(scenario.request().at("/account/balance").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(Scenarios.engine().run(scenario).result().passed()).isTrue();
    }

    @Test
    void aShortRowNamesTheColumnsItHasNoCellFor() {
        ScenarioFileException e = refused("short.csv", """
                name,given.account.balance,expect.escalation.step,expect.nextAction.type
                fine,100.00,LETTER_1,SEND_REMINDER_LETTER_1
                short row,100.00
                """, CSV_DEFAULTS);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).isEqualTo("the row has 2 cells and the header 4 columns: no cell for expect.escalation.step, "
                + "expect.nextAction.type (leave a cell empty with ,, rather than dropping it)");
    }

    @Test
    void aMissingNameColumnSaysHowTheHeaderWasSplit() {
        ScenarioFileException e = refused("tabs.csv", "title,expect.escalation.step\nx,LETTER_1\n", CSV_DEFAULTS);
        assertThat(e.getMessage()).contains("missing column 'name'", "split at ','", "title | expect.escalation.step");
    }

    // ---------------------------------------------------------------- 3. YAML errors a tester can act on

    @Test
    void aTabSaysLineColumnAndIndentWithSpaces() {
        ScenarioFileException e = refused("""
                  - name: tabbed
                    expect:
                \tescalation.step: LETTER_1
                """);
        assertThat(e.line()).isEqualTo(11);
        assertThat(e.getMessage()).isEqualTo("a tab at column 1 in the indentation: indent with spaces, not tabs");
    }

    @Test
    void aRefusedGivenValuePointsAtItsOwnLine() {
        Suite suite = loader().loadText("given.yaml", HEADER + """
                  - name: text for a number
                    given:
                      tenancy: {type: SECURE}
                      account.balance: "twelve"
                    expect: {escalation.step: LETTER_1}
                """, null);
        ScenarioResult result = Scenarios.engine().run(suite.scenarios().get(0)).result();
        assertThat(result.failures()).hasSize(1);
        assertThat(result.failures().get(0).line()).isEqualTo(12);
        assertThat(result.failures().get(0).message()).contains("account.balance has the wrong type", "(given at line 12)");
    }

    // ---------------------------------------------------------------- 4. every problem at once

    @Test
    void everyProblemInAFileIsReportedAtOnce() {
        ScenarioFileException e = refused("""
                  - name: checks nothing
                    given: {account.balanse: 5}
                  - name: two problems
                    given:
                      acount.balance: 1
                    expect:
                      arrears.weeksOfRent: {greaterThan: 1}
                      nextAction.tpye: SEND_SMS_REMINDER
                """);
        assertThat(e.problems()).extracting(BadFile::line).containsExactly(9, 10, 13, 15, 16);
        assertThat(e.problems()).extracting(BadFile::message).anySatisfy(m -> assertThat(m).contains("no 'expect'"))
                .anySatisfy(m -> assertThat(m).contains("'balanse' is not a field of 'account'"))
                .anySatisfy(m -> assertThat(m).contains("'acount' is not a field of the case"))
                .anySatisfy(m -> assertThat(m).contains("unknown matcher 'greaterThan'"))
                .anySatisfy(m -> assertThat(m).contains("'tpye' is not a field"));
        assertThat(e.getMessage()).startsWith("5 problems: line 9: ");
    }

    @Test
    void everyBadRowOfACsvIsReportedAtOnce() {
        ScenarioFileException e = refused("rows.csv", """
                name,given.account.balance,expect.escalation.step
                short
                ,100.00,LETTER_1
                typo,100.00,LETER_1
                """, CSV_DEFAULTS);
        assertThat(e.problems()).extracting(BadFile::line).containsExactly(2, 3, 4);
    }

    @Test
    void aRefusedCaseNamesEveryBadFieldNotTheFirst() {
        String body = """
                {"caseRef": "X", "asOf": "2026-11-23",
                 "tenancy": {"type": "SECURD", "rentFrequency": "WEEKLY", "rentPerPeriod": "a hundred"},
                 "account": {"balance": true}, "colour": "blue"}
                """;
        try {
            Scenarios.reader().read(body.getBytes(StandardCharsets.UTF_8));
            throw new AssertionError("expected the case to be refused");
        } catch (InvalidRequestException e) {
            List<String> fields = e.errors().stream().map(FieldError::field).toList();
            assertThat(fields).containsExactlyInAnyOrder("tenancy.type", "tenancy.rentPerPeriod", "account.balance", "colour");
            assertThat(e.problem().detail()).startsWith("4 fields are invalid");
        }
    }
}
