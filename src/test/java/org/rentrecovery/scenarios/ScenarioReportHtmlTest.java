package org.rentrecovery.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rentrecovery.support.Scenarios;

/**
 * The HTML report as a tester reads it (issue 18): what did not pass first, with the scenario's
 * given, the reason that decided the answer marked and linked to the docs, and the actual values as
 * YAML to paste back; every scenario with an anchor and a filter by status, suite and tag; coverage
 * last. JUnit XML is still written.
 */
class ScenarioReportHtmlTest {
    static final String SUITE = """
            suite: Letters (report example)
            tags: [letters]
            defaults:
              given:
                caseRef: SCN-REPORT
                asOf: 2026-11-23
                tenancy: {type: SECURE, rentFrequency: WEEKLY, rentPerPeriod: 100.00, periodStartDay: MONDAY}
                account: {balance: 0.00}
            scenarios:
              - name: One week behind with no letter sent gets Letter 1
                tags: [smoke]
                given:
                  account.balance: 100.00
                expect:
                  escalation.step: LETTER_1
                  nextAction.type: SEND_REMINDER_LETTER_1
              - name: Just under a week behind gets Letter 1 (wrong on purpose)
                given:
                  account.balance: 99.00
                expect:
                  escalation.step: LETTER_1
                  nextAction.type: SEND_REMINDER_LETTER_1
                  arrears.weeksOfRent: {gte: 1}
            """;

    static ScenarioReport exampleReport() {
        ScenarioEngine engine = Scenarios.engine();
        Suite suite = engine.loader().loadText("test-scenarios/escalation/letters-example.yaml", SUITE, null);
        return engine.run(new SuiteLoader.Loaded(List.of(suite), List.of()));
    }

    @Test
    void failuresComeFirstWithGivenDecidingReasonAndActualAsYaml(@TempDir Path docs) throws Exception {
        Files.writeString(docs.resolve("policy.md"), "# Policy\n\n## 3.1 Escalation ladder\n\nThe rungs (`EscalationStep`) ...\n");
        ScenarioReport report = exampleReport();
        String html = ReportWriter.html(report, RuleLinks.from(docs, docs.resolve("report")));

        int failures = html.indexOf("<h2 id=\"failures\">Not passed (1)</h2>");
        int results = html.indexOf("<h2 id=\"results\">All scenarios</h2>");
        int coverage = html.indexOf("<h2 id=\"coverage\">Rule coverage");
        assertThat(failures).isPositive();
        assertThat(results).isGreaterThan(failures);
        assertThat(coverage).isGreaterThan(results);

        String card = html.substring(failures, results);
        assertThat(card).contains("Just under a week behind", "account.balance: 99.00", "escalation.step",
                "&quot;SMS_REMINDER&quot;", "class=\"decisive\"", "href=\"../policy.md#31-escalation-ladder\"",
                "EscalationStep/sms-reminder", "Use actual as expected");
        assertThat(card).contains("    expect:\n      escalation.step: SMS_REMINDER\n      nextAction.type: SEND_SMS_REMINDER\n"
                + "      arrears.weeksOfRent: 0.99\n");
        ScenarioResult failed = report.suites().get(0).scenarios().get(1);
        assertThat(failed.decidedBy()).contains("EscalationStep/sms-reminder", "EscalationActions/sms-reminder");

        String table = html.substring(results, coverage);
        assertThat(table).contains("id=\"s-test-scenarios-escalation-letters-example-yaml-10\"", "data-status=\"PASSED\"",
                "data-status=\"FAILED\"", "data-tags=\" letters smoke \"", "<select id=\"f-status\">", "<select id=\"f-suite\">",
                "<select id=\"f-tag\">", "<option>smoke</option>");
    }

    @Test
    void theJunitXmlIsStillWritten(@TempDir Path dir) throws Exception {
        ScenarioReport report = exampleReport();
        ReportWriter.writeAll(report, Scenarios.engine().json(), dir);
        assertThat(Files.readString(dir.resolve(ReportWriter.JUNIT), StandardCharsets.UTF_8))
                .contains("<testcase name=\"Just under a week behind gets Letter 1 (wrong on purpose)\"", "<failure message=");
        assertThat(dir.resolve(ReportWriter.HTML)).exists();
        if (Boolean.getBoolean("report.example")) {
            // The README's screenshot is taken from this page (docs/images/scenario-report.png).
            ReportWriter.writeAll(report, Scenarios.engine().json(), Path.of("target/scenario-report-example"));
        }
    }
}
