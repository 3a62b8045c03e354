package org.rentrecovery.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** The packaged entry point in command-line mode: runs suites, prints the summary, writes reports, exits 0. */
@QuarkusMainTest
class ScenarioCommandLineTest {

    @Test
    @Launch({"scenarios", "run", "test-scenarios/guards/ground-8.csv", "--report-dir", "target/scenario-report-main"})
    void runsTheSuitesAndExitsZeroWhenAllPass(LaunchResult result) throws Exception {
        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("Scenarios: 25 in 1 suites: 25 passed, 0 failed", "RESULT: PASSED");
        assertThat(Files.readString(Path.of("target/scenario-report-main", ReportWriter.JUNIT)))
                .contains("Old law: a penny under 8 weeks");
    }

    @Test
    @Launch(value = {"scenarios", "run", "test-scenarios/no-such-folder", "--report-dir", "target/scenario-report-main-bad"},
            exitCode = 1)
    void aMissingFolderIsABadFileAndExitsOne(LaunchResult result) {
        assertThat(result.getOutput()).contains("BAD FILE: test-scenarios/no-such-folder: no such file or folder", "RESULT: FAILED");
    }

    @Test
    @Launch({"scenarios", "run", "test-scenarios/guards/ground-8.csv", "--name", "penny under 8 WEEKS", "--report-dir",
            "target/scenario-report-main-name"})
    void aNameRunsOnlyTheScenariosItNamesAndTheSummaryComesBeforeCoverage(LaunchResult result) {
        assertThat(result.exitCode()).isZero();
        String output = result.getOutput();
        assertThat(output).contains("Scenarios: 1 in 1 suites: 1 passed, 0 failed", "RESULT: PASSED");
        assertThat(output.indexOf("Scenarios: ")).isLessThan(output.indexOf("Rule coverage: "));
        assertThat(output.indexOf("Rule coverage: ")).isLessThan(output.indexOf("RESULT: PASSED"));
        assertThat(output + result.getErrorOutput()).doesNotContain("ANTLR");
    }

    @Test
    @Launch(value = {"scenarios", "run", "test-scenarios/guards/ground-8.csv", "--tag", "no-such-tag", "--report-dir",
            "target/scenario-report-main-tag"}, exitCode = 1)
    void aTagThatMatchesNothingSaysWhyNothingRan(LaunchResult result) {
        assertThat(result.getOutput()).contains("Scenarios: 0 in 0 suites",
                "No scenario ran: tag no-such-tag matched none of the 25 scenarios loaded", "RESULT: FAILED");
    }

    @Test
    @Launch(value = {"scenarios", "run", "test-scenarios/guards/ground-8.defaults.yaml", "--report-dir",
            "target/scenario-report-main-defaults"}, exitCode = 1)
    void aDefaultsFileRunAloneSaysWhyNothingRan(LaunchResult result) {
        assertThat(result.getOutput()).contains("BAD FILE: test-scenarios/guards/ground-8.defaults.yaml: holds only the defaults of "
                + "ground-8.csv, so no scenario ran: run test-scenarios/guards/ground-8.csv (it applies these defaults) or its folder");
    }
}
