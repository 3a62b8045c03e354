package org.rentrecovery.portfolio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a CSV file (RFC 4180: commas, cells in double quotes may hold commas, doubled quotes and line breaks),
 * each with the line it starts on, as an editor numbers it. A record that is not well formed is returned as a problem
 * and reading goes on at the next line, so one bad row never stops a run: a jackson-dataformat-csv parser cannot carry
 * on past one, which is why the records are split here. Bytes that are not text in the file's charset make their
 * record a problem too, never a replacement character in a case. Only the record being read is held.
 */
final class CsvRecords {
    /** One record: the line it starts on, and its cells or, when it is not well formed, why not (the cells then null). */
    record Record(long line, List<String> cells, String problem, boolean tooLong) {
        static Record problem(long line, String why) {
            return new Record(line, null, why, false);
        }
    }

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final NdjsonLines lines;
    private final CharsetDecoder decoder;
    private boolean first = true;

    CsvRecords(InputStream in, Charset charset, int maxLineBytes) {
        this.lines = new NdjsonLines(in, maxLineBytes, true);
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The next record, blank lines between records skipped; null at the end of the file. */
    Record next() throws IOException {
        NdjsonLines.Line line = lines.next();
        while (line != null && !line.tooLong() && NdjsonLines.isBlank(line.bytes(), line.bytes().length)) {
            line = lines.next();
        }
        if (line == null) {
            return null;
        }
        long start = line.number();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inQuotes = false;
        boolean quoteClosed = false;
        while (true) {
            if (line.tooLong()) {
                return new Record(start, null, "line " + line.number() + " is " + line.length() + " bytes; a case may be at most "
                        + CaseSource.MAX_LINE_BYTES + " bytes (10 MiB)", true);
            }
            String text = decode(line.bytes());
            if (text == null) {
                return Record.problem(start, "line " + line.number() + " is not text in " + decoder.charset().name()
                        + ": save the file as CSV UTF-8, or name its charset in the Content-Type (e.g. text/csv; charset=windows-1252)");
            }
            if (first) {
                first = false;
                text = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (inQuotes) {
                    if (c != '"') {
                        cell.append(c);
                    } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                        quoteClosed = true;
                    }
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    quoteClosed = false;
                } else if (quoteClosed) {
                    return Record.problem(start, "line " + line.number() + ", column " + (i + 1) + ": '" + c
                            + "' after a quoted cell's closing quote; a quoted cell ends at a comma or the end of the row "
                            + "(a quote inside it is written twice: \"\")");
                } else if (c == '"' && cell.isEmpty()) {
                    inQuotes = true;
                } else {
                    cell.append(c);
                }
            }
            if (!inQuotes) {
                cells.add(cell.toString());
                return new Record(start, cells, null, false);
            }
            // A line break inside quotes is part of the cell.
            cell.append('\n');
            line = lines.next();
            if (line == null) {
                return Record.problem(start, "the quote opened in the row starting on line " + start
                        + " is never closed before the end of the file");
            }
        }
    }

    private String decode(byte[] bytes) {
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
