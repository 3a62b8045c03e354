package org.rentrecovery.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Data protection: records are kept for {@code rentrecovery.audit.retention-days} (default six
 * years and a day, so a decision can be produced for as long as the arrears it concerns can be sued
 * for) and then deleted in batches by a scheduled purge. The log of who read them goes after the same
 * period: an entry is kept as long as the records it is about could still be read.
 */
@ApplicationScoped
public class AuditRetention {
    private static final Logger LOG = Logger.getLogger(AuditRetention.class);

    private final DecisionAudit audit;
    private final int retentionDays;
    private final int batchSize;

    @Inject
    public AuditRetention(DecisionAudit audit,
            @ConfigProperty(name = "rentrecovery.audit.retention-days", defaultValue = "2193") int retentionDays,
            @ConfigProperty(name = "rentrecovery.audit.purge-batch-size", defaultValue = "1000") int batchSize) {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("rentrecovery.audit.retention-days must be at least 1, was " + retentionDays);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("rentrecovery.audit.purge-batch-size must be at least 1, was " + batchSize);
        }
        this.audit = audit;
        this.retentionDays = retentionDays;
        this.batchSize = batchSize;
    }

    @Scheduled(every = "{rentrecovery.audit.purge-every}", delayed = "{rentrecovery.audit.purge-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        try {
            purgeExpired(OffsetDateTime.now(ZoneOffset.UTC));
        } catch (RuntimeException e) {
            LOG.warnf("Retention purge skipped, will retry at the next run: %s", e.getMessage());
        }
    }

    /** Deletes every record decided more than the retention period before {@code now}; answers how many. */
    public long purgeExpired(OffsetDateTime now) {
        OffsetDateTime cutoff = now.minusDays(retentionDays);
        long purged = audit.purgeDecidedBefore(cutoff, batchSize);
        long accesses = audit.purgeAccessedBefore(cutoff, batchSize);
        if (purged > 0 || accesses > 0) {
            LOG.infof("Retention purge: deleted %d decision records decided and %d access-log entries made before %s (%d days)",
                    purged, accesses, cutoff, retentionDays);
        }
        return purged;
    }

    public int retentionDays() {
        return retentionDays;
    }
}
