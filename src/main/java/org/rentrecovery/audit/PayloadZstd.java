package org.rentrecovery.audit;

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
 * compressed in one call. zstd contexts hold native memory, so compressing and decompressing contexts are kept in
 * small pools; a dictionary is prepared once per level ({@link ZstdDictCompress} is read-only and shared).
 */
final class PayloadZstd implements PayloadCompressor {
    private static final int POOLED = 8;
    /** What a kept buffer may grow to: a text is about 9 KB; a rare large one does not keep its buffer. */
    private static final int KEPT_BUFFER = 64 * 1024;
    /** The longest text a payload may claim to hold: a damaged length must not become a huge allocation. */
    private static final long LONGEST_TEXT = 64L * 1024 * 1024;
    private static final ConcurrentMap<Key, ArrayBlockingQueue<PayloadZstd>> POOLS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<Key, ZstdDictCompress> PREPARED = new ConcurrentHashMap<>();
    private static final ConcurrentMap<Integer, ZstdDictDecompress> PREPARED_FOR_READING = new ConcurrentHashMap<>();
    private static final ArrayBlockingQueue<Reader> READERS = new ArrayBlockingQueue<>(POOLED);

    private record Key(int format, int level) {
    }

    private final Key key;
    private final ZstdCompressCtx context;
    private final byte[] header = new byte[2];
    private int headerLength;
    private byte[] text = new byte[16 * 1024];
    private int textLength;

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
        header[headerLength++] = (byte) value;
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
        byte[] out = new byte[headerLength + (int) Zstd.compressBound(textLength)];
        System.arraycopy(header, 0, out, 0, headerLength);
        int compressed = context.compressByteArray(out, headerLength, out.length - headerLength, text, 0, textLength);
        return Arrays.copyOf(out, headerLength + compressed);
    }

    @Override
    public void giveBack(boolean finishedPayload) {
        if (text.length > KEPT_BUFFER) {
            text = new byte[16 * 1024];
        }
        if (!POOLS.get(key).offer(this)) {
            context.close();
        }
    }

    /** The text of the frame at {@code offset}, {@code length} bytes, compressed against {@code dictionary}. */
    static byte[] decompressed(int format, byte[] dictionary, byte[] bytes, int offset, int length) {
        long size = Zstd.getFrameContentSize(bytes, offset, length, true);
        if (size < 0 || size > LONGEST_TEXT) {
            throw new IllegalStateException("a stored audit payload is damaged: its frame gives no usable length");
        }
        Reader taken = READERS.poll();
        Reader reader = taken != null && taken.format == format ? taken : new Reader(format, dictionary);
        boolean whole = false;
        try {
            byte[] text = new byte[(int) size];
            int n = reader.context.decompressByteArray(text, 0, text.length, bytes, offset, length);
            if (n != text.length) {
                throw new IllegalStateException("a stored audit payload is cut short");
            }
            whole = true;
            return text;
        } catch (ZstdException e) {
            throw new IllegalStateException("a stored audit payload is damaged: " + e.getMessage(), e);
        } finally {
            if (taken != null && taken != reader) {
                taken.context.close();
            }
            if (!whole || !READERS.offer(reader)) {
                reader.context.close();
            }
        }
    }

    /** A decompressing context with a format's dictionary loaded. */
    private static final class Reader {
        final int format;
        final ZstdDecompressCtx context = new ZstdDecompressCtx();

        Reader(int format, byte[] dictionary) {
            this.format = format;
            context.loadDict(PREPARED_FOR_READING.computeIfAbsent(format, f -> new ZstdDictDecompress(dictionary)));
            context.setMagicless(true);
        }
    }
}
