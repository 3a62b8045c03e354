package org.rentrecovery.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The decision time of each record the journal index holds, as epoch nanoseconds in one long (8 bytes a record,
 * against about 72 for an {@code OffsetDateTime} with its date and time). A time that is not UTC, or outside the
 * years 1678–2261 that a long of nanoseconds reaches, is kept as given beside the array, so records compare exactly
 * as their {@code OffsetDateTime}s do (the service writes UTC; the rare other times only cost a map entry).
 * Not thread-safe: the journal's lock guards it.
 */
final class DecisionTimes {
    /** In {@link #nanos}: the time is in {@link #unusual}. Never a UTC time's own value (see {@link #exactNanos}). */
    private static final long UNUSUAL = Long.MIN_VALUE;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private long[] nanos;
    private final Map<Integer, OffsetDateTime> unusual = new HashMap<>();

    DecisionTimes(int initialRecords) {
        nanos = new long[initialRecords];
    }

    /** Holds {@code time} as record {@code record}'s, growing the array to fit. */
    void hold(int record, OffsetDateTime time) {
        if (record >= nanos.length) {
            nanos = Arrays.copyOf(nanos, Math.max(record + 1, nanos.length + (nanos.length >> 1) + 1));
        }
        long exact = exactNanos(time);
        nanos[record] = exact;
        if (exact == UNUSUAL) {
            unusual.put(record, time);
        }
    }

    /** As {@code OffsetDateTime.compareTo}: record {@code record}'s time against {@code time}, whose {@link #exactNanos} is {@code exact}. */
    int compare(int record, long exact, OffsetDateTime time) {
        return nanos[record] != UNUSUAL && exact != UNUSUAL ? Long.compare(nanos[record], exact)
                : timeOf(record).compareTo(time);
    }

    /** Whether record {@code record} was decided before {@code time}, whose {@link #clampedNanos} is {@code clamped}. */
    boolean isBefore(int record, OffsetDateTime time, long clamped) {
        return nanos[record] == UNUSUAL ? unusual.get(record).isBefore(time) : nanos[record] < clamped;
    }

    void clear(int initialRecords) {
        nanos = new long[initialRecords];
        unusual.clear();
    }

    private OffsetDateTime timeOf(int record) {
        if (nanos[record] == UNUSUAL) {
            return unusual.get(record);
        }
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(nanos[record], NANOS_PER_SECOND),
                Math.floorMod(nanos[record], NANOS_PER_SECOND));
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A UTC time as epoch nanoseconds, or {@link #UNUSUAL} for any other offset or a time beyond a long's reach. */
    static long exactNanos(OffsetDateTime time) {
        if (!ZoneOffset.UTC.equals(time.getOffset())) {
            return UNUSUAL;
        }
        long exact = clampedNanos(time);
        return exact == Long.MIN_VALUE || exact == Long.MAX_VALUE ? UNUSUAL : exact;
    }

    /**
     * The instant as epoch nanoseconds, or the least or greatest long for an instant before or after their reach: a
     * held UTC time (always strictly between the two) then compares with it as with the instant itself.
     */
    static long clampedNanos(OffsetDateTime time) {
        try {
            return Math.addExact(Math.multiplyExact(time.toEpochSecond(), NANOS_PER_SECOND), time.getNano());
        } catch (ArithmeticException beyond) {
            return time.toEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
