package org.rentrecovery.audit;

import java.util.Arrays;
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

    private long[] high;
    private long[] low;
    /** Record number + 1 in each slot, 0 for an empty slot; kept under 70% full. */
    private int[] slots;
    private int distinct;

    DecisionIdTable(int initialRecords) {
        high = new long[initialRecords];
        low = new long[initialRecords];
        slots = new int[tableFor(initialRecords)];
    }

    /** Holds {@code id} as record {@code record}'s id, growing the columns to fit; does not point the table at it. */
    void hold(int record, UUID id) {
        if (record >= high.length) {
            int capacity = Math.max(record + 1, high.length + (high.length >> 1) + 1);
            high = Arrays.copyOf(high, capacity);
            low = Arrays.copyOf(low, capacity);
        }
        high[record] = id.getMostSignificantBits();
        low[record] = id.getLeastSignificantBits();
    }

    UUID idOf(int record) {
        return new UUID(high[record], low[record]);
    }

    boolean sameId(int record, UUID id) {
        return high[record] == id.getMostSignificantBits() && low[record] == id.getLeastSignificantBits();
    }

    /** The record last pointed at for {@code id}, or -1. */
    int recordOf(UUID id) {
        return recordOf(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    /** The record last pointed at for record {@code record}'s id (itself unless a later one holds the same id). */
    int pointedFor(int record) {
        return recordOf(high[record], low[record]);
    }

    private int recordOf(long idHigh, long idLow) {
        int mask = slots.length - 1;
        for (int i = spread(idHigh, idLow) & mask; slots[i] != 0; i = (i + 1) & mask) {
            int record = slots[i] - 1;
            if (high[record] == idHigh && low[record] == idLow) {
                return record;
            }
        }
        return NONE;
    }

    /** Makes {@code record} (already {@link #hold held}) the one its id finds, in place of any record before it. */
    void point(int record) {
        int mask = slots.length - 1;
        int i = spread(high[record], low[record]) & mask;
        for (; slots[i] != 0; i = (i + 1) & mask) {
            int other = slots[i] - 1;
            if (high[other] == high[record] && low[other] == low[record]) {
                slots[i] = record + 1;
                return;
            }
        }
        slots[i] = record + 1;
        distinct++;
        if (10L * distinct > 7L * slots.length) {
            rehash(slots.length * 2);
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
        for (int slot : slots) {
            if (slot != 0) {
                records[n++] = slot - 1;
            }
        }
        return records;
    }

    void clear(int initialRecords) {
        high = new long[initialRecords];
        low = new long[initialRecords];
        slots = new int[tableFor(initialRecords)];
        distinct = 0;
    }

    private void rehash(int capacity) {
        int[] old = slots;
        slots = new int[capacity];
        int mask = capacity - 1;
        for (int slot : old) {
            if (slot != 0) {
                int i = spread(high[slot - 1], low[slot - 1]) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = slot;
            }
        }
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
