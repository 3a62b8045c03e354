package org.rentrecovery.policy;

import java.util.function.Function;

/**
 * Where policy versions live: PostgreSQL when a datasource is configured, otherwise files under
 * {@code data/policy}. Both apply a change all or nothing, one change at a time.
 */
interface PolicyStore extends AutoCloseable {

    /** The committed state as it is now (for PostgreSQL, read from the database). */
    PolicyState read();

    /**
     * Applies one change atomically: {@code change} sees the latest committed state, under a lock
     * that no other change (on any replica) holds at the same time, and returns what to write.
     */
    <T> T change(Function<PolicyState, PolicyChange<T>> change);

    /** The model bytes stored under a SHA-256. */
    byte[] model(String sha256);

    /** The scenario suite bytes stored under a SHA-256. */
    byte[] suite(String sha256);

    /** For the startup log: where the store is. */
    String describe();

    @Override
    void close();
}
