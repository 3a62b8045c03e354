package org.rentrecovery.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Formats 1 to 4 of {@link AuditPayload}, raw deflate streams: a raw deflater at one level with the buffer it writes
 * into, kept between records, and the inflaters that read them back. A new deflater allocates about 256 KB of native
 * zlib state, which a record per decision made a cost of every decision. A few per level are enough for the request threads and the audit writers at once; when all are out a new one is
 * made and, if its level's pool is full when it comes back, ended. It is reset before it goes back (which drops the
 * dictionary: {@link #take} sets it again per record).
 */
final class PayloadDeflater implements PayloadCompressor {
    private static final int POOLED = 8;
    /** What a kept buffer may grow to: a payload is about 1 KB; a rare large one does not keep its buffer. */
    private static final int KEPT_BUFFER = 16 * 1024;
    private static final ArrayBlockingQueue<?>[] POOLS = new ArrayBlockingQueue<?>[Deflater.BEST_COMPRESSION + 1];

    static {
        for (int level = 0; level < POOLS.length; level++) {
            POOLS[level] = new ArrayBlockingQueue<PayloadDeflater>(POOLED);
        }
    }

    /**
     * Inflaters kept between records: a new one allocates its native zlib state. A few are enough for the readers at
     * once; when all are out a new one is made and, if the pool is full when it comes back, ended.
     */
    private static final ArrayBlockingQueue<Inflater> INFLATERS = new ArrayBlockingQueue<>(POOLED);

    private final int level;
    private final Deflater deflater;
    private byte[] out = new byte[4096];
    private int length;

    private PayloadDeflater(int level) {
        this.level = level;
        this.deflater = new Deflater(level, true);
    }

    /** A kept deflater at {@code level} (0 to 9), or a new one, deflating against {@code dictionary}. */
    static PayloadDeflater take(int level, byte[] dictionary) {
        if (level < 0 || level >= POOLS.length) {
            throw new IllegalArgumentException("a deflate level is 0 to 9, not " + level);
        }
        PayloadDeflater kept = (PayloadDeflater) pool(level).poll();
        PayloadDeflater taken = kept != null ? kept : new PayloadDeflater(level);
        taken.deflater.setDictionary(dictionary);
        taken.length = 0;
        return taken;
    }

    @SuppressWarnings("unchecked")
    private static ArrayBlockingQueue<PayloadDeflater> pool(int level) {
        return (ArrayBlockingQueue<PayloadDeflater>) POOLS[level];
    }

    @Override
    public void header(int value) {
        out[length++] = (byte) value;
    }

    @Override
    public void add(byte[] bytes, int offset, int count) {
        if (count == 0) {
            return;
        }
        deflater.setInput(bytes, offset, count);
        while (!deflater.needsInput()) {
            drain();
        }
    }

    @Override
    public byte[] finish() {
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
    @Override
    public void giveBack(boolean finishedStream) {
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

    /**
     * The text of a raw deflate stream, with a kept inflater: it goes back to the pool, reset, when it finished the
     * stream; it is ended otherwise (a damaged payload left it mid-stream, and a stream is cheap to replace) or when
     * the pool is already full.
     */
    static String inflated(byte[] dictionary, byte[] bytes, int offset, int length) {
        Inflater taken = INFLATERS.poll();
        Inflater inflater = taken != null ? taken : new Inflater(true);
        boolean whole = false;
        try {
            inflater.setDictionary(dictionary); // a raw stream names no dictionary: the payload's first byte does
            inflater.setInput(bytes, offset, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(length * 12);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) {
                    throw new IllegalStateException("a stored audit payload is cut short");
                }
                out.write(buffer, 0, n);
            }
            whole = true;
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a stored audit payload is damaged: " + e.getMessage(), e);
        } finally {
            if (whole) {
                inflater.reset();
            }
            if (!whole || !INFLATERS.offer(inflater)) {
                inflater.end();
            }
        }
    }
}
