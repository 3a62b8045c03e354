package org.rentrecovery.bench;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * What the measured requests of an open-loop run came to. Every latency is kept (a run of a minute at a few thousand
 * requests a second is a few megabytes), so the percentiles are exact rather than a histogram's bucket bounds.
 * Two latencies per answer: from the request's intended start (the figure that counts: a request that waited for a
 * free connection, or for a late sender, waited on the service's account, so coordinated omission is corrected), and
 * from the moment a connection took it (what a closed-loop tool such as wrk reports). Beside them, how late the load
 * itself sent each request (its own lag, not the service's). Not thread-safe: one thread sends, reads and summarises.
 */
final class LatencyTally {
    private long[] fromIntendedStart = new long[1024];
    private long[] fromConnection = new long[1024];
    private long[] intendedStart = new long[1024];
    private int answers;
    private long nonSuccess;
    private long failures;
    private long[] senderLag = new long[1024];
    private int sent;
    private long lastAnswerNanos = Long.MIN_VALUE;

    /** A request went out {@code senderLagNanos} after it could have (see {@link LoadConnection#senderLagNanos}). */
    void sent(long senderLagNanos) {
        if (sent == senderLag.length) {
            senderLag = Arrays.copyOf(senderLag, sent * 2);
        }
        senderLag[sent++] = senderLagNanos;
    }

    void answered(int status, long intendedStartNanos, long onConnectionNanos, long endNanos) {
        if (answers == fromIntendedStart.length) {
            fromIntendedStart = Arrays.copyOf(fromIntendedStart, answers * 2);
            fromConnection = Arrays.copyOf(fromConnection, answers * 2);
            intendedStart = Arrays.copyOf(intendedStart, answers * 2);
        }
        intendedStart[answers] = intendedStartNanos;
        fromIntendedStart[answers] = endNanos - intendedStartNanos;
        fromConnection[answers] = endNanos - onConnectionNanos;
        answers++;
        if (status < 200 || status > 299) {
            nonSuccess++;
        }
        lastAnswerNanos = Math.max(lastAnswerNanos, endNanos);
    }

    /** A request that got no answer: no connection, a connection closed or reset, a timeout. */
    void failed() {
        failures++;
    }

    long settled() {
        return answers + failures;
    }

    /** The figures of {@code requests} measured requests, the first of which was meant to start at {@code firstStartNanos}. */
    OpenLoopSummary summarise(long requests, long firstStartNanos) {
        long[] corrected = Arrays.copyOf(fromIntendedStart, answers);
        long[] uncorrected = Arrays.copyOf(fromConnection, answers);
        long[] lags = Arrays.copyOf(senderLag, sent);
        Arrays.sort(corrected);
        Arrays.sort(uncorrected);
        Arrays.sort(lags);
        double seconds = answers == 0 ? 0 : (lastAnswerNanos - firstStartNanos) / 1e9;
        return new OpenLoopSummary(requests, answers, nonSuccess, failures, requests - answers - failures,
                seconds > 0 ? answers / seconds : 0, corrected, uncorrected, lags,
                timeline(firstStartNanos, OpenLoopSummary.TIMELINE_SLICE_NANOS));
    }

    /**
     * The answers by when they were meant to start, in slices of {@code sliceNanos} from {@code firstStartNanos}: for
     * each slice that holds an answer, its start, how many answers and the longest latency from the intended start,
     * in nanoseconds. A tail made of one stall shows as a run of consecutive slices with long latencies, which can be
     * laid beside the service's GC or safepoint log by time; a tail spread thin shows as scattered ones.
     */
    long[][] timeline(long firstStartNanos, long sliceNanos) {
        if (sliceNanos <= 0) {
            throw new IllegalArgumentException("a slice is longer than 0 ns: " + sliceNanos);
        }
        TreeMap<Long, long[]> slices = new TreeMap<>();
        for (int i = 0; i < answers; i++) {
            long slice = Math.floorDiv(intendedStart[i] - firstStartNanos, sliceNanos);
            long[] countAndLongest = slices.computeIfAbsent(slice, s -> new long[2]);
            countAndLongest[0]++;
            countAndLongest[1] = Math.max(countAndLongest[1], fromIntendedStart[i]);
        }
        return slices.entrySet().stream()
                .map(e -> new long[] {firstStartNanos + e.getKey() * sliceNanos, e.getValue()[0], e.getValue()[1]})
                .toArray(long[][]::new);
    }

    /**
     * The nearest-rank percentile of a sorted sample: the smallest value with at least {@code partsPer100k} / 100,000
     * of the sample at or below it (99,000 for p99, 99,900 for p99.9, 100,000 for the maximum). Whole numbers only,
     * so p99.9 of 1,000 values is the 999th, never the 1,000th by a rounding error.
     */
    static long percentile(long[] sorted, long partsPer100k) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (partsPer100k <= 0 || partsPer100k > 100_000) {
            throw new IllegalArgumentException("a percentile is above 0 and at most 100: " + partsPer100k);
        }
        long rank = (partsPer100k * sorted.length + 99_999) / 100_000;
        return sorted[(int) rank - 1];
    }
}
