package org.rentrecovery.scenarios;

import java.util.List;

import org.rentrecovery.scenarios.ScenarioFileException.BadFile;

/** The report of one run, the same from mvn test, the command line and POST /api/scenarios/run. */
public record ScenarioReport(Summary summary, List<BadFile> badFiles, List<SuiteResult> suites, RuleCoverage coverage) {

    /** {@code success}: every scenario passed and every file could be read. */
    public record Summary(int suites, int scenarios, int passed, int failed, int errors, int badFiles, boolean success) {
    }

    public record SuiteResult(String file, String name, String reference, int passed, int failed,
            List<ScenarioResult> scenarios) {
    }

    /** A few lines for a console: counts, coverage, then each failure explained. */
    public String summaryText() {
        StringBuilder out = new StringBuilder();
        out.append("Scenarios: ").append(summary.scenarios()).append(" in ").append(summary.suites()).append(" suites: ")
                .append(summary.passed()).append(" passed, ").append(summary.failed()).append(" failed, ")
                .append(summary.errors()).append(" errors; ").append(summary.badFiles()).append(" bad files\n");
        if (coverage != null) {
            out.append(coverage.summaryText());
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
        out.append(summary.success() ? "RESULT: PASSED\n" : "RESULT: FAILED\n");
        return out.toString();
    }
}
