package org.rentrecovery.audit;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.zip.Deflater;

/**
 * A raw deflater at one level with the buffer it writes into, kept between records ({@link AuditPayload}): a new
 * deflater allocates about 256 KB of native zlib state, which a record per decision made a cost of every decision.
 * A few per level are enough for the request threads and the audit writers at once; when all are out a new one is
 * made and, if its level's pool is full when it comes back, ended. It is reset before it goes back (which drops the
 * dictionary: {@link #start} sets it again per record).
 */
final class PayloadDeflater {
    private static final int POOLED = 8;
    /** What a kept buffer may grow to: a payload is about 1 KB; a rare large one does not keep its buffer. */
    private static final int KEPT_BUFFER = 16 * 1024;
    private static final ArrayBlockingQueue<?>[] POOLS = new ArrayBlockingQueue<?>[Deflater.BEST_COMPRESSION + 1];

    static {
        for (int level = 0; level < POOLS.length; level++) {
            POOLS[level] = new ArrayBlockingQueue<PayloadDeflater>(POOLED);
        }
    }

    private final int level;
    private final Deflater deflater;
    private byte[] out = new byte[4096];
    private int length;

    private PayloadDeflater(int level) {
        this.level = level;
        this.deflater = new Deflater(level, true);
    }

    /** A kept deflater at {@code level} (0 to 9), or a new one. */
    static PayloadDeflater take(int level) {
        if (level < 0 || level >= POOLS.length) {
            throw new IllegalArgumentException("a deflate level is 0 to 9, not " + level);
        }
        PayloadDeflater kept = (PayloadDeflater) pool(level).poll();
        return kept != null ? kept : new PayloadDeflater(level);
    }

    @SuppressWarnings("unchecked")
    private static ArrayBlockingQueue<PayloadDeflater> pool(int level) {
        return (ArrayBlockingQueue<PayloadDeflater>) POOLS[level];
    }

    /** Begins a payload: its first byte, {@code number}, names {@code dictionary}, which the stream is deflated against. */
    void start(byte[] dictionary, int number) {
        deflater.setDictionary(dictionary);
        length = 0;
        out[length++] = (byte) number;
    }

    /** A byte written as it is, before the deflated text (the flags). */
    void header(int value) {
        out[length++] = (byte) value;
    }

    void add(byte[] bytes) {
        add(bytes, 0, bytes.length);
    }

    /** The next piece of the text; the stream is the same as if the pieces had been one array. */
    void add(byte[] bytes, int offset, int count) {
        if (count == 0) {
            return;
        }
        deflater.setInput(bytes, offset, count);
        while (!deflater.needsInput()) {
            drain();
        }
    }

    /** The whole payload: the bytes written before the text, then the deflated text. */
    byte[] finish() {
        deflater.finish();
        while (!deflater.finished()) {
            drain();
        }
        return Arrays.copyOf(out, length);
    }

    private void drain() {
        if (length == out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        length += deflater.deflate(out, length, out.length - length);
    }

    /**
     * Back to its level's pool, reset, when it finished its stream; ended otherwise (an exception left it mid-stream,
     * and a stream is cheap to replace) or when the pool is already full.
     */
    void giveBack(boolean finishedStream) {
        if (finishedStream) {
            deflater.reset();
            if (out.length > KEPT_BUFFER) {
                out = new byte[4096];
            }
            if (pool(level).offer(this)) {
                return;
            }
        }
        deflater.end();
    }
}
