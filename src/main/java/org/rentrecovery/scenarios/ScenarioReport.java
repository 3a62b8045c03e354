package org.rentrecovery.scenarios;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rentrecovery.scenarios.ScenarioFileException.BadFile;

/**
 * The report of one run, the same from mvn test, the command line and POST /api/scenarios/run.
 *
 * @param notes what a reader must know about the run as a whole, e.g. why no scenario ran
 */
public record ScenarioReport(
        @Schema(description = "The counts, and whether the run succeeded") Summary summary,
        @Schema(description = "Each problem that kept a file (or a scenario in it) from running, with its file and line") List<BadFile> badFiles,
        @Schema(description = "Each suite run, with every scenario's result") List<SuiteResult> suites,
        @Schema(description = "Which decision-table rows and rules the run reached") RuleCoverage coverage,
        @Schema(description = "What a reader must know about the run as a whole, e.g. why no scenario ran") List<String> notes) {

    /** {@code success}: every scenario passed and every file could be read. */
    @Schema(name = "ScenarioRunSummary")
    public record Summary(
            @Schema(description = "Suites run") int suites,
            @Schema(description = "Scenarios run") int scenarios,
            @Schema(description = "Scenarios whose every expectation held") int passed,
            @Schema(description = "Scenarios with an expectation that did not hold") int failed,
            @Schema(description = "Scenarios the service failed on") int errors,
            @Schema(description = "Problems that kept a file or a scenario from running") int badFiles,
            @Schema(description = "True when every scenario passed and every file could be read") boolean success) {
    }

    public record SuiteResult(
            @Schema(description = "The suite's file, e.g. test-scenarios/routing/triggers.yaml") String file,
            @Schema(description = "The suite's name as written") String name,
            @Schema(description = "The law or policy sections the suite checks") String reference,
            @Schema(description = "Its scenarios that passed") int passed,
            @Schema(description = "Its scenarios that failed or erred") int failed,
            @Schema(description = "Each scenario's result, in file order") List<ScenarioResult> scenarios) {
    }

    /**
     * For a console, what a tester reads first comes first: the counts, why nothing ran (if so), bad
     * files and each failure explained; then rule coverage; the result last.
     */
    public String summaryText() {
        StringBuilder out = new StringBuilder();
        out.append("Scenarios: ").append(summary.scenarios()).append(" in ").append(summary.suites()).append(" suites: ")
                .append(summary.passed()).append(" passed, ").append(summary.failed()).append(" failed, ")
                .append(summary.errors()).append(" errors; ").append(summary.badFiles()).append(" bad files\n");
        for (String note : notes == null ? List.<String>of() : notes) {
            out.append(note).append('\n');
        }
        for (BadFile bad : badFiles) {
            out.append("BAD FILE: ").append(bad).append('\n');
        }
        for (SuiteResult suite : suites) {
            for (ScenarioResult result : suite.scenarios()) {
                if (!result.passed()) {
                    out.append(result.explain());
                }
            }
        }
        if (coverage != null) {
            out.append(coverage.summaryText());
        }
        out.append(summary.success() ? "RESULT: PASSED\n" : "RESULT: FAILED\n");
        return out.toString();
    }
}
