package org.rentrecovery.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** {@code ready}: a whole start, then the readiness checks of /q/health/ready, one line each, and the exit code. */
@QuarkusMainTest
class ReadyCommandLineTest {

    @Test
    void reportsEachReadinessCheckAndExitsZeroOnceThePolicyIsCompiledAndTheAuditWritable(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("ready");
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getOutputStream())
                .anySatisfy(line -> assertThat(line).startsWith("policy UP").contains("versionInForce"))
                .anySatisfy(line -> assertThat(line).startsWith("audit UP").contains("store"));
    }

    @Test
    void refusesArgumentsItDoesNotTake(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("ready", "--now");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("usage: ready");
    }
}
