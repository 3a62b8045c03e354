package org.rentrecovery.scenarios;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.rentrecovery.scenarios.ContractPaths.Segment;
import org.rentrecovery.scenarios.ScenarioFileException.BadFile;

/**
 * A CSV suite, read cell by cell (so a short or long row is named, not a parser error): the
 * separator is a comma, or a semicolon when the header uses those (Excel in much of Europe and
 * some UK setups saves "CSV" that way); a byte-order mark is skipped. Every bad row is reported.
 */
final class CsvSuiteReader {
    private static final Set<String> CSV_PLAIN_COLUMNS = Set.of("name", "reference", "description", "target", "tags");

    private final CsvMapper csv = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY, CsvParser.Feature.SKIP_EMPTY_LINES,
                    CsvParser.Feature.ALLOW_COMMENTS, CsvParser.Feature.TRIM_SPACES)
            .build();
    private final CsvCells cells;
    private final ScenarioTargets targets;
    private final GivenWriter given;
    private final ExpectationReader expect;

    /** @param yaml reads the cells that hold a YAML list or block */
    CsvSuiteReader(ObjectMapper yaml, ScenarioTargets targets, GivenWriter given, ExpectationReader expect) {
        this.cells = new CsvCells(yaml, expect);
        this.targets = targets;
        this.given = given;
        this.expect = expect;
    }

    /** What the defaults file (the header suite) gives every row. */
    private record Defaults(String suiteName, String reference, String target, List<String> tags, Scenario scenario) {
        static Defaults of(String file, Suite header) {
            Scenario defaults = header == null ? null : header.scenarios().get(0);
            return new Defaults(header == null ? Path.of(file).getFileName().toString() : header.name(),
                    header == null ? null : header.reference(), defaults == null ? ScenarioTargets.DEFAULT : defaults.target(),
                    defaults == null ? List.of() : defaults.tags(), defaults);
        }
    }

    Suite parse(String file, String rawText, Suite header) {
        String text = SuiteLoader.withoutByteOrderMark(rawText);
        Defaults defaults = Defaults.of(file, header);
        FileProblems problems = new FileProblems();
        List<Scenario> scenarios = new ArrayList<>();
        boolean hasHeader = readRows(problems, file, text, defaults, scenarios);
        if (!hasHeader && !problems.any()) {
            problems.add(file, 1, "is empty: the first line names the columns (name, given.<case path>, expect.<response path>)");
        } else if (scenarios.isEmpty() && !problems.any()) {
            problems.add(file, 1, "has a header but no scenario rows");
        }
        problems.throwIfAny();
        return new Suite(file, defaults.suiteName(), defaults.reference(), scenarios);
    }

    /** Reads the header and every row into scenarios; answers whether there was a header line. */
    private boolean readRows(FileProblems problems, String file, String text, Defaults defaults, List<Scenario> scenarios) {
        char separator = separator(text);
        CsvSchema schema = CsvSchema.emptySchema().withoutHeader().withColumnSeparator(separator);
        String rowsText = text.endsWith("\n") ? text : text + "\n";
        Set<String> names = new LinkedHashSet<>();
        List<String> columns = null;
        try (MappingIterator<String[]> rows = csv.readerFor(String[].class).with(schema).readValues(rowsText)) {
            while (rows.hasNextValue()) {
                String[] cells;
                try {
                    cells = rows.nextValue();
                } catch (RuntimeException | IOException e) {
                    problems.add(file, rows.getCurrentLocation().getLineNr() - 1, "CSV error: " + csvMessage(e));
                    break;
                }
                // Reading a row consumes its line end, so the parser is on the next line (the text ends with one).
                int line = rows.getCurrentLocation().getLineNr() - 1;
                if (columns == null) {
                    columns = java.util.Arrays.stream(cells).map(c -> SuiteLoader.withoutByteOrderMark(c.trim())).toList();
                    List<String> header0 = columns;
                    if (!problems.attempt(() -> checkColumns(file, header0, separator))) {
                        break; // rows cannot be read without their columns
                    }
                    continue;
                }
                if (cells.length != columns.size()) {
                    problems.add(file, line, rowLength(cells, columns, separator));
                    continue;
                }
                Map<String, String> row = row(columns, cells);
                List<String> rowColumns = columns;
                problems.attempt(() -> scenarios.add(scenario(problems, file, line, row, rowColumns, defaults, names)));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(file, 0, "CSV error: " + csvMessage(e));
        }
        return columns != null;
    }

    /** The row's cells by column. */
    private static Map<String, String> row(List<String> columns, String[] cells) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int c = 0; c < cells.length; c++) {
            row.put(columns.get(c), cells[c]);
        }
        return row;
    }

    /** A semicolon when the header line has more of them than commas, else a comma. */
    static char separator(String text) {
        String headerLine = text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElse("");
        long commas = headerLine.chars().filter(c -> c == ',').count();
        long semicolons = headerLine.chars().filter(c -> c == ';').count();
        return semicolons > commas ? ';' : ',';
    }

    private static String rowLength(String[] cells, List<String> columns, char separator) {
        if (cells.length < columns.size()) {
            List<String> missing = columns.subList(cells.length, columns.size());
            return "the row has " + cells.length + " cells and the header " + columns.size() + " columns: no cell for "
                    + String.join(", ", missing) + " (leave a cell empty with " + separator + separator + " rather than dropping it)";
        }
        List<String> extra = java.util.Arrays.asList(cells).subList(columns.size(), cells.length);
        return "the row has " + cells.length + " cells and the header " + columns.size() + " columns: extra cells "
                + extra.stream().map(c -> "'" + c + "'").collect(java.util.stream.Collectors.joining(", "))
                + " (a cell holding a " + (separator == ',' ? "comma" : "semicolon") + " needs double quotes around it)";
    }

    private static String csvMessage(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    private static void checkColumns(String file, List<String> columns, char separator) {
        List<BadFile> found = new ArrayList<>();
        if (!columns.contains("name")) {
            found.add(new BadFile(file, 1, "missing column 'name' (every row is a scenario with a name); the header's columns, split at '"
                    + separator + "', are: " + String.join(" | ", columns)));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String column : columns) {
            if (!seen.add(column)) {
                found.add(new BadFile(file, 1, "column '" + column + "' appears twice", column));
            }
            if (!CSV_PLAIN_COLUMNS.contains(column) && !column.startsWith("given.") && !column.startsWith("expect.")) {
                found.add(new BadFile(file, 1, "unknown column '" + column
                        + "': columns are name, reference, description, target, tags, given.<case path> and expect.<response path>",
                        column));
            }
        }
        if (columns.stream().noneMatch(c -> c.startsWith("expect."))) {
            found.add(new BadFile(file, 1, "missing an expect.<path> column: a scenario must check something"));
        }
        if (!found.isEmpty()) {
            throw new ScenarioFileException(found);
        }
    }

    private Scenario scenario(FileProblems problems, String file, int line, Map<String, String> row, List<String> columns,
            Defaults defaults, Set<String> names) {
        String name = name(problems, file, line, row.get("name"), names);
        String target = blankToNull(row.get("target"));
        if (target != null && !targets.names().contains(target)) {
            problems.add(file, line, "unknown target '" + target + "' (known: " + String.join(", ", targets.names()) + ")");
            target = null;
        }
        target = target == null ? defaults.target() : target;
        List<String> tags = new ArrayList<>(defaults.tags());
        YamlSuiteReader.splitTags(row.getOrDefault("tags", "")).stream().filter(t -> !tags.contains(t)).forEach(tags::add);
        ObjectNode request = defaults.scenario() == null ? JsonNodeFactory.instance.objectNode() : defaults.scenario().request().deepCopy();
        ObjectNode givenCells = JsonNodeFactory.instance.objectNode();
        Map<String, Integer> givenLines = new TreeMap<>();
        List<Expectation> own = new ArrayList<>();
        for (String column : columns) {
            String cell = row.get(column);
            if (cell == null || cell.isEmpty()) {
                continue; // an empty cell leaves the suite default as it is
            }
            if (column.startsWith("given.")) {
                problems.attempt(inColumn(column, () -> givenCell(file, line, column, cell, request, givenCells, givenLines)));
            } else if (column.startsWith("expect.")) {
                problems.attempt(inColumn(column, () -> own.add(cells.expectation(file, line, column.substring("expect.".length()), cell))));
            }
        }
        List<Expectation> defaultExpectations = defaults.scenario() == null ? List.of() : defaults.scenario().expectations();
        if (own.isEmpty() && defaultExpectations.isEmpty()) {
            problems.add(file, line, "the row has no expectation: fill at least one expect. cell");
        }
        int mark = problems.count();
        List<Expectation> expectations = expect.combine(problems, defaultExpectations, own, file, line, target, true);
        // A row's expectation is its column's cell: a problem with it names the column too.
        problems.placeSince(mark, bad -> own.stream().filter(e -> bad.line() == line && bad.message().startsWith("expect '" + e.path() + "'"))
                .findFirst().map(e -> bad.inColumn("expect." + e.path())).orElse(bad));
        return new Scenario(defaults.suiteName(), name, Optional.ofNullable(blankToNull(row.get("reference"))).orElse(defaults.reference()),
                file, line, target, request, expectations, List.copyOf(tags), givenCells, Map.copyOf(givenLines));
    }

    /** A cell's check, whose problems name the cell's column (a policy officer's upload is answered with file, line and column). */
    private static Runnable inColumn(String column, Runnable check) {
        return () -> {
            try {
                check.run();
            } catch (ScenarioFileException e) {
                throw new ScenarioFileException(e.problems().stream().map(problem -> problem.inColumn(column)).toList());
            }
        };
    }

    /** The row's name, unique in its suite; a placeholder naming its line when it has none. */
    private static String name(FileProblems problems, String file, int line, String name, Set<String> names) {
        if (name == null || name.isBlank()) {
            problems.add(file, line, "the row has no name");
            return "(row at line " + line + ")";
        }
        if (!names.add(name)) {
            problems.add(file, line, "a second scenario is named '" + name + "': names must be unique in a suite");
        }
        return name;
    }

    /** A {@code given.<path>} cell, typed by the contract, set in the request and recorded with its line. */
    private void givenCell(String file, int line, String column, String cell, ObjectNode request, ObjectNode givenCells,
            Map<String, Integer> givenLines) {
        String path = column.substring("given.".length());
        List<Segment> segments = given.givenSegments(file, line, path);
        JsonNode value = cells.value(file, line, column, cell, given.typeAt(segments));
        given.put(file, LineIndex.single(line), "", path, value, request);
        givenCells.set(path, value);
        givenLines.put(path, line);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
