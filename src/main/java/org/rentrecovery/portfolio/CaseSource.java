package org.rentrecovery.portfolio;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.rentrecovery.contract.Problem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/** The cases of a portfolio, one at a time: NDJSON (one case per line) or CSV (a header naming each column's path). */
public abstract class CaseSource implements AutoCloseable {
    /** A case may be at most 10 MiB, as a single request may. */
    public static final int MAX_LINE_BYTES = 10 * 1024 * 1024;

    /** One input case: its line, its case ref when readable, and its JSON; or the problem that line has. */
    public record InputCase(long line, String caseRef, byte[] json, LineProblem problem) {
    }

    public enum Format {
        NDJSON, CSV;

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
        return format == Format.CSV ? new Csv(in, mapper) : new Ndjson(in);
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
        private final MappingIterator<List<String>> rows;
        private final CsvCases cases;

        Csv(InputStream in, ObjectMapper mapper) throws IOException {
            CsvMapper csv = new CsvMapper();
            csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            this.rows = csv.readerForListOf(String.class).readValues(new InputStreamReader(in, StandardCharsets.UTF_8));
            if (!rows.hasNextValue()) {
                throw new IllegalArgumentException("the CSV file is empty: its first line must name the columns, e.g. "
                        + "caseRef,asOf,tenancy.type,tenancy.rentFrequency,tenancy.rentPerPeriod,account.balance");
            }
            this.cases = new CsvCases(rows.nextValue(), mapper);
        }

        @Override
        public InputCase next() throws IOException {
            List<String> cells;
            do {
                if (!rows.hasNextValue()) {
                    return null;
                }
                cells = rows.nextValue();
            } while (cells.size() == 1 && cells.get(0).isBlank());
            long line = rows.getCurrentLocation().getLineNr() - (rows.getCurrentLocation().getColumnNr() <= 1 ? 1 : 0);
            if (cells.size() > cases.width()) {
                return new InputCase(line, null, null, LineProblem.of(Problem.badRequest("The row has " + cells.size()
                        + " cells; the header names " + cases.width() + " columns.", List.of(new Problem.FieldError("body",
                                "has " + cells.size() + " cells for " + cases.width() + " columns"))), line, null));
            }
            byte[] json = cases.toJson(cells);
            return new InputCase(line, caseRefOf(json), json, null);
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }
}
