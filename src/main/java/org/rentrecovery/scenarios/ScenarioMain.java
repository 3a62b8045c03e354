package org.rentrecovery.scenarios;

import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The service's entry point: runs the service as usual, or, started as
 * {@code java -jar target/quarkus-app/quarkus-run.jar scenarios run test-scenarios/}, runs the
 * scenario suites and exits with 0 (all passed) or 1.
 */
@QuarkusMain
public class ScenarioMain {
    /** The first arguments that select a command-line run (a {@link org.rentrecovery.cli.Command}'s name). */
    private static final java.util.Set<String> COMMANDS = java.util.Set.of("portfolio", "token", "ready");

    public static void main(String... args) {
        org.rentrecovery.engine.AntlrVersionNotice.loadFeelParserQuietly();
        if (args.length == 0 || !args[0].equals("token")) {
            // Compiling the policy models is about half of a start's CPU: it begins now, on the other core, while
            // Quarkus boots (docs/benchmarks.md, start-up). Making a token needs no models.
            quietKieUntilLoggingIsConfigured();
            org.rentrecovery.engine.PolicyModels.beginCompilingSeed();
        }
        if (ScenarioCommand.isCommand(args) || (args.length > 0 && COMMANDS.contains(args[0]))) {
            // A command-line run must not collide with a service on 8080, nor bury its summary in start-up logs.
            System.setProperty("quarkus.http.port", System.getProperty("quarkus.http.port", "0"));
            System.setProperty("quarkus.banner.enabled", "false");
            System.setProperty("quarkus.log.level", System.getProperty("quarkus.log.level", "ERROR"));
            // stdout is the command's result alone (a token goes into $(...)): whatever is logged goes to stderr.
            System.setProperty("quarkus.log.console.stderr", "true");
        }
        Quarkus.run(Application.class, args);
    }

    /** Held so the level set below stays on its logger until Quarkus configures logging. */
    private static java.util.logging.Logger kieLogger;

    /**
     * Until Quarkus applies the logging configuration, every logger lets every record through (the start-up handler
     * queues them all to replay them once the levels are known), so the early compilation would build and queue a
     * trace record for every variable the FEEL parser defines: 7% of the compilation's samples in a profile (docs/benchmarks.md,
     * start-up). Until then KIE logs at WARN, the level application.properties gives it; Quarkus sets the configured
     * level again when it boots.
     */
    private static void quietKieUntilLoggingIsConfigured() {
        kieLogger = org.jboss.logmanager.Logger.getLogger("org.kie"); // the tree the KIE libraries log to
        if (kieLogger.getLevel() == null) {
            kieLogger.setLevel(java.util.logging.Level.WARNING);
        }
    }

    public static class Application implements QuarkusApplication {
        @Inject
        ScenarioCommand command;

        @Inject
        jakarta.enterprise.inject.Instance<org.rentrecovery.cli.Command> commands;

        @Override
        public int run(String... args) {
            if (ScenarioCommand.isCommand(args)) {
                return command.run(List.of(args), System.out);
            }
            for (org.rentrecovery.cli.Command other : commands) {
                if (args.length > 0 && other.name().equals(args[0])) {
                    return other.run(List.of(args), System.out, System.err);
                }
            }
            Quarkus.waitForExit();
            return 0;
        }
    }
}
