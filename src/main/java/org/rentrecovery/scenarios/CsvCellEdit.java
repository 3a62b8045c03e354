package org.rentrecovery.scenarios;

import java.util.ArrayList;
import java.util.List;

/**
 * One cell of a CSV suite, found by its row's line and its column's header name, read or replaced
 * in the text as written: every other byte of the file stays as it was (separator, quoting, comments,
 * line ends), so a rewritten expectation is a one-cell diff. Rows are read as {@link CsvSuiteReader}
 * reads them: blank lines and {@code #} comment lines skipped, cells trimmed, double quotes around a
 * cell holding the separator, a quote ({@code ""}) or a line end.
 */
public final class CsvCellEdit {
    private final String text;
    private final char separator;
    private final List<Row> rows = new ArrayList<>();

    /** A row: the lines it starts and ends on, and each cell's span in the text (quotes included). */
    private record Row(int firstLine, int lastLine, List<int[]> spans) {
    }

    public CsvCellEdit(String text) {
        this.text = SuiteLoader.withoutByteOrderMark(text);
        this.separator = CsvSuiteReader.separator(this.text);
        split();
    }

    /** A scenario row: the line it starts on and its cells by column (unquoted, trimmed), in header order. */
    public record CsvRow(int line, java.util.Map<String, String> cells) {
    }

    /** Every scenario row below the header, in file order. */
    public List<CsvRow> rows() {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = cellsOf(rows.get(0));
        List<CsvRow> out = new ArrayList<>();
        for (Row row : rows.subList(1, rows.size())) {
            List<String> cells = cellsOf(row);
            java.util.Map<String, String> byColumn = new java.util.LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                byColumn.put(header.get(c), c < cells.size() ? cells.get(c) : "");
            }
            out.add(new CsvRow(row.firstLine(), byColumn));
        }
        return out;
    }

    private List<String> cellsOf(Row row) {
        return row.spans().stream().map(s -> unquote(text.substring(s[0], s[1]))).toList();
    }

    /** The cell's text as the reader sees it (unquoted, trimmed). */
    public String cell(String file, int line, String column) {
        int[] span = span(file, line, column);
        return unquote(text.substring(span[0], span[1]));
    }

    /** The whole text with one cell replaced by {@code value}, quoted when it needs to be. */
    public String replace(String file, int line, String column, String value) {
        int[] span = span(file, line, column);
        return text.substring(0, span[0]) + quoted(value) + text.substring(span[1]);
    }

    private int[] span(String file, int line, String column) {
        if (rows.isEmpty()) {
            throw new ScenarioFileException(file, 1, "has no header line");
        }
        List<String> header = cellsOf(rows.get(0));
        int index = header.indexOf(column);
        if (index < 0) {
            throw new ScenarioFileException(List.of(new ScenarioFileException.BadFile(file, 1,
                    "has no column " + column + " (its columns are " + String.join(", ", header) + ")", column)));
        }
        Row row = rows.stream().skip(1).filter(r -> r.firstLine() <= line && line <= r.lastLine()).findFirst()
                .orElseThrow(() -> new ScenarioFileException(file, line, "has no scenario row on line " + line));
        if (index >= row.spans().size()) {
            throw new ScenarioFileException(List.of(new ScenarioFileException.BadFile(file, line,
                    "the row has no cell for " + column, column)));
        }
        return row.spans().get(index);
    }

    /** Splits the text into rows and cell spans, tracking lines as the reader counts them. */
    private void split() {
        int at = 0;
        int line = 1;
        while (at < text.length()) {
            int lineEnd = endOfLine(at);
            String whole = text.substring(at, lineEnd);
            if (whole.isBlank() || whole.stripLeading().startsWith("#")) {
                at = next(lineEnd);
                line++;
                continue;
            }
            int firstLine = line;
            List<int[]> spans = new ArrayList<>();
            int cellStart = at;
            boolean quoted = false;
            int i = at;
            for (; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == '\n' && quoted) {
                    line++;
                } else if (!quoted && (c == separator || c == '\n' || c == '\r')) {
                    spans.add(trimmed(cellStart, i));
                    cellStart = i + 1;
                    if (c != separator) {
                        break;
                    }
                }
            }
            if (i >= text.length()) {
                spans.add(trimmed(cellStart, i));
            }
            rows.add(new Row(firstLine, line, spans));
            at = i >= text.length() ? text.length() : next(i);
            line++;
        }
    }

    private int endOfLine(int from) {
        int end = from;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return end;
    }

    /** Past the line end at {@code end} (\n, \r\n or \r). */
    private int next(int end) {
        if (end < text.length() && text.charAt(end) == '\r') {
            end++;
        }
        if (end < text.length() && text.charAt(end) == '\n') {
            end++;
        }
        return end;
    }

    /** A cell's span without the spaces around it (the reader trims them). */
    private int[] trimmed(int start, int end) {
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        return new int[] { start, end };
    }

    private static String unquote(String cell) {
        if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
            return cell.substring(1, cell.length() - 1).replace("\"\"", "\"");
        }
        return cell;
    }

    private String quoted(String value) {
        boolean needs = value.indexOf(separator) >= 0 || value.contains("\"") || value.contains("\n") || value.contains("\r")
                || value.startsWith("#") || !value.equals(value.strip());
        return needs ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
