package org.rentrecovery.portfolio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.rentrecovery.contract.Problem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The cases of a portfolio, one at a time: NDJSON (one case per line) or CSV (a header naming each column's path). */
public abstract class CaseSource implements AutoCloseable {
    /** A case may be at most 10 MiB, as a single request may. */
    public static final int MAX_LINE_BYTES = 10 * 1024 * 1024;

    /** One input case: its line, its case ref when readable, and its JSON; or the problem that line has. */
    public record InputCase(long line, String caseRef, byte[] json, LineProblem problem) {
    }

    public enum Format {
        NDJSON, CSV;

        /** By the upload's {@code Content-Type}: {@code text/csv} is CSV, anything else NDJSON. */
        public static Format ofContentType(String contentType) {
            return contentType != null && contentType.trim().toLowerCase(java.util.Locale.ROOT).startsWith("text/csv") ? CSV : NDJSON;
        }

        /** By the file name: {@code .csv} is CSV, anything else NDJSON. */
        public static Format of(String fileName) {
            return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? CSV : NDJSON;
        }
    }

    /** The next case, or {@code null} at the end. */
    public abstract InputCase next() throws IOException;

    @Override
    public abstract void close() throws IOException;

    public static CaseSource open(InputStream in, Format format, ObjectMapper mapper) throws IOException {
        return open(in, format, StandardCharsets.UTF_8, mapper);
    }

    /** @param csvCharset the charset of a CSV file (NDJSON is UTF-8, as JSON is) */
    public static CaseSource open(InputStream in, Format format, Charset csvCharset, ObjectMapper mapper) throws IOException {
        return format == Format.CSV ? new Csv(in, csvCharset, mapper) : new Ndjson(in);
    }

    /** The charsets a CSV file may be in: those that write a line break as the byte 0x0A, as the reader splits lines on it. */
    private static final Set<String> CSV_CHARSETS = Set.of("UTF-8", "US-ASCII", "ISO-8859-1", "ISO-8859-15", "windows-1252");

    /**
     * The charset a {@code Content-Type} names for a CSV file (UTF-8 when it names none); {@link IllegalArgumentException}
     * naming the ones taken when it names another. Excel's "CSV (Comma delimited)" is windows-1252, its "CSV UTF-8" UTF-8.
     */
    public static Charset csvCharset(String contentType) {
        String declared = null;
        if (contentType != null) {
            for (String parameter : contentType.split(";")) {
                String[] pair = parameter.trim().split("=", 2);
                if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                    declared = pair[1].trim().replace("\"", "");
                }
            }
        }
        if (declared == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            Charset charset = Charset.forName(declared);
            if (CSV_CHARSETS.contains(charset.name())) {
                return charset;
            }
        } catch (IllegalArgumentException e) {
            // not a charset this JVM knows: named below with the ones taken
        }
        throw new IllegalArgumentException("charset " + declared + " is not one a CSV file is read in; use one of " + new TreeSet<>(CSV_CHARSETS));
    }

    private static final JsonFactory JSON = new JsonFactory();

    /** The top-level caseRef of a JSON object, read without building the case; null when there is none. */
    static String caseRefOf(byte[] json) {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("caseRef")) {
                    return value == JsonToken.VALUE_STRING ? p.getText() : null;
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static final class Ndjson extends CaseSource {
        private final InputStream in;
        private final NdjsonLines lines;

        Ndjson(InputStream in) {
            this.in = in;
            this.lines = new NdjsonLines(in, MAX_LINE_BYTES);
        }

        @Override
        public InputCase next() throws IOException {
            NdjsonLines.Line line = lines.next();
            if (line == null) {
                return null;
            }
            if (line.tooLong()) {
                return new InputCase(line.number(), null, null, LineProblem.of(Problem.of(413, "/problems/payload-too-large",
                        "Line too large", "The line is " + line.length() + " bytes; a case may be at most "
                                + MAX_LINE_BYTES + " bytes (10 MiB)."), line.number(), null));
            }
            return new InputCase(line.number(), caseRefOf(line.bytes()), line.bytes(), null);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static final class Csv extends CaseSource {
        private final InputStream in;
        private final CsvRecords records;
        private final CsvCases cases;

        Csv(InputStream in, Charset charset, ObjectMapper mapper) throws IOException {
            this.in = in;
            this.records = new CsvRecords(in, charset, MAX_LINE_BYTES);
            CsvRecords.Record header = records.next();
            if (header == null) {
                throw new IllegalArgumentException("the CSV file is empty: its first line must name the columns, e.g. "
                        + "caseRef,asOf,tenancy.type,tenancy.rentFrequency,tenancy.rentPerPeriod,account.balance");
            }
            if (header.problem() != null) {
                throw new IllegalArgumentException("the CSV header, which names the columns, is not well formed: " + header.problem());
            }
            if (header.cells().stream().anyMatch(name -> name.indexOf('\r') >= 0)) {
                throw new IllegalArgumentException("the file's lines end in a carriage return alone (Excel for Mac's \"CSV (Macintosh)\"): "
                        + "save it as CSV UTF-8, whose lines end in a line feed");
            }
            this.cases = new CsvCases(header.cells(), mapper);
        }

        @Override
        public InputCase next() throws IOException {
            CsvRecords.Record row = records.next();
            if (row == null) {
                return null;
            }
            long line = row.line();
            if (row.tooLong()) {
                return new InputCase(line, null, null, LineProblem.of(Problem.of(413, "/problems/payload-too-large",
                        "Line too large", sentence(row.problem())), line, null));
            }
            String problem = row.problem() != null ? row.problem() : row.cells().size() > cases.width()
                    ? "has " + row.cells().size() + " cells for " + cases.width() + " columns" : null;
            if (problem != null) {
                return new InputCase(line, null, null, LineProblem.of(Problem.badRequest("The row is not well formed CSV: "
                        + problem + ".", List.of(new Problem.FieldError("body", problem))), line, null));
            }
            byte[] json = cases.toJson(row.cells());
            return new InputCase(line, caseRefOf(json), json, null);
        }

        private static String sentence(String text) {
            return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
