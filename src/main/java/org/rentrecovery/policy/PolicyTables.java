package org.rentrecovery.policy;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The policy store's tables in PostgreSQL: the whole state read, and one change written, within the caller's transaction. */
final class PolicyTables {
    private final String schema;

    PolicyTables(String schema) {
        this.schema = schema;
    }

    private String table(String name) {
        return schema + "." + name;
    }

    PolicyState read(Connection connection) throws SQLException {
        Map<String, PolicyVersion> versions = readVersions(connection, readFiles(connection, "policy_version_model"),
                readFiles(connection, "policy_version_suite"));
        return new PolicyState(versions, readTimeline(connection), readEvents(connection));
    }

    /** Each version's model (or suite) files: path to content digest, by version id. */
    private Map<String, TreeMap<String, String>> readFiles(Connection connection, String fileTable) throws SQLException {
        Map<String, TreeMap<String, String>> models = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version_id, path, sha256 FROM " + table(fileTable))) {
            while (rows.next()) {
                models.computeIfAbsent(rows.getString(1), id -> new TreeMap<>()).put(rows.getString(2), rows.getString(3));
            }
        }
        return models;
    }

    private Map<String, PolicyVersion> readVersions(Connection connection, Map<String, TreeMap<String, String>> models,
            Map<String, TreeMap<String, String>> suites) throws SQLException {
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
                        instant(rows, "approved_at"), models.getOrDefault(id, new TreeMap<>()),
                        suites.getOrDefault(id, new TreeMap<>())));
            }
        }
        return versions;
    }

    private List<Activation> readTimeline(Connection connection) throws SQLException {
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
        return timeline;
    }

    private List<PolicyEvent> readEvents(Connection connection) throws SQLException {
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
        return events;
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        Timestamp timestamp = rows.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    void write(Connection connection, PolicyChange<?> writes) throws SQLException {
        writeBlobs(connection, writes.modelBytes());
        writeBlobs(connection, writes.suiteBytes());
        for (PolicyVersion version : writes.versions()) {
            writeVersion(connection, version);
        }
        writeTimeline(connection, writes.activations());
        writeEvents(connection, writes.events());
    }

    /** Model files by content digest; a file already stored (the same content) is kept as it is. */
    private void writeBlobs(Connection connection, Map<String, byte[]> modelBytes) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table("policy_model_blob")
                + " (sha256, content) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING")) {
            for (Map.Entry<String, byte[]> model : modelBytes.entrySet()) {
                insert.setString(1, model.getKey());
                insert.setBytes(2, model.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** A version (inserted, or its contributors and approval updated) and its model and suite files' digests, replaced whole. */
    private void writeVersion(Connection connection, PolicyVersion version) throws SQLException {
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
        replaceFiles(connection, "policy_version_model", version.id(), version.models());
        replaceFiles(connection, "policy_version_suite", version.id(), version.suites());
    }

    private void replaceFiles(Connection connection, String fileTable, String versionId, Map<String, String> files)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + table(fileTable) + " WHERE version_id = ?")) {
            delete.setString(1, versionId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + table(fileTable) + " (version_id, path, sha256) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                insert.setString(1, versionId);
                insert.setString(2, file.getKey());
                insert.setString(3, file.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void writeTimeline(Connection connection, List<Activation> activations) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO %s (sequence, version_id, effective_from, activated_by, activated_at, note, rollback)
                VALUES (?, ?, ?, ?, ?, ?, ?)""".formatted(table("policy_timeline")))) {
            for (Activation entry : activations) {
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
    }

    private void writeEvents(Connection connection, List<PolicyEvent> events) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO %s (sequence, version_id, type, actor, at, detail) VALUES (?, ?, ?, ?, ?, ?)"
                        .formatted(table("policy_event")))) {
            for (PolicyEvent event : events) {
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
}
