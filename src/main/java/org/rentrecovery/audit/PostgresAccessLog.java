package org.rentrecovery.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;

/**
 * The access log in the {@code audit_access} table (Flyway V17_2). Reads of the audit are few (an
 * auditor's, not a case system's), so each is one autocommitted insert on its own connection,
 * committed before the read is answered.
 */
final class PostgresAccessLog implements AccessLogStore {
    private static final String COLUMNS = "access_id, accessed_at, user_name, kind, case_ref, decision_id, records_served";

    private final AgroalDataSource dataSource;
    private final Runnable ensureSchema;

    /** @param ensureSchema brings the schema up to date, or throws {@link AuditUnavailableException} */
    PostgresAccessLog(AgroalDataSource dataSource, Runnable ensureSchema) {
        this.dataSource = dataSource;
        this.ensureSchema = ensureSchema;
    }

    @Override
    public void record(AuditAccess access) {
        ensureSchema.run();
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO audit_access (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(true);
            insert.setObject(1, access.accessId());
            insert.setObject(2, access.accessedAt());
            insert.setString(3, access.user());
            insert.setString(4, access.kind().name());
            insert.setString(5, access.caseRef());
            insert.setObject(6, access.decisionId());
            insert.setInt(7, access.recordsServed());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public AuditAccess.Page list(AuditAccess.Filter filter, int page, int size) {
        ensureSchema.run();
        String where = " WHERE (?::text IS NULL OR case_ref = ?) AND (?::text IS NULL OR user_name = ?)";
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM audit_access" + where)) {
                bind(count, filter);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<AuditAccess> accesses = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_access" + where
                    + " ORDER BY accessed_at DESC, access_id DESC LIMIT ? OFFSET ?")) {
                bind(q, filter);
                q.setInt(5, size);
                q.setLong(6, (long) page * size);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        accesses.add(new AuditAccess(rs.getObject("access_id", UUID.class),
                                rs.getObject("accessed_at", OffsetDateTime.class), rs.getString("user_name"),
                                AuditAccess.Kind.valueOf(rs.getString("kind")), rs.getString("case_ref"),
                                rs.getObject("decision_id", UUID.class), rs.getInt("records_served")));
                    }
                }
            }
            return new AuditAccess.Page(total, accesses);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static void bind(PreparedStatement q, AuditAccess.Filter filter) throws SQLException {
        q.setString(1, filter.caseRef());
        q.setString(2, filter.caseRef());
        q.setString(3, filter.user());
        q.setString(4, filter.user());
    }

    @Override
    public long purgeAccessedBefore(OffsetDateTime cutoff, int batchSize) {
        ensureSchema.run();
        try {
            return BatchedDelete.olderThan(dataSource, "audit_access", "access_id", "accessed_at", cutoff, batchSize);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static AuditUnavailableException unavailable(SQLException e) {
        return new AuditUnavailableException("The audit's access log is unavailable: " + e.getMessage(), e);
    }
}
