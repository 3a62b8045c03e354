package org.rentrecovery.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads a decision journal as it is opened: through a direct buffer of 256 KB, so that a record costs no read of its own
 * and the file's bytes are copied once (a heap buffer takes them through the JDK's own direct buffer first), with
 * positional reads, so the channel's own position is left alone. A binary record that fits in the buffer is checked and
 * its head read where it lies, without a copy of its own.
 */
final class JournalFileReader {
    private static final int BUFFER_BYTES = 256 * 1024;

    private final FileChannel channel;
    private final long size;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private long bufferStart;
    private int buffered;

    JournalFileReader(FileChannel channel, long size) {
        this.channel = channel;
        this.size = size;
    }

    /** The byte at {@code at}, or -1 at the end of the file. */
    int byteAt(long at) throws IOException {
        if (at >= size) {
            return -1;
        }
        if (at < bufferStart || at >= bufferStart + buffered) {
            fill(at);
        }
        return buffer.get((int) (at - bufferStart)) & 0xff;
    }

    /** {@code length} bytes at {@code at}; null when the file ends before them. */
    byte[] bytes(long at, int length) throws IOException {
        if (length < 0 || at + length > size) {
            return null;
        }
        byte[] out = new byte[length];
        if (length > BUFFER_BYTES) {
            ByteBuffer target = ByteBuffer.wrap(out);
            while (target.hasRemaining()) {
                if (channel.read(target, at + target.position()) < 0) {
                    throw new IOException("the journal ended while it was read");
                }
            }
            return out;
        }
        buffer.get(buffered(at, length), out, 0, length);
        return out;
    }

    /**
     * The length of the whole binary record at {@code at} (header and body), or -1 when it is cut short, is not in this
     * format or fails its checksum.
     */
    int wholeFrameLength(long at) throws IOException {
        if (at + JournalFrame.HEADER_BYTES > size) {
            return -1;
        }
        int header = buffered(at, JournalFrame.HEADER_BYTES);
        int body = buffer.getInt(header + 1);
        if (buffer.get(header) != JournalFrame.FORMAT_1 || body < 0 || body > size - at - JournalFrame.HEADER_BYTES) {
            return -1;
        }
        int length = JournalFrame.HEADER_BYTES + body;
        if (length > BUFFER_BYTES) {
            return JournalFrame.isWhole(bytes(at, length), length) ? length : -1;
        }
        return JournalFrame.isWhole(buffer, buffered(at, length), length) ? length : -1;
    }

    /** What the index needs of the whole record of {@code length} bytes at {@code at} (see {@link #wholeFrameLength}). */
    JournalFrame.Head headOfFrame(long at, int length) throws IOException {
        if (length > BUFFER_BYTES) {
            return JournalFrame.head(bytes(at, length));
        }
        return JournalFrame.head(buffer, buffered(at, length), length);
    }

    /** Where the {@code length} bytes at {@code at} lie in the buffer, once it holds them. */
    private int buffered(long at, int length) throws IOException {
        if (at < bufferStart || at + length > bufferStart + buffered) {
            fill(at);
        }
        return (int) (at - bufferStart);
    }

    /** Where the line starting at {@code at} ends (its newline), or -1 when the file ends first. */
    long lineEnd(long at) throws IOException {
        for (long p = at; p < size; p++) {
            if (byteAt(p) == '\n') {
                return p;
            }
        }
        return -1;
    }

    /** Whether a whole binary record starts anywhere from {@code from} on: after a bad record, damage rather than a torn tail. */
    boolean wholeFrameAfter(long from) throws IOException {
        for (long p = from; p + JournalFrame.HEADER_BYTES <= size; p++) {
            if (byteAt(p) == (JournalFrame.FORMAT_1 & 0xff) && wholeFrameLength(p) >= 0) {
                return true;
            }
        }
        return false;
    }

    private void fill(long at) throws IOException {
        buffer.clear().limit((int) Math.min(BUFFER_BYTES, size - at));
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                throw new IOException("the journal ended while it was read");
            }
        }
        bufferStart = at;
        buffered = buffer.position();
    }

    /** Reads {@code target}'s remaining bytes from {@code at} on, leaving the channel's own position alone. */
    static void readFully(FileChannel channel, ByteBuffer target, long at) throws IOException {
        long start = at - target.position();
        while (target.hasRemaining()) {
            if (channel.read(target, start + target.position()) < 0) {
                throw new IOException("the journal ends before the record at byte " + at);
            }
        }
    }
}
