package org.rentrecovery.decision;

import java.util.UUID;

/**
 * Decision ids in the time-ordered layout of RFC 9562's version 7: the first 48 bits are the milliseconds since
 * the epoch, the other 74 bits (after the version and variant) random, drawn from the same secure source as a
 * random (version 4) UUID. Ids made in the same millisecond are in no particular order among themselves.
 * Why: the audit's primary key is a B-tree on the id; random ids land on any of its pages, so a table of millions
 * of records touches (and writes to the WAL after each checkpoint) a page per insert, while ids that grow with
 * time are added at the index's right edge like the decision times themselves (docs/benchmarks.md).
 */
final class DecisionIds {
    private static final long VERSION_7 = 0x7000L;
    private static final long RANDOM_A = 0x0FFFL;

    private DecisionIds() {
    }

    static String next() {
        return of(System.currentTimeMillis(), UUID.randomUUID()).toString();
    }

    /** The version 7 id of a time, keeping a random id's 74 random bits and its variant. */
    static UUID of(long epochMillis, UUID random) {
        long high = (epochMillis << 16) | VERSION_7 | (random.getMostSignificantBits() & RANDOM_A);
        return new UUID(high, random.getLeastSignificantBits());
    }
}
