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
}
