package org.rentrecovery.jmh;

import java.util.logging.Level;

import org.jboss.logmanager.LogContext;

/**
 * The service's log levels (application.properties: INFO, org.kie and org.drools at WARN) in a benchmark's JVM.
 * Outside Quarkus nothing configures the JBoss log manager and its root logger is at ALL, so Drools formatted a
 * trace message for every fact inserted, retracted and fired (about 5% of a decision's CPU in process) that the
 * service never formats: without this the benchmarks measured work the service does not do.
 */
final class ServiceLogLevels {
    private ServiceLogLevels() {
    }

    static void apply() {
        LogContext context = LogContext.getLogContext();
        context.getLogger("").setLevel(Level.INFO);
        context.getLogger("org.kie").setLevel(Level.WARNING);
        context.getLogger("org.drools").setLevel(Level.WARNING);
    }
}
