package org.rentrecovery.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import io.agroal.api.AgroalDataSource;

/** The retention purge's delete, for the decisions and their access log alike. */
final class BatchedDelete {
    private BatchedDelete() {
    }

    /** Deletes a table's rows older than {@code cutoff}, each batch committed on its own so locks stay short and progress is kept. */
    static long olderThan(AgroalDataSource dataSource, String table, String key, String time, OffsetDateTime cutoff,
            int batchSize) throws SQLException {
        long purged = 0;
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE " + key + " IN "
                        + "(SELECT " + key + " FROM " + table + " WHERE " + time + " < ? LIMIT ?)")) {
            c.setAutoCommit(true);
            delete.setObject(1, cutoff);
            delete.setInt(2, batchSize);
            int deleted;
            do {
                deleted = delete.executeUpdate();
                purged += deleted;
            } while (deleted == batchSize);
            return purged;
        }
    }
}
