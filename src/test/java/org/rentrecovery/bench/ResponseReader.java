package org.rentrecovery.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads HTTP/1.1 responses off one connection as their bytes arrive, in whatever pieces: the status line, the headers
 * it needs (Content-Length, Transfer-Encoding: chunked, Connection: close), then skips the body without keeping it.
 * A response with neither a length nor chunks is taken to have no body: the service always sends one or the other,
 * and a body delimited by closing the connection cannot be told from a connection that failed.
 */
final class ResponseReader {
    private static final int LONGEST_LINE = 8192;
    private static final byte[] HTTP_1 = ascii("http/1.");
    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] CHUNKED = ascii("chunked");
    private static final byte[] CLOSE = ascii("close");

    private enum State { STATUS_LINE, HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS }

    private final byte[] line = new byte[LONGEST_LINE];
    private int lineLength;
    private State state = State.STATUS_LINE;
    private int status;
    private long remaining;
    private boolean chunked;
    private boolean closeAfter;

    /**
     * Consumes bytes from {@code in} up to the end of the current response and returns its status code, or 0 when
     * {@code in} ran out before the response ended; bytes after the end stay in {@code in} for the next call.
     * Lines are read in place, as bytes: no string is made for a response read without error.
     */
    int read(ByteBuffer in) throws IOException {
        while (in.hasRemaining()) {
            if (state == State.BODY || state == State.CHUNK_DATA) {
                int skipped = (int) Math.min(remaining, in.remaining());
                in.position(in.position() + skipped);
                remaining -= skipped;
                if (remaining == 0) {
                    if (state == State.BODY) {
                        return finish();
                    }
                    state = State.CHUNK_END;
                }
            } else if (lineEnded(in)) {
                boolean ends = lineCompletes();
                lineLength = 0;
                if (ends) {
                    return finish();
                }
            }
        }
        return 0;
    }

    /** Whether the server asked, in the response just read, to close the connection after it. */
    boolean closeAfter() {
        return closeAfter;
    }

    private boolean lineEnded(ByteBuffer in) throws IOException {
        while (in.hasRemaining()) {
            byte next = in.get();
            if (next == '\n') {
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                return true;
            }
            if (lineLength == LONGEST_LINE) {
                throw new IOException("a response line longer than " + LONGEST_LINE + " bytes");
            }
            line[lineLength++] = next;
        }
        return false;
    }

    /** Moves on by the line in {@code line}; true when that line ends the response. */
    private boolean lineCompletes() throws IOException {
        switch (state) {
            case STATUS_LINE -> startResponse();
            case HEADERS -> {
                return lineLength == 0 ? headersEnded() : header();
            }
            case CHUNK_SIZE -> {
                int extension = indexOf((byte) ';', 0);
                remaining = parse(0, extension < 0 ? lineLength : extension, 16);
                state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
            }
            case CHUNK_END -> state = State.CHUNK_SIZE;
            case TRAILERS -> {
                return lineLength == 0;
            }
            default -> throw new IllegalStateException(state.name());
        }
        return false;
    }

    private void startResponse() throws IOException {
        if (lineLength < 12 || !startsWith(0, HTTP_1)) {
            throw new IOException("not an HTTP/1.x status line: " + text(0, lineLength));
        }
        status = (int) parse(9, 12, 10);
        remaining = 0;
        chunked = false;
        closeAfter = false;
        state = State.HEADERS;
    }

    private boolean header() throws IOException {
        int colon = indexOf((byte) ':', 0);
        if (colon < 0) {
            throw new IOException("a header without a colon: " + text(0, lineLength));
        }
        int nameEnd = trimEnd(0, colon);
        int valueStart = trimStart(colon + 1, lineLength);
        int valueEnd = trimEnd(valueStart, lineLength);
        if (namedAs(nameEnd, CONTENT_LENGTH)) {
            remaining = parse(valueStart, valueEnd, 10);
        } else if (namedAs(nameEnd, TRANSFER_ENCODING)) {
            chunked = contains(valueStart, valueEnd, CHUNKED);
        } else if (namedAs(nameEnd, CONNECTION)) {
            closeAfter = contains(valueStart, valueEnd, CLOSE);
        }
        // Other headers do not change where the response ends.
        return false;
    }

    private boolean headersEnded() {
        if (chunked) {
            state = State.CHUNK_SIZE;
            return false;
        }
        if (remaining > 0) {
            state = State.BODY;
            return false;
        }
        return true;
    }

    private int finish() {
        state = State.STATUS_LINE;
        return status;
    }

    private int indexOf(byte wanted, int from) {
        for (int i = from; i < lineLength; i++) {
            if (line[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private int trimStart(int from, int to) {
        while (from < to && line[from] <= ' ') {
            from++;
        }
        return from;
    }

    private int trimEnd(int from, int to) {
        while (to > from && line[to - 1] <= ' ') {
            to--;
        }
        return to;
    }

    /** Whether the line starts with the header name {@code lowerCase} (ASCII, any case) ending at {@code nameEnd}. */
    private boolean namedAs(int nameEnd, byte[] lowerCase) {
        return nameEnd == lowerCase.length && startsWith(0, lowerCase);
    }

    private boolean startsWith(int from, byte[] lowerCase) {
        if (from + lowerCase.length > lineLength) {
            return false;
        }
        for (int i = 0; i < lowerCase.length; i++) {
            if (lowerAscii(line[from + i]) != lowerCase[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean contains(int from, int to, byte[] lowerCase) {
        for (int i = from; i + lowerCase.length <= to; i++) {
            if (startsWith(i, lowerCase)) {
                return true;
            }
        }
        return false;
    }

    private static byte lowerAscii(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }

    /** A whole number in {@code radix} (10 or 16) written in {@code line[from, to)}, spaces around it allowed. */
    private long parse(int from, int to, int radix) throws IOException {
        int start = trimStart(from, to);
        int end = trimEnd(start, to);
        if (start == end || end - start > 15) {
            throw new IOException("not a number: " + text(from, to));
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            int digit = Character.digit(line[i], radix);
            if (digit < 0) {
                throw new IOException("not a number: " + text(from, to));
            }
            value = value * radix + digit;
        }
        return value;
    }

    private String text(int from, int to) {
        return new String(line, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static byte[] ascii(String lowerCase) {
        return lowerCase.getBytes(StandardCharsets.ISO_8859_1);
    }
}
