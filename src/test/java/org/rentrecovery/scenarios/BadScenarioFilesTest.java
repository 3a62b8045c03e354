package org.rentrecovery.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rentrecovery.support.Scenarios;

/**
 * A scenario file that cannot be run as written is reported with its file, line and a reason a
 * tester can act on: never a stack trace, never a silently skipped scenario.
 */
class BadScenarioFilesTest {
    private static final String HEADER = Scenarios.PROBE_SUITE_HEADER;

    private static SuiteLoader loader() {
        return Scenarios.engine().loader();
    }

    private static ScenarioFileException badYaml(String scenarios) {
        try {
            loader().loadText("probe.yaml", HEADER + scenarios, null);
        } catch (ScenarioFileException e) {
            return e;
        }
        throw new AssertionError("expected the file to be refused");
    }

    @Test
    void aYamlSyntaxErrorNamesItsLine() {
        ScenarioFileException e = badYaml("""
                  - name: broken
                    expect: {escalation.step: LETTER_1
                """);
        assertThat(e.file()).isEqualTo("probe.yaml");
        assertThat(e.line()).isBetween(9, 10);
        assertThat(e.getMessage()).startsWith("YAML syntax error");
    }

    @Test
    void aGivenPathOutsideTheCaseContractIsRefusedAtItsLine() {
        ScenarioFileException e = badYaml("""
                  - name: typo
                    given:
                      account.balanse: 5
                    expect:
                      escalation.step: SMS_REMINDER
                """);
        assertThat(e.line()).isEqualTo(11);
        assertThat(e.getMessage()).contains("given 'account.balanse' is not in the case contract", "'balanse' is not a field of 'account'",
                "balance");
    }

    @Test
    void anUnknownFieldInsideAGivenBlockIsRefusedAtItsLine() {
        ScenarioFileException e = badYaml("""
                  - name: nested typo
                    given:
                      tenancy:
                        rentPerPeriodd: 100
                    expect:
                      escalation.step: SMS_REMINDER
                """);
        assertThat(e.line()).isEqualTo(12);
        assertThat(e.getMessage()).contains("'rentPerPeriodd' is not in the case contract");
    }

    @Test
    void anUnknownMatcherIsRefusedAtItsLine() {
        ScenarioFileException e = badYaml("""
                  - name: bad matcher
                    expect:
                      arrears.weeksOfRent: {greaterThan: 1}
                """);
        assertThat(e.line()).isEqualTo(11);
        assertThat(e.getMessage()).contains("unknown matcher 'greaterThan'", "gt (>)");
    }

    @Test
    void anExpectPathOutsideTheResponseIsRefused() {
        ScenarioFileException e = badYaml("""
                  - name: response typo
                    expect:
                      nextAction.tpye: LETTER_1
                """);
        assertThat(e.line()).isEqualTo(11);
        assertThat(e.getMessage()).contains("expect 'nextAction.tpye' is not in the next-action response", "type");
    }

    @Test
    void aScenarioWithoutExpectationsOrNameOrWithADuplicateNameIsRefused() {
        assertThat(badYaml("""
                  - name: checks nothing
                    given: {account.balance: 5}
                """).getMessage()).contains("no 'expect'");
        assertThat(badYaml("""
                  - given: {account.balance: 5}
                    expect: {escalation.step: SMS_REMINDER}
                """).getMessage()).contains("no name");
        assertThat(badYaml("""
                  - name: twice
                    expect: {escalation.step: LETTER_1}
                  - name: twice
                    expect: {escalation.step: LETTER_1}
                """).getMessage()).contains("a second scenario is named 'twice'");
        assertThat(badYaml("""
                  - name: misspelt key
                    expcet: {escalation.step: LETTER_1}
                """).getMessage()).contains("'expcet' is not a scenario key");
    }

    @Test
    void anUnknownTargetIsRefused() {
        assertThat(badYaml("""
                  - name: where to
                    target: next-actoin
                    expect: {escalation.step: LETTER_1}
                """).getMessage()).contains("unknown target 'next-actoin'", "escalation");
    }

