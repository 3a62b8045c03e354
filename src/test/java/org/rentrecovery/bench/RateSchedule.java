package org.rentrecovery.bench;

/**
 * When each request of an open-loop run is meant to start: request {@code i} at {@code origin + i / rate}. Each start
 * is computed from its index rather than by adding an interval to the previous one, so a long run neither drifts nor
 * accumulates rounding: request {@code rate * k} starts exactly {@code k} seconds after the origin.
 */
record RateSchedule(long originNanos, long ratePerSecond) {
    private static final long NANOS_A_SECOND = 1_000_000_000L;

    RateSchedule {
        if (ratePerSecond <= 0 || ratePerSecond > NANOS_A_SECOND) {
            throw new IllegalArgumentException("rate must be 1 to 1,000,000,000 requests a second: " + ratePerSecond);
        }
    }

    /** The intended start of request {@code request} (0-based), on the {@link System#nanoTime()} clock. */
    long startNanos(long request) {
        return originNanos + request * NANOS_A_SECOND / ratePerSecond;
    }

    /**
     * How many requests are due at {@code nowNanos}: those whose intended start is at or before it. Request {@code i}
     * is due when {@code floor(i * 1e9 / rate) <= elapsed}, that is when {@code i * 1e9 < (elapsed + 1) * rate}; the
     * count of such {@code i} is the ceiling of {@code (elapsed + 1) * rate / 1e9}, in whole numbers.
     */
    long requestsDueBy(long nowNanos) {
        if (nowNanos < originNanos) {
            return 0;
        }
        long elapsed = nowNanos - originNanos;
        return ((elapsed + 1) * ratePerSecond + NANOS_A_SECOND - 1) / NANOS_A_SECOND;
    }
}
