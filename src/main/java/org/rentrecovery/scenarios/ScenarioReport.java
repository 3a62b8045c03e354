package org.rentrecovery.scenarios;

import java.util.List;

import org.rentrecovery.scenarios.ScenarioFileException.BadFile;

/**
 * The report of one run, the same from mvn test, the command line and POST /api/scenarios/run.
 *
 * @param notes what a reader must know about the run as a whole, e.g. why no scenario ran
 */
public record ScenarioReport(Summary summary, List<BadFile> badFiles, List<SuiteResult> suites, RuleCoverage coverage,
        List<String> notes) {

    /** {@code success}: every scenario passed and every file could be read. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ScenarioRunSummary")
    public record Summary(int suites, int scenarios, int passed, int failed, int errors, int badFiles, boolean success) {
    }

    public record SuiteResult(String file, String name, String reference, int passed, int failed,
            List<ScenarioResult> scenarios) {
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
