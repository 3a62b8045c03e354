package org.rentrecovery.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    private LongPages nanos;
    private final Map<Integer, OffsetDateTime> unusual = new HashMap<>();

    DecisionTimes(int initialRecords) {
        nanos = new LongPages(initialRecords);
    }

    /** Holds {@code time} as record {@code record}'s, growing the array to fit. */
    void hold(int record, OffsetDateTime time) {
        nanos.ensure(record + 1);
        long exact = exactNanos(time);
        nanos.set(record, exact);
        if (exact == UNUSUAL) {
            unusual.put(record, time);
        }
    }

    /** As {@code OffsetDateTime.compareTo}: record {@code record}'s time against {@code time}, whose {@link #exactNanos} is {@code exact}. */
    int compare(int record, long exact, OffsetDateTime time) {
        long held = nanos.get(record);
        return held != UNUSUAL && exact != UNUSUAL ? Long.compare(held, exact)
                : timeOf(record).compareTo(time);
    }

    /** Whether record {@code record} was decided before {@code time}, whose {@link #clampedNanos} is {@code clamped}. */
    boolean isBefore(int record, OffsetDateTime time, long clamped) {
        long held = nanos.get(record);
        return held == UNUSUAL ? unusual.get(record).isBefore(time) : held < clamped;
    }

    void clear(int initialRecords) {
        nanos = new LongPages(initialRecords);
        unusual.clear();
    }

    private OffsetDateTime timeOf(int record) {
        long held = nanos.get(record);
        if (held == UNUSUAL) {
            return unusual.get(record);
        }
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(held, NANOS_PER_SECOND), Math.floorMod(held, NANOS_PER_SECOND));
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
