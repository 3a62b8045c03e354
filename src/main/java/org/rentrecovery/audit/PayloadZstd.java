package org.rentrecovery.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdException;

/**
 * Payloads compressed by zstd against a dictionary trained on decisions ({@link AuditPayload}'s format 5 on): one frame
 * without its magic number (the payload's first byte already names the format), holding the text's length, with no
 * checksum (a journal frame has its own; a database page has its own). The text is gathered into a kept buffer and
 * compressed in one call into another kept buffer. zstd contexts hold native memory, so compressing and decompressing
 * contexts are kept in small pools; a dictionary is prepared once per format and level ({@link ZstdDictCompress} is
 * read-only and shared). Each compression is one call that leaves nothing behind in its context, so a compressor goes
 * back to its pool after a failure too.
 */
final class PayloadZstd implements PayloadCompressor {
    private static final int POOLED = 8;
    /** What a kept buffer may grow to: a text is about 9 KB; a rare large one does not keep its buffers. */
    private static final int KEPT_BUFFER = 64 * 1024;
    private static final int FIRST_BUFFER = 16 * 1024;
    /** The longest text a payload may claim to hold: a damaged length must not become a huge allocation. */
    private static final long LONGEST_TEXT = 64L * 1024 * 1024;
    private static final ConcurrentMap<Key, ArrayBlockingQueue<PayloadZstd>> POOLS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<Key, ZstdDictCompress> PREPARED = new ConcurrentHashMap<>();
    private static final ConcurrentMap<Integer, ZstdDictDecompress> PREPARED_FOR_READING = new ConcurrentHashMap<>();
    private static final ConcurrentMap<Integer, ArrayBlockingQueue<ZstdDecompressCtx>> READERS = new ConcurrentHashMap<>();

    private record Key(int format, int level) {
    }

    private final Key key;
    private final ZstdCompressCtx context;
    private byte[] text = new byte[FIRST_BUFFER];
    private int textLength;
    /** The payload being written: the header bytes, then (at {@link #finish}) the frame. */
    private byte[] out = new byte[FIRST_BUFFER];
    private int headerLength;

    private PayloadZstd(Key key, byte[] dictionary) {
        this.key = key;
        this.context = new ZstdCompressCtx();
        context.loadDict(PREPARED.computeIfAbsent(key, k -> new ZstdDictCompress(dictionary, k.level())));
        context.setMagicless(true);
        context.setContentSize(true);
        context.setDictID(false);
        context.setChecksum(false);
    }

    /** A kept compressor of format {@code format} (whose dictionary is {@code dictionary}) at {@code level}, or a new one. */
    static PayloadZstd take(int format, int level, byte[] dictionary) {
        if (level < 1 || level > Zstd.maxCompressionLevel()) {
            throw new IllegalArgumentException("a zstd level is 1 to " + Zstd.maxCompressionLevel() + ", not " + level);
        }
        Key key = new Key(format, level);
        PayloadZstd kept = POOLS.computeIfAbsent(key, k -> new ArrayBlockingQueue<>(POOLED)).poll();
        PayloadZstd taken = kept != null ? kept : new PayloadZstd(key, dictionary);
        taken.headerLength = 0;
        taken.textLength = 0;
        return taken;
    }

    @Override
    public void header(int value) {
        out[headerLength++] = (byte) value;
    }

    @Override
    public void add(byte[] bytes, int offset, int count) {
        if (textLength + count > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + count));
        }
        System.arraycopy(bytes, offset, text, textLength, count);
        textLength += count;
    }

    @Override
    public byte[] finish() {
        int needed = headerLength + (int) Zstd.compressBound(textLength);
        if (needed > out.length) {
            out = Arrays.copyOf(out, needed);
        }
        int compressed = context.compressByteArray(out, headerLength, out.length - headerLength, text, 0, textLength);
        return Arrays.copyOf(out, headerLength + compressed);
    }

    @Override
    public void giveBack(boolean finishedPayload) {
        if (text.length > KEPT_BUFFER || out.length > KEPT_BUFFER) {
            text = new byte[FIRST_BUFFER];
            out = new byte[FIRST_BUFFER];
        }
        if (!POOLS.get(key).offer(this)) {
            context.close();
        }
    }

    /** The text of the frame at {@code offset}, {@code length} bytes, of format {@code format} (compressed against {@code dictionary}). */
    static String text(int format, byte[] dictionary, byte[] bytes, int offset, int length) {
        long size = Zstd.getFrameContentSize(bytes, offset, length, true);
        if (size < 0 || size > LONGEST_TEXT) {
            throw new IllegalStateException("a stored audit payload is damaged: its frame gives no usable length");
        }
        ArrayBlockingQueue<ZstdDecompressCtx> pool = READERS.computeIfAbsent(format, f -> new ArrayBlockingQueue<>(POOLED));
        ZstdDecompressCtx kept = pool.poll();
        ZstdDecompressCtx reader = kept != null ? kept : reader(format, dictionary);
        boolean whole = false;
        try {
            byte[] text = new byte[(int) size];
            int n = reader.decompressByteArray(text, 0, text.length, bytes, offset, length);
            if (n != text.length) {
                throw new IllegalStateException("a stored audit payload is cut short");
            }
            whole = true;
            return new String(text, StandardCharsets.UTF_8);
        } catch (ZstdException e) {
            throw new IllegalStateException("a stored audit payload is damaged: " + e.getMessage(), e);
        } finally {
            if (!whole || !pool.offer(reader)) {
                reader.close();
            }
        }
    }

    /** A decompressing context with the format's dictionary, prepared once and shared, loaded. */
    private static ZstdDecompressCtx reader(int format, byte[] dictionary) {
        ZstdDecompressCtx reader = new ZstdDecompressCtx();
        reader.loadDict(PREPARED_FOR_READING.computeIfAbsent(format, f -> new ZstdDictDecompress(dictionary)));
        reader.setMagicless(true);
        return reader;
    }
}
