package org.rentrecovery.bench;

import java.util.Locale;

/**
 * The measured part of an open-loop run. {@code corrected} holds the sorted latencies from each request's intended
 * start, {@code uncorrected} those from the moment a connection took it; {@code unanswered} requests were neither
 * answered nor failed when the run stopped waiting. {@code answeredPerSecond} counts answers from the first intended
 * start to the last answer. {@code senderLag} holds, sorted, how late the load itself sent each measured request.
 * {@code timeline} holds the answers by intended start in slices of {@link #TIMELINE_SLICE_NANOS}
 * ({@link LatencyTally#timeline}).
 */
record OpenLoopSummary(long requests, long answers, long nonSuccess, long failures, long unanswered,
        double answeredPerSecond, long[] corrected, long[] uncorrected, long[] senderLag, long[][] timeline) {
    static final long TIMELINE_SLICE_NANOS = 100_000_000;

    long correctedPercentile(long partsPer100k) {
        return LatencyTally.percentile(corrected, partsPer100k);
    }

    /** One line: the rate, the percentiles from the intended start, and what went wrong. */
    String describe(long askedPerSecond) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%d/s asked, %.1f/s answered, %d requests",
                askedPerSecond, answeredPerSecond, requests));
        if (answers > 0) {
            line.append(String.format(Locale.ROOT, "  p50 %s p90 %s p99 %s p99.9 %s max %s (p99 from the connection %s)",
                    millis(correctedPercentile(50_000)), millis(correctedPercentile(90_000)),
                    millis(correctedPercentile(99_000)), millis(correctedPercentile(99_900)),
                    millis(correctedPercentile(100_000)), millis(LatencyTally.percentile(uncorrected, 99_000))));
        }
        line.append(String.format(Locale.ROOT, "  non-2xx %d errors %d unanswered %d", nonSuccess, failures, unanswered));
        if (senderLag.length > 0) {
            line.append(String.format(Locale.ROOT, "  sender late p99 %s max %s",
                    millis(LatencyTally.percentile(senderLag, 99_000)), millis(LatencyTally.percentile(senderLag, 100_000))));
        }
        return line.toString();
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2fms", nanos / 1e6);
    }
}
