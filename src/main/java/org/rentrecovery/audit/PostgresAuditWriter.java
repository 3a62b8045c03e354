package org.rentrecovery.audit;

import static org.rentrecovery.audit.PostgresAuditStore.isDataException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.agroal.api.AgroalDataSource;

/**
 * One group-commit writer thread's connection and its batches, used only from that thread. A batch is one
 * multi-row insert sent in autocommit: the driver rewrites the batch into multi-row statements and ends it with a
 * single sync, which the server runs as one implicit transaction, so the batch is committed, or refused as a whole,
 * in one round trip instead of an insert and then a commit. A batch with a record the database refuses is written
 * again one by one, so only that record fails; after any other failure the pool's connections are discarded. The
 * payloads come compressed ({@link Row}): the writer only inserts.
 */
final class PostgresAuditWriter implements GroupCommitQueue.BatchWriter<PostgresAuditWriter.Row> {
    private static final String INSERT = """
            INSERT INTO decision_audit (decision_id, case_ref, endpoint, decided_at, as_of, policy_version,
                policy_build, evaluation_micros, payload, run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /**
     * A record with its payload, compressed on the thread that asked for the record (then a level 9 deflate of about
     * 150 µs, now zstd's 16 µs): done in the writer, a batch's payloads were compressed one after another while every
     * request of the batch, and the next batch, waited for it; done by each request, they are compressed side by side
     * and while the writers wait for commits (docs/benchmarks.md, "PostgreSQL audit: where the gap to the journal
     * comes from").
     */
    record Row(AuditRecord record, byte[] payload) implements GroupCommitQueue.Identified {
        static Row of(AuditRecord r) {
            return new Row(r, AuditPayload.encode(AuditPayload.DATABASE, r.decisionId(), r.requestJson(), r.response(),
                    r.rulesFired()));
        }

        @Override
        public java.util.UUID decisionId() {
            return record.decisionId();
        }

        @Override
        public String caseRef() {
            return record.caseRef();
        }
    }

    private final AgroalDataSource dataSource;
    private final Runnable ensureSchema;
    private Connection connection;

    PostgresAuditWriter(AgroalDataSource dataSource, Runnable ensureSchema) {
        this.dataSource = dataSource;
        this.ensureSchema = ensureSchema;
    }

    @Override
    public void write(List<Row> batch) throws SQLException, GroupCommitQueue.PartlyWritten {
        try {
            ensureSchema.run();
            if (connection == null) {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
            }
            try {
                insert(batch);
            } catch (SQLException e) {
                if (!isDataException(e) || batch.size() == 1) {
                    throw e;
                }
                // One record's content was refused (not the database being down): write the
                // records one by one so that only the refused one fails (the batch's implicit transaction
                // left nothing behind).
                writeOneByOne(batch);
            }
        } catch (SQLException | RuntimeException e) {
            if (!isDataException(e)) {
                discard();
            }
            throw e;
        }
    }

    private void writeOneByOne(List<Row> batch) throws SQLException, GroupCommitQueue.PartlyWritten {
        Map<Integer, Exception> refused = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                insert(List.of(batch.get(i)));
            } catch (SQLException e) {
                if (!isDataException(e)) {
                    throw e; // the database went away mid-way; the whole batch answers 503
                }
                refused.put(i, e);
            }
        }
        if (!refused.isEmpty()) {
            throw new GroupCommitQueue.PartlyWritten(refused);
        }
    }

    private void insert(List<Row> batch) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Row row : batch) {
                AuditRecord r = row.record();
                insert.setObject(1, r.decisionId());
                insert.setString(2, r.caseRef());
                insert.setString(3, r.endpoint());
                insert.setObject(4, r.decidedAt());
                insert.setObject(5, r.asOf());
                insert.setString(6, r.policyVersion());
                insert.setString(7, r.policyBuild());
                insert.setLong(8, r.evaluationMicros());
                insert.setBytes(9, row.payload());
                insert.setObject(10, r.runId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Drops this connection and every idle pooled one: after a failure none can be trusted. */
    void discard() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is probably gone; dropping it is all that is left to do
            }
            connection = null;
        }
        dataSource.flush(AgroalDataSource.FlushMode.ALL);
    }
}
