package org.rentrecovery.audit;

import java.util.UUID;

/**
 * The decision id of each record the journal index holds (record n's id is two longs at n), and an open-addressing
 * table from an id to the record last pointed at for it: about 16 bytes a record and 4–8 for the table, against a
 * {@code UUID} and a map entry of about 80. The same id may be held by several records (the journal never writes
 * one twice, but the index keeps whatever the file holds); the table finds the one last {@link #point pointed at}.
 * Not thread-safe: the journal's lock guards it.
 */
final class DecisionIdTable {
    private static final int NONE = -1;
    /**
     * The table is this many open-addressing tables, each with its own share of the ids (by the hash's top bits), so
     * that a table that fills up rehashes 1/64 of the ids, not all of them, on the writer thread.
     */
    private static final int SEGMENT_BITS = 6;
    private static final int SEGMENTS = 1 << SEGMENT_BITS;

    private LongPages high;
    private LongPages low;
    /** Record number + 1 in each slot of each segment, 0 for an empty slot; each segment kept under 70% full. */
    private int[][] segments;
    private int[] distinctIn;
    private int distinct;

    DecisionIdTable(int initialRecords) {
        clear(initialRecords);
    }

    /** Holds {@code id} as record {@code record}'s id, growing the columns to fit; does not point the table at it. */
    void hold(int record, UUID id) {
        high.ensure(record + 1);
        low.ensure(record + 1);
        high.set(record, id.getMostSignificantBits());
        low.set(record, id.getLeastSignificantBits());
    }

    UUID idOf(int record) {
        return new UUID(high.get(record), low.get(record));
    }

    boolean sameId(int record, UUID id) {
        return high.get(record) == id.getMostSignificantBits() && low.get(record) == id.getLeastSignificantBits();
    }

    /** The record last pointed at for {@code id}, or -1. */
    int recordOf(UUID id) {
        return recordOf(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    /** The record last pointed at for record {@code record}'s id (itself unless a later one holds the same id). */
    int pointedFor(int record) {
        return recordOf(high.get(record), low.get(record));
    }

    private int recordOf(long idHigh, long idLow) {
        int hash = spread(idHigh, idLow);
        int[] slots = segments[hash >>> (32 - SEGMENT_BITS)];
        int mask = slots.length - 1;
        for (int i = hash & mask; slots[i] != 0; i = (i + 1) & mask) {
            int record = slots[i] - 1;
            if (high.get(record) == idHigh && low.get(record) == idLow) {
                return record;
            }
        }
        return NONE;
    }

    /** Makes {@code record} (already {@link #hold held}) the one its id finds, in place of any record before it. */
    void point(int record) {
        long idHigh = high.get(record);
        long idLow = low.get(record);
        int hash = spread(idHigh, idLow);
        int segment = hash >>> (32 - SEGMENT_BITS);
        int[] slots = segments[segment];
        int mask = slots.length - 1;
        int i = hash & mask;
        for (; slots[i] != 0; i = (i + 1) & mask) {
            int other = slots[i] - 1;
            if (high.get(other) == idHigh && low.get(other) == idLow) {
                slots[i] = record + 1;
                return;
            }
        }
        slots[i] = record + 1;
        distinct++;
        if (10L * ++distinctIn[segment] > 7L * slots.length) {
            segments[segment] = rehash(slots, slots.length * 2);
        }
    }

    /** How many different ids the table finds. */
    int distinct() {
        return distinct;
    }

    /** The record each different id finds, in no particular order. */
    int[] pointedRecords() {
        int[] records = new int[distinct];
        int n = 0;
        for (int[] slots : segments) {
            for (int slot : slots) {
                if (slot != 0) {
                    records[n++] = slot - 1;
                }
            }
        }
        return records;
    }

    void clear(int initialRecords) {
        high = new LongPages(initialRecords);
        low = new LongPages(initialRecords);
        segments = new int[SEGMENTS][];
        int perSegment = tableFor(initialRecords / SEGMENTS);
        for (int s = 0; s < SEGMENTS; s++) {
            segments[s] = new int[perSegment];
        }
        distinctIn = new int[SEGMENTS];
        distinct = 0;
    }

    private int[] rehash(int[] old, int capacity) {
        int[] slots = new int[capacity];
        int mask = capacity - 1;
        for (int slot : old) {
            if (slot != 0) {
                int i = spread(high.get(slot - 1), low.get(slot - 1)) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = slot;
            }
        }
        return slots;
    }

    /** A power of two at least twice {@code records}, so the table starts well under its 70% limit. */
    private static int tableFor(int records) {
        return Integer.highestOneBit(Math.max(8, records) * 2 - 1) << 1;
    }

    /** Random ids are well spread already, but ids made by other means (tests, imports) may differ in a few bits. */
    private static int spread(long idHigh, long idLow) {
        long h = idHigh * 0x9E3779B97F4A7C15L ^ idLow;
        h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return (int) h;
    }
}
