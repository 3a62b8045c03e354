package org.rentrecovery.portfolio;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads newline-delimited records from a stream one at a time, so that memory stays flat however
 * long the input: only the current line is held. A line longer than the limit is skipped to its
 * end without being kept, and reported as too long. Blank lines are not records and are skipped
 * (their numbers still count, so that line numbers match an editor's).
 */
public final class NdjsonLines {

    /** One record: its 1-based line number and its bytes without the line break, or {@code null} when too long. */
    public record Line(long number, byte[] bytes, long length) {
        public boolean tooLong() {
            return bytes == null;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long lineNumber;
    private byte[] line = new byte[4096];

    public NdjsonLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next non-blank line, or {@code null} at the end of the input. */
    public Line next() throws IOException {
        while (true) {
            int length = 0;
            long total = 0;
            boolean sawAny = false;
            boolean ended = false;
            while (!ended) {
                if (position == limit) {
                    limit = in.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (!sawAny) {
                            return null;
                        }
                        break;
                    }
                }
                sawAny = true;
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                int chunk = position - start;
                if (total + chunk <= maxLineBytes) {
                    if (length + chunk > line.length) {
                        line = Arrays.copyOf(line, Math.max(length + chunk, Math.min(maxLineBytes, line.length * 2)));
                    }
                    System.arraycopy(buffer, start, line, length, chunk);
                    length += chunk;
                }
                total += chunk;
                if (position < limit) {
                    position++; // the line break
                    ended = true;
                }
            }
            lineNumber++;
            if (total > maxLineBytes) {
                return new Line(lineNumber, null, total);
            }
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            if (!isBlank(line, length)) {
                return new Line(lineNumber, Arrays.copyOf(line, length), length);
            }
        }
    }

    private static boolean isBlank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
