package org.rentrecovery.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
    private final PolicyTables tables;

    PostgresPolicyStore(DataSource dataSource, String schema, String location) {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("rentrecovery.policy.schema must be a lower-case SQL name, was " + schema);
        }
        this.dataSource = dataSource;
        this.schema = schema;
        this.location = location;
        this.tables = new PolicyTables(schema);
    }

    /**
     * Brings the schema up to date; called at startup, before the first read. The decision audit migrates the same
     * schema with its own history table and may get there first on a new database: Flyway would then refuse a schema
     * that is not empty but has no policy history, so it baselines below V1 and still applies every policy migration.
     */
    void migrate() {
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .table("policy_schema_history").baselineOnMigrate(true).baselineVersion("0").skipDefaultResolvers(true)
                .locations("classpath:db/policy")
                .javaMigrations(new V1__PolicyVersions(), new V2__PolicyVersionSuites())
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

    /** Runs {@code db/policy/V2__policy_version_suites.sql}: the suite copies a version carries. */
    final class V2__PolicyVersionSuites extends BaseJavaMigration {
        @Override
        public void migrate(Context context) throws Exception {
            try (Statement statement = context.getConnection().createStatement()) {
                statement.execute(script("db/policy/V2__policy_version_suites.sql"));
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
                return tables.read(connection);
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

    @Override
    public <T> T change(Function<PolicyState, PolicyChange<T>> change) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, CHANGE_LOCK);
                    lock.execute();
                }
                PolicyChange<T> writes = change.apply(tables.read(connection));
                tables.write(connection, writes);
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

    @Override
    public byte[] suite(String sha256) {
        return model(sha256); // one content table holds both
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
