package org.rentrecovery.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Makes sure the tests' own database exists on the local PostgreSQL (127.0.0.1:5432, which .ci/run
 * starts if needed) before Quarkus starts; the application's Flyway migration then creates the table.
 * The URL itself is in application.properties under %test.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {
    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;
    /** A worktree or parallel run can keep its own database with -Drentrecovery.test.database=NAME. */
    public static final String DATABASE = System.getProperty("rentrecovery.test.database", "rentrecovery_test");
    public static final String USER = "postgres";

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + DATABASE, USER, "");
    }

    @Override
    public Map<String, String> start() {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, "");
                PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = admin.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE);
                    } catch (SQLException raced) {
                        // another test run created it at the same moment: fine, it exists now
                        if (!"42P04".equals(raced.getSQLState())) {
                            throw raced;
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The tests need PostgreSQL on " + HOST + ":" + PORT + " (user " + USER
                    + ", trust auth); run .ci/run, which starts one. " + e.getMessage(), e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // the database is kept: records are the point, and test rows are told apart by unique case refs
    }
}