    @Test
    void aCsvRowWithAMissingCellNamesItsLine() {
        String csv = """
                name,given.account.balance,expect.escalation.step
                fine,100.00,LETTER_1
                short row,100.00
                """;
        assertThatThrownBy(() -> loader().loadText("rows.csv", csv, HEADER.replace("scenarios:\n", "")))
                .isInstanceOfSatisfying(ScenarioFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("rows.csv");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).startsWith("the row has 2 cells and the header 3 columns: no cell for expect.escalation.step");
                });
    }

    @Test
    void aCsvWithoutANameColumnOrWithAnUnknownColumnIsRefused() {
        assertThatThrownBy(() -> loader().loadText("cols.csv", "given.account.balance,expect.escalation.step\n100,LETTER_1\n", null))
                .hasMessageContaining("missing column 'name'");
        assertThatThrownBy(() -> loader().loadText("cols.csv", "name,balance,expect.escalation.step\nx,100,LETTER_1\n", null))
                .hasMessageContaining("unknown column 'balance'");
        assertThatThrownBy(() -> loader().loadText("cols.csv", "name,given.account.balance\nx,100\n", null))
                .hasMessageContaining("missing an expect.<path> column");
        assertThatThrownBy(() -> loader().loadText("cols.csv", "name,given.acount.balance,expect.escalation.step\nx,100,LETTER_1\n", null))
                .isInstanceOfSatisfying(ScenarioFileException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("given 'acount.balance' is not in the case contract");
    }

    @Test
    void aFolderRunReportsBadFilesAndStillRunsTheGoodOnes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("good.yaml"), HEADER + """
                  - name: one week behind
                    expect: {escalation.step: LETTER_1}
                """);
        Files.writeString(dir.resolve("bad.yaml"), HEADER + """
                  - name: typo
                    given: {acount.balance: 1}
                    expect: {escalation.step: LETTER_1}
                """);
        Files.writeString(dir.resolve("orphan.defaults.yaml"), "suite: orphan\n");
        ScenarioReport report = Scenarios.engine().run(loader().load(dir));
        assertThat(report.summary().passed()).isEqualTo(1);
        assertThat(report.summary().success()).isFalse();
        // The case's fields are listed (as many as the contract has today).
        assertThat(report.badFiles()).extracting(ScenarioFileException.BadFile::toString).hasSize(2)
                .anySatisfy(bad -> assertThat(bad).startsWith(dir.resolve("bad.yaml") + ":10: given 'acount.balance' is not in the case"
                        + " contract: 'acount' is not a field of the case (fields: account, arrangement, asOf, benefits,"))
                .contains(dir.resolve("orphan.defaults.yaml") + ":1: is a defaults file, but there is no orphan.csv beside it to apply to");
    }

    @Test
    void aFailingScenarioExplainsItselfWithExpectedActualReasonsAndLine() {
        Suite suite = loader().loadText("explain.yaml", HEADER + """
                  - name: wrong on purpose
                    reference: EscalationStep/letter-1
                    expect:
                      escalation.step: LETTER_2
                      blockedActions[*].type: {contains: SERVE_NOSP}
                      arrears.weeksOfRent: {gte: 1}
                """, null);
        ScenarioResult result = Scenarios.engine().run(suite.scenarios().get(0)).result();
        assertThat(result.outcome()).isEqualTo(ScenarioResult.Outcome.FAILED);
        assertThat(result.failures()).hasSize(2);
        assertThat(result.failures().get(0).line()).isEqualTo(12);
        assertThat(result.failures().get(0).actual().asText()).isEqualTo("LETTER_1");
        assertThat(result.explain()).contains("explain.yaml:9", "line 12: escalation.step equals \"LETTER_2\"",
                "actual: \"LETTER_1\"", "line 13: blockedActions[*].type contains \"SERVE_NOSP\"", "actual: []",
                "reasons:", "EscalationStep/letter-1: Arrears are at least 1 week's rent");
    }

    @Test
    void anInvalidCaseIsAFailureThatSaysWhyUnlessTheScenarioExpectsIt() {
        Suite suite = loader().loadText("invalid.yaml", HEADER + """
                  - name: text for a number
                    given: {account.balance: "12"}
                    expect: {escalation.step: LETTER_1}
                """, null);
        ScenarioResult result = Scenarios.engine().run(suite.scenarios().get(0)).result();
        assertThat(result.outcome()).isEqualTo(ScenarioResult.Outcome.FAILED);
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.failures().get(0).message()).contains("the case is not valid: account.balance has the wrong type");
    }
}
