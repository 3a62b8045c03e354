package org.rentrecovery.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads a decision journal as it is opened: through a buffer of 64 KB, so that a record costs no read of its own,
 * with positional reads, so the channel's own position is left alone.
 */
final class JournalFileReader {
    private final FileChannel channel;
    private final long size;
    private final byte[] buffer = new byte[64 * 1024];
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
        return buffer[(int) (at - bufferStart)] & 0xff;
    }

    /** {@code length} bytes at {@code at}; null when the file ends before them. */
    byte[] bytes(long at, int length) throws IOException {
        if (length < 0 || at + length > size) {
            return null;
        }
        byte[] out = new byte[length];
        if (length > buffer.length) {
            ByteBuffer target = ByteBuffer.wrap(out);
            while (target.hasRemaining()) {
                if (channel.read(target, at + target.position()) < 0) {
                    throw new IOException("the journal ended while it was read");
                }
            }
            return out;
        }
        if (at < bufferStart || at + length > bufferStart + buffered) {
            fill(at);
        }
        System.arraycopy(buffer, (int) (at - bufferStart), out, 0, length);
        return out;
    }

    /** The whole binary record at {@code at}, or null when it is cut short or fails its checksum. */
    byte[] frameAt(long at) throws IOException {
        byte[] header = bytes(at, JournalFrame.HEADER_BYTES);
        if (header == null) {
            return null;
        }
        int body = JournalFrame.bodyLength(header);
        if (body < 0 || body > size - at - JournalFrame.HEADER_BYTES) {
            return null;
        }
        byte[] frame = bytes(at, JournalFrame.HEADER_BYTES + body);
        return JournalFrame.isWhole(frame, frame.length) ? frame : null;
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
            if (byteAt(p) == (JournalFrame.FORMAT_1 & 0xff) && frameAt(p) != null) {
                return true;
            }
        }
        return false;
    }

    private void fill(long at) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(buffer, 0, (int) Math.min(buffer.length, size - at));
        while (target.hasRemaining()) {
            if (channel.read(target, at + target.position()) < 0) {
                throw new IOException("the journal ended while it was read");
            }
        }
        bufferStart = at;
        buffered = target.position();
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
