package org.rentrecovery.portfolio;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads newline-delimited records from a stream one at a time, so that memory stays flat however
 * long the input: only the current line is held. A line longer than the limit is skipped to its
 * end without being kept, and reported as too long. Blank lines are not records and are skipped
 * (their numbers still count, so that line numbers match an editor's), unless the reader keeps
 * them: a CSV cell in quotes may hold one (CsvRecords).
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
    private final boolean keepBlankLines;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long lineNumber;
    private byte[] line = new byte[4096];
    /** Of the line being read: the bytes kept in {@code line}, and every byte seen (more when it is too long). */
    private int lineLength;
    private long lineBytesSeen;

    public NdjsonLines(InputStream in, int maxLineBytes) {
        this(in, maxLineBytes, false);
    }

    /** @param keepBlankLines true to return blank lines too (a CSV cell in quotes may hold one) */
    NdjsonLines(InputStream in, int maxLineBytes, boolean keepBlankLines) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.keepBlankLines = keepBlankLines;
    }

    /** The next non-blank line (or the next line, when blank lines are kept), or {@code null} at the end of the input. */
    public Line next() throws IOException {
        while (readLine()) {
            lineNumber++;
            if (lineBytesSeen > maxLineBytes) {
                return new Line(lineNumber, null, lineBytesSeen);
            }
            int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
            if (keepBlankLines || !isBlank(line, length)) {
                return new Line(lineNumber, Arrays.copyOf(line, length), length);
            }
        }
        return null;
    }

    /**
     * Reads up to the next line break, or the end of the input, keeping at most {@code maxLineBytes} of the line in
     * {@code line} but counting every byte in {@code lineBytesSeen}; false at the end of the input with nothing read.
     */
    private boolean readLine() throws IOException {
        lineLength = 0;
        lineBytesSeen = 0;
        boolean sawAny = false;
        while (true) {
            if (position == limit && !fill()) {
                return sawAny;
            }
            sawAny = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            keep(start, position - start);
            if (position < limit) {
                position++; // the line break
                return true;
            }
        }
    }

    /**
     * True when the next line cannot be read without waiting for the sender: nothing is left in this reader's buffer
     * and the stream reports no bytes waiting. A stream that cannot tell says so by reporting bytes, so this errs
     * towards false.
     */
    public boolean mustWaitForInput() throws IOException {
        return position == limit && in.available() <= 0;
    }

    /** Refills the buffer; false at the end of the input. */
    private boolean fill() throws IOException {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
            limit = 0;
            return false;
        }
        return true;
    }

    /** Adds a run of the buffer to the line while the line is within the limit; counts it either way. */
    private void keep(int start, int chunk) {
        if (lineBytesSeen + chunk <= maxLineBytes) {
            if (lineLength + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(lineLength + chunk, Math.min(maxLineBytes, line.length * 2)));
            }
            System.arraycopy(buffer, start, line, lineLength, chunk);
            lineLength += chunk;
        }
        lineBytesSeen += chunk;
    }

    static boolean isBlank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
