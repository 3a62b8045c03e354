package org.rentrecovery.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads HTTP/1.1 responses off one connection as their bytes arrive, in whatever pieces: the status line, the headers
 * it needs (Content-Length, Transfer-Encoding: chunked, Connection: close), then skips the body without keeping it.
 * A response with neither a length nor chunks is taken to have no body: the service always sends one or the other,
 * and a body delimited by closing the connection cannot be told from a connection that failed.
 */
final class ResponseReader {
    private static final int LONGEST_LINE = 8192;

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
                String text = new String(line, 0, lineLength, StandardCharsets.ISO_8859_1);
                lineLength = 0;
                if (lineCompletes(text)) {
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

    /** Moves on by one line; true when that line ends the response. */
    private boolean lineCompletes(String text) throws IOException {
        switch (state) {
            case STATUS_LINE -> startResponse(text);
            case HEADERS -> {
                return text.isEmpty() ? headersEnded() : header(text);
            }
            case CHUNK_SIZE -> {
                int extension = text.indexOf(';');
                remaining = parse(extension < 0 ? text : text.substring(0, extension), 16);
                state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
            }
            case CHUNK_END -> state = State.CHUNK_SIZE;
            case TRAILERS -> {
                return text.isEmpty();
            }
            default -> throw new IllegalStateException(state.name());
        }
        return false;
    }

    private void startResponse(String text) throws IOException {
        if (!text.startsWith("HTTP/1.") || text.length() < 12) {
            throw new IOException("not an HTTP/1.x status line: " + text);
        }
        status = (int) parse(text.substring(9, 12), 10);
        remaining = 0;
        chunked = false;
        closeAfter = false;
        state = State.HEADERS;
    }

    private boolean header(String text) throws IOException {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IOException("a header without a colon: " + text);
        }
        String name = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = text.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        switch (name) {
            case "content-length" -> remaining = parse(value, 10);
            case "transfer-encoding" -> chunked = value.contains("chunked");
            case "connection" -> closeAfter = value.contains("close");
            default -> {
                // Other headers do not change where the response ends.
            }
        }
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

    private static long parse(String digits, int radix) throws IOException {
        try {
            return Long.parseLong(digits.trim(), radix);
        } catch (NumberFormatException e) {
            throw new IOException("not a number: " + digits, e);
        }
    }
}
