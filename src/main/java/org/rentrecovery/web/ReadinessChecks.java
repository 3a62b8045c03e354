package org.rentrecovery.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.agroal.api.AgroalDataSource;

import org.rentrecovery.engine.PolicyModels;
import org.rentrecovery.engine.TimelineEntry;
import org.rentrecovery.security.LogSafe;

/**
 * Ready (GET /q/health/ready) when a policy is in force today and the audit can take a record: a
 * decision that cannot be recorded is not answered, so a replica whose store is gone should get no
 * traffic. Liveness (/q/health/live) asks only that the service answers.
 */
public class ReadinessChecks {

    @Readiness
    @ApplicationScoped
    public static class PolicyLoaded implements HealthCheck {
        private final PolicyModels models;
        private final ZoneId zone;

        @Inject
        public PolicyLoaded(PolicyModels models,
                @ConfigProperty(name = "rentrecovery.policy.zone", defaultValue = "Europe/London") ZoneId zone) {
            this.models = models;
            this.zone = zone;
        }

        @Override
        public HealthCheckResponse call() {
            try {
                TimelineEntry today = models.entryFor(LocalDate.now(zone));
                return HealthCheckResponse.named("policy").up().withData("versionInForce", today.versionId()).build();
            } catch (RuntimeException e) {
                return HealthCheckResponse.named("policy").down().withData("failure", LogSafe.describe(e)).build();
            }
        }
    }

    @Readiness
    @ApplicationScoped
    public static class AuditWritable implements HealthCheck {
        /**
         * Whether this session could insert a record now: not a read-only server (a standby, or one set read-only when
         * its disk filled) and allowed to insert into the audit table, which must exist.
         */
        static final String CAN_INSERT = "SELECT current_setting('transaction_read_only') = 'off' "
                + "AND has_table_privilege('decision_audit', 'INSERT')";
        private final Optional<String> jdbcUrl;
        private final Path journal;
        private final Instance<AgroalDataSource> dataSource;

        @Inject
        public AuditWritable(@ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl,
                @ConfigProperty(name = "rentrecovery.audit.journal", defaultValue = "data/decision-journal.ndjson") Path journal,
                Instance<AgroalDataSource> dataSource) {
            this.jdbcUrl = jdbcUrl.filter(url -> !url.isBlank());
            this.journal = journal;
            this.dataSource = dataSource;
        }

        @Override
        public HealthCheckResponse call() {
            if (jdbcUrl.isPresent()) {
                try (Connection connection = dataSource.get().getConnection(); Statement sql = connection.createStatement();
                        ResultSet writable = sql.executeQuery(CAN_INSERT)) {
                    boolean valid = writable.next() && writable.getBoolean(1);
                    return HealthCheckResponse.named("audit").status(valid).withData("store", "PostgreSQL").build();
                } catch (Exception e) {
                    return HealthCheckResponse.named("audit").down().withData("store", "PostgreSQL")
                            .withData("failure", LogSafe.describe(e)).build();
                }
            }
            Path folder = journal.toAbsolutePath().getParent();
            boolean writable = Files.exists(journal) ? Files.isWritable(journal) : folder != null && Files.isWritable(folder);
            return HealthCheckResponse.named("audit").status(writable).withData("store", "journal").build();
        }
    }
}
