package org.rentrecovery.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Policy versions in PostgreSQL, shared by every replica. A change runs in one transaction under a
 * transaction-scoped advisory lock, so two replicas never interleave lifecycle steps; the state a
 * change sees is read inside that lock. The schema is migrated by Flyway with its own history table
 * ({@code policy_schema_history}), apart from the decision audit's.
 */
final class PostgresPolicyStore implements PolicyStore {
    /** Any fixed number: the advisory lock every policy change takes. */
    private static final long CHANGE_LOCK = 0x5052_4543_4f56_4552L;
    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final DataSource dataSource;
    private final String schema;
    private final String location;

    PostgresPolicyStore(DataSource dataSource, String schema, String location) {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("rentrecovery.policy.schema must be a lower-case SQL name, was " + schema);
        }
        this.dataSource = dataSource;
        this.schema = schema;
        this.location = location;
    }

    /** Brings the schema up to date; called at startup, before the first read. */
    void migrate() {
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .table("policy_schema_history").skipDefaultResolvers(true)
                .locations("classpath:db/policy")
                .javaMigrations(new V1__PolicyVersions())
                .load().migrate();
    }

    /** Runs {@code db/policy/V1__policy_versions.sql} in the configured schema. */
    final class V1__PolicyVersions extends BaseJavaMigration {
        @Override
        public void migrate(Context context) throws Exception {
            try (Statement statement = context.getConnection().createStatement()) {
                statement.execute(script("db/policy/V1__policy_versions.sql"));
            }
        }
    }

    private String script(String resource) throws IOException {
        try (InputStream in = PostgresPolicyStore.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${schema}", schema);
        }
    }

    private String table(String name) {
        return schema + "." + name;
    }

    @Override
    public PolicyState read() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return read(connection);
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new PolicyStoreUnavailableException("The policy store in PostgreSQL could not be read", e);
        }
    }

    /** The revision alone: one cheap query, for replicas that poll for changes. */
    long revision() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT coalesce(max(sequence), 0) FROM " + table("policy_event"))) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new PolicyStoreUnavailableException("The policy store in PostgreSQL could not be read", e);
        }
    }

    private PolicyState read(Connection connection) throws SQLException {
        Map<String, TreeMap<String, String>> models = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version_id, path, sha256 FROM " + table("policy_version_model"))) {
            while (rows.next()) {
                models.computeIfAbsent(rows.getString(1), id -> new TreeMap<>()).put(rows.getString(2), rows.getString(3));
            }
        }
        Map<String, PolicyVersion> versions = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT id, parent_id, author, created_at, note, contract, contributors, approved_by, approved_at
                        FROM %s ORDER BY created_at, id""".formatted(table("policy_version")))) {
            while (rows.next()) {
                String id = rows.getString("id");
                versions.put(id, new PolicyVersion(id, rows.getString("parent_id"), rows.getString("author"),
                        instant(rows, "created_at"), rows.getString("note"), rows.getInt("contract"),
                        Set.of((String[]) rows.getArray("contributors").getArray()), rows.getString("approved_by"),
                        instant(rows, "approved_at"), models.getOrDefault(id, new TreeMap<>())));
            }
        }
        List<Activation> timeline = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT sequence, version_id, effective_from, activated_by, activated_at, note, rollback
                        FROM %s ORDER BY sequence""".formatted(table("policy_timeline")))) {
            while (rows.next()) {
                timeline.add(new Activation(rows.getLong("sequence"), rows.getString("version_id"),
                        rows.getDate("effective_from").toLocalDate(), rows.getString("activated_by"),
                        instant(rows, "activated_at"), rows.getString("note"), rows.getBoolean("rollback")));
            }
        }
        List<PolicyEvent> events = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT sequence, version_id, type, actor, at, detail FROM %s ORDER BY sequence"""
                        .formatted(table("policy_event")))) {
            while (rows.next()) {
                events.add(new PolicyEvent(rows.getLong("sequence"), rows.getString("version_id"),
                        PolicyEvent.Type.valueOf(rows.getString("type")), rows.getString("actor"), instant(rows, "at"),
                        rows.getString("detail")));
            }
        }
        return new PolicyState(versions, timeline, events);
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        Timestamp timestamp = rows.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Override
    public <T> T change(Function<PolicyState, PolicyChange<T>> change) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, CHANGE_LOCK);
                    lock.execute();
                }
                PolicyChange<T> writes = change.apply(read(connection));
                write(connection, writes);
                connection.commit();
                return writes.result();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new PolicyStoreUnavailableException("The policy store in PostgreSQL could not be written", e);
        }
    }

    private void write(Connection connection, PolicyChange<?> writes) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table("policy_model_blob")
                + " (sha256, content) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING")) {
            for (Map.Entry<String, byte[]> model : writes.modelBytes().entrySet()) {
                insert.setString(1, model.getKey());
                insert.setBytes(2, model.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        for (PolicyVersion version : writes.versions()) {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO %s (id, parent_id, author, created_at, note, contract, contributors, approved_by, approved_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET contributors = excluded.contributors,
                        approved_by = excluded.approved_by, approved_at = excluded.approved_at"""
                    .formatted(table("policy_version")))) {
                upsert.setString(1, version.id());
                upsert.setString(2, version.parentId());
                upsert.setString(3, version.author());
                upsert.setTimestamp(4, Timestamp.from(version.createdAt()));
                upsert.setString(5, version.note());
                upsert.setInt(6, version.contract());
                upsert.setArray(7, connection.createArrayOf("text", version.contributors().toArray()));
                upsert.setString(8, version.approvedBy());
                upsert.setTimestamp(9, version.approvedAt() == null ? null : Timestamp.from(version.approvedAt()));
                upsert.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table("policy_version_model") + " WHERE version_id = ?")) {
                delete.setString(1, version.id());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + table("policy_version_model") + " (version_id, path, sha256) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> model : version.models().entrySet()) {
                    insert.setString(1, version.id());
                    insert.setString(2, model.getKey());
                    insert.setString(3, model.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO %s (sequence, version_id, effective_from, activated_by, activated_at, note, rollback)
                VALUES (?, ?, ?, ?, ?, ?, ?)""".formatted(table("policy_timeline")))) {
            for (Activation entry : writes.activations()) {
                insert.setLong(1, entry.sequence());
                insert.setString(2, entry.versionId());
                insert.setDate(3, Date.valueOf(entry.effectiveFrom()));
                insert.setString(4, entry.activatedBy());
                insert.setTimestamp(5, Timestamp.from(entry.activatedAt()));
                insert.setString(6, entry.note());
                insert.setBoolean(7, entry.rollback());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO %s (sequence, version_id, type, actor, at, detail) VALUES (?, ?, ?, ?, ?, ?)"
                        .formatted(table("policy_event")))) {
            for (PolicyEvent event : writes.events()) {
                insert.setLong(1, event.sequence());
                insert.setString(2, event.versionId());
                insert.setString(3, event.type().name());
                insert.setString(4, event.actor());
                insert.setTimestamp(5, Timestamp.from(event.at()));
                insert.setString(6, event.detail());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public byte[] model(String sha256) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT content FROM " + table("policy_model_blob") + " WHERE sha256 = ?")) {
            select.setString(1, sha256);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("Model " + sha256 + " is missing from the policy store");
                }
                return rows.getBytes(1);
            }
        } catch (SQLException e) {
            throw new PolicyStoreUnavailableException("The policy store in PostgreSQL could not be read", e);
        }
    }

    @Override
    public String describe() {
        return "PostgreSQL store " + location + " (schema " + schema + ")";
    }

    @Override
    public void close() {
        // Connections are the pool's.
    }

}
