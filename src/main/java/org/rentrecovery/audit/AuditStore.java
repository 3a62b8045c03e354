package org.rentrecovery.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Where decision records go: PostgreSQL in production, an append-only journal file without a database. */
public interface AuditStore extends AutoCloseable {

    /** Completes once the record is durable (committed, or written and fsynced); exceptionally if it cannot be. */
    CompletableFuture<Void> append(AuditRecord record);

    Optional<AuditRecord> find(UUID decisionId);

    /** A case's records, newest first ({@code decidedAt}, then decision id, descending). */
    Page list(String caseRef, int page, int size);

    /**
     * Each case's latest record decided in {@code [from, until)}, one at a time, so a caller can
     * re-evaluate a whole period without holding it in memory (policy impact over the audit). A record whose payload
     * does not decode goes to {@code unreadable} and the others are still given.
     */
    void latestPerCaseDecidedBetween(OffsetDateTime from, OffsetDateTime until, java.util.function.Consumer<AuditRecord> each,
            java.util.function.Consumer<UnreadableAuditRecordException> unreadable);

    /** Deletes records decided before {@code cutoff}, {@code batchSize} at a time; answers how many went. */
    long purgeDecidedBefore(OffsetDateTime cutoff, int batchSize);

    /** Who read the records: kept in the same store as they are. */
    AccessLogStore accessLog();

    /** One line for the startup log and the docs: where records go. */
    String describe();

    @Override
    void close();

    record Page(long total, List<AuditRecord> records) {
    }
}
