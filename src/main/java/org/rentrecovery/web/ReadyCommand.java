package org.rentrecovery.web;

import java.io.PrintStream;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import org.rentrecovery.cli.Command;

/**
 * {@code ready}: starts the service as usual (policy models compiled, audit store opened), asks the same checks as
 * {@code /q/health/ready}, prints one line per check and exits: 0 when every check is up, 1 otherwise. Its use is the
 * image build's training start for class data sharing (src/main/docker/Dockerfile.jvm): a process that goes through a
 * whole start to ready and then exits, so that {@code -XX:ArchiveClassesAtExit} records every class a start loads.
 */
@ApplicationScoped
public class ReadyCommand implements Command {
    private final Instance<HealthCheck> readinessChecks;

    @Inject
    public ReadyCommand(@Any @Readiness Instance<HealthCheck> readinessChecks) {
        this.readinessChecks = readinessChecks;
    }

    @Override
    public String name() {
        return "ready";
    }

    @Override
    public String usage() {
        return "ready";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            err.println("usage: " + usage());
            return 2;
        }
        boolean allUp = true;
        for (HealthCheck check : readinessChecks) {
            HealthCheckResponse response = check.call();
            boolean up = response.getStatus() == HealthCheckResponse.Status.UP;
            allUp &= up;
            out.println(response.getName() + " " + response.getStatus() + response.getData().map(data -> " " + data).orElse(""));
        }
        return allUp ? 0 : 1;
    }
}
