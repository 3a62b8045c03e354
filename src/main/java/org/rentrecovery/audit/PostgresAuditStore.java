package org.rentrecovery.audit;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.jboss.logging.Logger;
import org.rentrecovery.security.LogSafe;

import io.agroal.api.AgroalDataSource;

/**
 * Records decisions in the {@code decision_audit} table (Flyway migration V1). Writes go through
 * group-commit writers: each batch is one multi-row insert committed in one round trip. After any failure the
 * pool's connections are discarded, so the next batch reconnects as soon as the database is back.
 */
final class PostgresAuditStore implements AuditStore {
    private static final Logger LOG = Logger.getLogger(PostgresAuditStore.class);

    private static final String COLUMNS = """
            decision_id, case_ref, endpoint, decided_at, as_of, policy_version, policy_build,
            evaluation_micros, rules_fired, request::text AS request, response::text AS response, payload, run_id""";

    private final AgroalDataSource dataSource;
    private final Runnable migrateSchema;
    private final String location;
    private final GroupCommitQueue<PostgresAuditWriter.Row> queue;
    private final List<PostgresAuditWriter> writers = new ArrayList<>();
    private final PostgresAccessLog accessLog;
    private volatile boolean schemaReady;

    /**
     * @param migrateSchema brings the schema up to date (Flyway); retried until it succeeds, so the
     *                      service starts even while the database is down and catches up later
     */
    PostgresAuditStore(AgroalDataSource dataSource, Runnable migrateSchema, String location, int queueCapacity,
            int maxBatch, int writerCount, GroupCommitQueue.BatchListener listener) {
        this.dataSource = dataSource;
        this.migrateSchema = migrateSchema;
        this.location = location;
        for (int i = 0; i < writerCount; i++) {
            writers.add(new PostgresAuditWriter(dataSource, this::ensureSchema));
        }
        this.queue = new GroupCommitQueue<>("decision-audit-writer", queueCapacity, maxBatch, writers, listener);
        this.accessLog = new PostgresAccessLog(dataSource, this::ensureSchemaForRead);
        try {
            ensureSchema();
        } catch (RuntimeException e) {
            LOG.warnf("PostgreSQL is not reachable yet (%s); decisions answer 503 until it is.", e.getMessage());
        }
    }

    @Override
    public CompletableFuture<Void> append(AuditRecord record) {
        PostgresAuditWriter.Row row;
        try {
            row = PostgresAuditWriter.Row.of(record);
        } catch (RuntimeException e) {
            // As when the writer could not write it: the request answers 503 and the answer is not served.
            return CompletableFuture.failedFuture(
                    new AuditUnavailableException("The decision could not be recorded: " + LogSafe.describe(e), e));
        }
        return queue.submit(row);
    }

    private void ensureSchema() {
        if (!schemaReady) {
            synchronized (this) {
                if (!schemaReady) {
                    migrateSchema.run();
                    schemaReady = true;
                }
            }
        }
    }

    @Override
    public Optional<AuditRecord> find(UUID decisionId) {
        ensureSchemaForRead();
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM decision_audit WHERE decision_id = ?")) {
            q.setObject(1, decisionId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** One query with a cursor (fetch size 500), so the rows stream rather than load. */
    @Override
    public void latestPerCaseDecidedBetween(OffsetDateTime from, OffsetDateTime until, java.util.function.Consumer<AuditRecord> each,
            java.util.function.Consumer<UnreadableAuditRecordException> unreadable) {
        ensureSchemaForRead();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT ON (case_ref) " + COLUMNS
                    + " FROM decision_audit WHERE decided_at >= ? AND decided_at < ? ORDER BY case_ref, decided_at DESC, decision_id DESC")) {
                q.setFetchSize(500);
                q.setObject(1, from);
                q.setObject(2, until);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        AuditRecord record;
                        try {
                            record = read(rs);
                        } catch (UnreadableAuditRecordException e) {
                            unreadable.accept(e);
                            continue;
                        }
                        each.accept(record);
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Page list(String caseRef, int page, int size) {
        ensureSchemaForRead();
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM decision_audit WHERE case_ref = ?")) {
                count.setString(1, caseRef);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<AuditRecord> records = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM decision_audit WHERE case_ref = ? "
                    + "ORDER BY decided_at DESC, decision_id DESC LIMIT ? OFFSET ?")) {
                q.setString(1, caseRef);
                q.setInt(2, size);
                q.setLong(3, (long) page * size);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        records.add(read(rs));
                    }
                }
            }
            return new Page(total, records);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public long purgeDecidedBefore(OffsetDateTime cutoff, int batchSize) {
        ensureSchemaForRead();
        try {
            return BatchedDelete.olderThan(dataSource, "decision_audit", "decision_id", "decided_at", cutoff, batchSize);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public AccessLogStore accessLog() {
        return accessLog;
    }

    private void ensureSchemaForRead() {
        try {
            ensureSchema();
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /**
     * SQLSTATE class 22 (data exception, e.g. text JSONB cannot hold) or 23 (integrity, e.g. a
     * repeated decision id): the record itself was refused while the connection is fine.
     */
    static boolean isDataException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
            if (t instanceof java.sql.BatchUpdateException batch && batch.getNextException() != null
                    && batch.getNextException() != t && isDataException(batch.getNextException())) {
                return true;
            }
        }
        return false;
    }

    private static AuditUnavailableException unavailable(Exception e) {
        return new AuditUnavailableException("The decision store is unavailable: " + e.getMessage(), e);
    }

    /** A row with the compressed payload, or one written before it with the JSON columns. */
    private static AuditRecord read(ResultSet rs) throws SQLException {
        byte[] payload = rs.getBytes("payload");
        String request;
        String response;
        List<String> rules;
        if (payload != null) {
            AuditPayload.Content content = AuditPayload.decodeRecord(payload, 0, payload.length,
                    rs.getObject("decision_id", UUID.class), rs.getString("case_ref"));
            request = content.requestJson();
            response = content.responseJson();
            rules = content.rulesFired();
        } else {
            Array array = rs.getArray("rules_fired");
            request = rs.getString("request");
            response = rs.getString("response");
            rules = Arrays.asList((String[]) array.getArray());
        }
        return new AuditRecord(rs.getObject("decision_id", UUID.class), rs.getString("case_ref"), rs.getString("endpoint"),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getObject("as_of", java.time.LocalDate.class),
                rs.getString("policy_version"), rs.getString("policy_build"), rs.getLong("evaluation_micros"), rules, request,
                response, rs.getObject("run_id", UUID.class));
    }

    @Override
    public String describe() {
        return "PostgreSQL at " + location + " (table decision_audit, group commit by " + writers.size() + " writers)";
    }

    @Override
    public void close() {
        queue.close();
        writers.forEach(PostgresAuditWriter::discard);
    }
}
