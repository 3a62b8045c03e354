package org.rentrecovery.portfolio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The records of a CSV file (RFC 4180: commas, cells in double quotes may hold commas, doubled quotes and line breaks),
 * each with the line it starts on, as an editor numbers it. A record that is not well formed is returned as a problem
 * and reading goes on, so one bad row never stops a run: a jackson-dataformat-csv parser cannot carry on past one,
 * which is why the records are split here.
 *
 * <p>Records are split on bytes: a quote, a comma and a line break are the same byte in every charset a CSV is read in
 * ({@link CaseSource#csvCharset}), so bytes that are not text in the file's charset make their own record a problem
 * without losing the place of the next. A record over several lines that turns out to be a problem (a quote never
 * closed, more than {@code maxRecordBytes}, or one the caller refuses, {@link #replayContinuation}) gives its lines
 * after the first back to be read again as records: a stray quote costs its own row, not the rows it swallowed.
 */
final class CsvRecords {
    /** One record: the line it starts on, its cells, or (cells null) why it is not well formed; tooLong when too big. */
    record Record(long line, List<String> cells, String problem, boolean tooLong, int lines) {
    }

    /**
     * The most lines one record may span: with the byte cap, it bounds what an unclosed quote holds (blank lines cost
     * no bytes) and how often a line is read again.
     */
    static final int MAX_RECORD_LINES = 1_000;
    private static final byte QUOTE = '"';
    private static final byte COMMA = ',';
    private static final byte[] UTF_8_BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final NdjsonLines lines;
    private final int maxRecordBytes;
    private final CharsetDecoder decoder;
    private final Deque<NdjsonLines.Line> replay = new ArrayDeque<>();
    private List<NdjsonLines.Line> lastContinuation = List.of();
    private boolean first = true;

    CsvRecords(InputStream in, Charset charset, int maxRecordBytes) {
        this.lines = new NdjsonLines(in, maxRecordBytes, true);
        this.maxRecordBytes = maxRecordBytes;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The last record's lines after its first are read again as records (the caller found the record not well formed). */
    void replayContinuation() {
        for (int i = lastContinuation.size() - 1; i >= 0; i--) {
            replay.addFirst(lastContinuation.get(i));
        }
        lastContinuation = List.of();
    }

    private NdjsonLines.Line nextLine() throws IOException {
        return replay.isEmpty() ? lines.next() : replay.pollFirst();
    }

    /** The next record, blank lines between records skipped; null at the end of the file. */
    Record next() throws IOException {
        lastContinuation = List.of();
        NdjsonLines.Line line = nextNonBlankLine();
        if (line == null) {
            return null;
        }
        long start = line.number();
        if (line.tooLong()) {
            return new Record(start, null, "line " + start + " is " + line.length() + " bytes; a row may be at most "
                    + maxRecordBytes + " bytes", true, 1);
        }
        Scan scan = new Scan();
        List<NdjsonLines.Line> continuation = new ArrayList<>();
        String unclosed = scanToRecordEnd(scan, line.bytes(), continuation);
        lastContinuation = List.copyOf(continuation);
        if (unclosed != null) {
            replayContinuation();
            return new Record(start, null, "the quote opened on line " + start + " is " + unclosed
                    + " (a quote inside a quoted cell is written twice: \"\"); the lines after it are read as rows", false, 1);
        }
        return recordOf(start, scan, continuation.size() + 1);
    }

    /** The next line that is not blank once the file's byte order mark, if any, is taken off its first line. */
    private NdjsonLines.Line nextNonBlankLine() throws IOException {
        while (true) {
            NdjsonLines.Line line = nextLine();
            if (first && line != null && !line.tooLong()) {
                line = withoutByteOrderMark(line);
            }
            first = false;
            if (line == null || line.tooLong() || !NdjsonLines.isBlank(line.bytes(), line.bytes().length)) {
                return line;
            }
        }
    }

    /**
     * Feeds the record's lines to the scan until the record ends, adding each line after the first to
     * {@code continuation}; null when it ended, or why it did not (a quote left open at the end or past the size limit).
     */
    private String scanToRecordEnd(Scan scan, byte[] firstLine, List<NdjsonLines.Line> continuation) throws IOException {
        long size = firstLine.length;
        byte[] bytes = firstLine;
        while (!scan.feed(bytes)) {
            NdjsonLines.Line more = nextLine();
            if (more == null) {
                return "never closed before the end of the file";
            }
            continuation.add(more);
            if (more.tooLong() || size + 1 + more.length() > maxRecordBytes) {
                return "not closed within " + maxRecordBytes + " bytes";
            }
            if (continuation.size() >= MAX_RECORD_LINES) {
                return "not closed within " + MAX_RECORD_LINES + " lines";
            }
            size += more.length() + 1;
            bytes = more.bytes();
        }
        return null;
    }

    /** The record the scan read: its cells in the file's charset, or why it is not well formed. */
    private Record recordOf(long start, Scan scan, int spanned) {
        if (scan.misplacedQuoteAt >= 0) {
            // The quotes do not pair up: the lines after the first may be rows a stray quote took in.
            replayContinuation();
            String where = scan.misplacedQuoteLine == 0 ? "line " + start
                    : "in the row starting on line " + start + ", line " + (start + scan.misplacedQuoteLine);
            return new Record(start, null, where + ", byte " + (scan.misplacedQuoteAt + 1)
                    + ": text after a quoted cell's closing quote; a quoted cell ends at a comma or the end of the row "
                    + "(a quote inside it is written twice: \"\")", false, 1);
        }
        List<String> cells = new ArrayList<>(scan.cells.size());
        for (byte[] cell : scan.cells) {
            String text = decode(cell);
            if (text == null) {
                return new Record(start, null, "the row starting on line " + start + " has bytes that are not text in "
                        + decoder.charset().name() + ": save the file as CSV UTF-8 (over HTTP, or name its charset in the "
                        + "Content-Type, e.g. text/csv; charset=windows-1252)", false, spanned);
            }
            cells.add(text);
        }
        return new Record(start, cells, null, false, spanned);
    }

    private static NdjsonLines.Line withoutByteOrderMark(NdjsonLines.Line line) {
        byte[] bytes = line.bytes();
        if (bytes.length >= 3 && bytes[0] == UTF_8_BYTE_ORDER_MARK[0] && bytes[1] == UTF_8_BYTE_ORDER_MARK[1]
                && bytes[2] == UTF_8_BYTE_ORDER_MARK[2]) {
            return new NdjsonLines.Line(line.number(), java.util.Arrays.copyOfRange(bytes, 3, bytes.length), bytes.length - 3);
        }
        return line;
    }

    private String decode(byte[] bytes) {
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The cells of one record, line by line. */
    private static final class Scan {
        final List<byte[]> cells = new ArrayList<>();
        private final ByteArrayOutputStream cell = new ByteArrayOutputStream();
        private boolean inQuotes;
        private boolean quoteClosed;
        /** Only blanks so far in this cell: a quote after them opens a quoted cell (the blanks are dropped). */
        private boolean blankSoFar = true;
        private int linesFed;
        int misplacedQuoteAt = -1;
        int misplacedQuoteLine;

        /** Reads one line of the record; true when the record ends with it. */
        boolean feed(byte[] line) {
            if (linesFed++ > 0) {
                cell.write('\n'); // a line break inside quotes is part of the cell
            }
            for (int i = 0; i < line.length; i++) {
                byte b = line[i];
                if (inQuotes) {
                    if (b != QUOTE) {
                        cell.write(b);
                    } else if (i + 1 < line.length && line[i + 1] == QUOTE) {
                        cell.write(QUOTE);
                        i++;
                    } else {
                        inQuotes = false;
                        quoteClosed = true;
                    }
                } else if (b == COMMA) {
                    endCell();
                } else if (quoteClosed) {
                    if (b != ' ' && b != '\t' && misplacedQuoteAt < 0) {
                        misplacedQuoteAt = i;
                        misplacedQuoteLine = linesFed - 1;
                    }
                } else if (b == QUOTE && blankSoFar) {
                    cell.reset();
                    inQuotes = true;
                } else {
                    cell.write(b);
                    blankSoFar &= b == ' ' || b == '\t';
                }
            }
            if (inQuotes) {
                return false;
            }
            endCell();
            return true;
        }

        private void endCell() {
            cells.add(cell.toByteArray());
            cell.reset();
            quoteClosed = false;
            blankSoFar = true;
        }
    }
}
