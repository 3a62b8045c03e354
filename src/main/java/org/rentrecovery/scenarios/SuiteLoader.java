package org.rentrecovery.scenarios;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Problem;
import org.rentrecovery.scenarios.ContractPaths.Segment;
import org.rentrecovery.scenarios.ScenarioFileException.BadFile;

/**
 * Reads scenario suites: YAML files ({@code suite}, {@code defaults}, {@code scenarios}) and CSV
 * files (one scenario a row; {@code given.*} and {@code expect.*} columns) with an optional
 * {@code <name>.defaults.yaml} beside them. Every {@code given} path is checked against the
 * CaseFacts contract and every {@code expect} path against the response, so a typo is a bad file
 * naming its line, never a scenario that silently checks nothing. See test-scenarios/README.md.
 */
public final class SuiteLoader {
    static final String DEFAULTS_SUFFIX = ".defaults.yaml";
    private static final Set<String> SUITE_KEYS = Set.of("suite", "reference", "description", "target", "defaults", "scenarios");
    private static final Set<String> DEFAULTS_KEYS = Set.of("given", "expect");
    private static final Set<String> SCENARIO_KEYS = Set.of("name", "reference", "description", "target", "given", "expect");
    private static final Set<String> CSV_PLAIN_COLUMNS = Set.of("name", "reference", "description", "target");

    private final YAMLFactory yamlFactory = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    // Money keeps its pence as written (100.00 stays 100.00 in the request, as a case system sends it).
    private final ObjectMapper yaml = new YAMLMapper(yamlFactory).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private final CsvMapper csv = CsvMapper.builder()
            .enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS, CsvParser.Feature.SKIP_EMPTY_LINES,
                    CsvParser.Feature.ALLOW_COMMENTS, CsvParser.Feature.TRIM_SPACES)
            .build();
    private final ContractPaths requestPaths;
    private final ContractPaths responsePaths;
    private final ScenarioTargets targets;

    public SuiteLoader(ScenarioTargets targets) {
        ObjectMapper introspection = new ObjectMapper().registerModule(new JavaTimeModule());
        this.requestPaths = new ContractPaths(introspection, true);
        this.responsePaths = new ContractPaths(introspection, false);
        this.targets = targets;
    }

    /** What a load found: the suites that can run and the files that cannot, with why. */
    public record Loaded(List<Suite> suites, List<BadFile> badFiles) {
        public int scenarioCount() {
            return suites.stream().mapToInt(s -> s.scenarios().size()).sum();
        }
    }

    /** Every suite under a folder (or one file), in path order. */
    public Loaded load(Path location) {
        List<Path> files;
        if (Files.isRegularFile(location)) {
            files = List.of(location);
        } else if (Files.isDirectory(location)) {
            try (Stream<Path> walk = Files.walk(location)) {
                files = walk.filter(Files::isRegularFile).filter(SuiteLoader::isSuiteFile).sorted().toList();
            } catch (IOException e) {
                return new Loaded(List.of(), List.of(new BadFile(location.toString(), 0, "cannot be read: " + e.getMessage())));
            }
        } else {
            return new Loaded(List.of(), List.of(new BadFile(location.toString(), 0, "no such file or folder")));
        }
        List<Suite> suites = new ArrayList<>();
        List<BadFile> bad = new ArrayList<>();
        for (Path file : files) {
            try {
                suites.add(loadFile(file));
            } catch (ScenarioFileException e) {
                bad.add(e.toBadFile());
            }
        }
        return new Loaded(suites, bad);
    }

    static boolean isSuiteFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".csv");
    }

    Suite loadFile(Path file) {
        String name = file.toString();
        String text = read(file);
        if (name.endsWith(DEFAULTS_SUFFIX)) {
            Path csvFile = Path.of(name.substring(0, name.length() - DEFAULTS_SUFFIX.length()) + ".csv");
            if (!Files.isRegularFile(csvFile)) {
                throw new ScenarioFileException(name, 1, "is a defaults file, but there is no " + csvFile.getFileName()
                        + " beside it to apply to");
            }
            parseYaml(name, text, true); // checked here; applied with its CSV file
            return new Suite(name, "defaults for " + csvFile.getFileName(), null, List.of());
        }
        if (name.endsWith(".csv")) {
            Path defaults = Path.of(name.substring(0, name.length() - 4) + DEFAULTS_SUFFIX);
            Suite header = Files.isRegularFile(defaults) ? parseYaml(defaults.toString(), read(defaults), true) : null;
            return parseCsv(name, text, header);
        }
        return parseYaml(name, text, false);
    }

    /** A suite sent in a request body: YAML, or CSV with its defaults as YAML text (may be null). */
    public Suite loadText(String fileName, String text, String defaultsText) {
        if (fileName.endsWith(".csv")) {
            Suite header = defaultsText == null || defaultsText.isBlank() ? null
                    : parseYaml(fileName.substring(0, fileName.length() - 4) + DEFAULTS_SUFFIX, defaultsText, true);
            return parseCsv(fileName, text, header);
        }
        if (fileName.endsWith(".yaml") || fileName.endsWith(".yml")) {
            return parseYaml(fileName, text, false);
        }
        throw new ScenarioFileException(fileName, 0, "a suite file name ends in .yaml, .yml or .csv");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioFileException(file.toString(), 0, "cannot be read as UTF-8 text: " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ YAML

    /**
     * Parses a YAML suite; a defaults file ({@code defaultsOnly}) has no scenarios and yields a suite
     * whose single placeholder scenario carries the default request and expectations.
     */
    Suite parseYaml(String file, String text, boolean defaultsOnly) {
        JsonNode root;
        LineIndex lines;
        try {
            root = yaml.readTree(text);
            lines = LineIndex.of(yamlFactory, text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ScenarioFileException(file, line, "YAML syntax error: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new ScenarioFileException(file, 0, "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioFileException(file, 1, "a suite is a YAML mapping with 'scenarios:' (a list); see test-scenarios/README.md");
        }
        checkKeys(file, lines, "", root, SUITE_KEYS, "suite");
        String suiteName = text(file, lines, root, "", "suite").orElse(Path.of(file).getFileName().toString());
        String reference = text(file, lines, root, "", "reference").orElse(null);
        String target = target(file, lines, root, "", ScenarioTargets.DEFAULT);

        ObjectNode request = JsonNodeFactory.instance.objectNode();
        List<Expectation> defaultExpectations = List.of();
        JsonNode defaults = root.get("defaults");
        if (defaults != null && !defaults.isNull()) {
            if (!defaults.isObject()) {
                throw new ScenarioFileException(file, lines.at("/defaults"), "'defaults' holds 'given' and 'expect' mappings");
            }
            checkKeys(file, lines, "/defaults", defaults, DEFAULTS_KEYS, "defaults");
            applyGiven(file, lines, "/defaults/given", defaults.get("given"), request);
            defaultExpectations = expectations(file, lines, "/defaults/expect", defaults.get("expect"), target, true);
        }
        JsonNode scenarios = root.get("scenarios");
        if (defaultsOnly) {
            if (scenarios != null) {
                throw new ScenarioFileException(file, lines.at("/scenarios"),
                        "a defaults file holds no scenarios: they are the rows of the CSV file");
            }
            return new Suite(file, suiteName, reference,
                    List.of(new Scenario(suiteName, "(defaults)", reference, file, 1, target, request, defaultExpectations)));
        }
        if (scenarios == null || !scenarios.isArray() || scenarios.isEmpty()) {
            throw new ScenarioFileException(file, scenarios == null ? 1 : lines.at("/scenarios"),
                    "'scenarios' must be a non-empty list of scenarios (each with a name, given and expect)");
        }
        List<Scenario> list = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < scenarios.size(); i++) {
            String at = "/scenarios/" + i;
            JsonNode node = scenarios.get(i);
            int line = lines.at(at);
            if (!node.isObject()) {
                throw new ScenarioFileException(file, line, "a scenario is a mapping with name, given and expect");
            }
            checkKeys(file, lines, at, node, SCENARIO_KEYS, "scenario");
            String name = text(file, lines, node, at, "name")
                    .orElseThrow(() -> new ScenarioFileException(file, line, "the scenario has no name"));
            if (!names.add(name)) {
                throw new ScenarioFileException(file, line, "a second scenario is named '" + name + "': names must be unique in a suite");
            }
            String scenarioTarget = target(file, lines, node, at, target);
            ObjectNode scenarioRequest = request.deepCopy();
            applyGiven(file, lines, at + "/given", node.get("given"), scenarioRequest);
            List<Expectation> own = expectations(file, lines, at + "/expect", node.get("expect"), scenarioTarget, false);
            list.add(new Scenario(suiteName, name, text(file, lines, node, at, "reference").orElse(reference), file, line,
                    scenarioTarget, scenarioRequest, combine(defaultExpectations, own, file, line, scenarioTarget)));
        }
        return new Suite(file, suiteName, reference, list);
    }

    private void checkKeys(String file, LineIndex lines, String at, JsonNode node, Set<String> allowed, String what) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new ScenarioFileException(file, lines.at(at + "/" + LineIndex.escape(key)),
                        "'" + key + "' is not a " + what + " key (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static Optional<String> text(String file, LineIndex lines, JsonNode node, String at, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw new ScenarioFileException(file, lines.at(at + "/" + key), "'" + key + "' must be a piece of text");
        }
        return Optional.of(value.asText());
    }

    private String target(String file, LineIndex lines, JsonNode node, String at, String fallback) {
        Optional<String> target = text(file, lines, node, at, "target");
        if (target.isPresent() && !targets.names().contains(target.get())) {
            throw new ScenarioFileException(file, lines.at(at + "/target"), "unknown target '" + target.get()
                    + "' (known: " + String.join(", ", targets.names()) + ")");
        }
        return target.orElse(fallback);
    }

    // ------------------------------------------------------------------ given

    /** Applies a {@code given} mapping of paths ({@code account.balance}) or nested blocks to the request. */
    private void applyGiven(String file, LineIndex lines, String at, JsonNode given, ObjectNode request) {
        if (given == null || given.isNull()) {
            return;
        }
        if (!given.isObject()) {
            throw new ScenarioFileException(file, lines.at(at), "'given' is a mapping of case fields (paths) to values");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String pointer = at + "/" + LineIndex.escape(entry.getKey());
            put(file, lines, pointer, entry.getKey(), entry.getValue(), request);
        }
    }

    /** Sets the value at a dotted path of the request; a mapping merges into the block already there. */
    private void put(String file, LineIndex lines, String pointer, String path, JsonNode value, ObjectNode request) {
        int line = lines.at(pointer);
        List<Segment> segments = givenSegments(file, line, path);
        JavaType type = requestPaths.type(CaseFacts.class);
        JsonNode container = request;
        for (int s = 0; s < segments.size(); s++) {
            Segment segment = segments.get(s);
            JavaType propertyType = requestPaths.property(type, segment.name()).orElseThrow();
            ObjectNode object = (ObjectNode) container;
            boolean lastName = s == segments.size() - 1 && segment.brackets().isEmpty();
            if (lastName) {
                object.set(segment.name(), merged(file, lines, pointer, object.get(segment.name()), value, propertyType));
                return;
            }
            JsonNode child = object.get(segment.name());
            if (segment.brackets().isEmpty()) {
                if (child == null || !child.isObject()) {
                    child = object.putObject(segment.name());
                }
                container = child;
                type = propertyType;
                continue;
            }
            JavaType elementType = propertyType;
            for (int b = 0; b < segment.brackets().size(); b++) {
                int index = Integer.parseInt(segment.brackets().get(b).replaceAll("[\\[\\]]", ""));
                if (child == null || !child.isArray() || index >= child.size()) {
                    throw new ScenarioFileException(file, line, "'" + path + "': there is no item " + index + " to change ("
                            + (child == null || !child.isArray() ? "the list is not given" : "the list has " + child.size() + " items")
                            + "); give the whole list instead");
                }
                elementType = elementType.getContentType();
                if (s == segments.size() - 1 && b == segment.brackets().size() - 1) {
                    ((ArrayNode) child).set(index, merged(file, lines, pointer, child.get(index), value, elementType));
                    return;
                }
                child = child.get(index);
            }
            if (!child.isObject()) {
                throw new ScenarioFileException(file, line, "'" + path + "': the item is a value, not a block");
            }
            container = child;
            type = elementType;
        }
    }

    private List<Segment> givenSegments(String file, int line, String path) {
        List<Segment> segments;
        try {
            segments = ContractPaths.parse(path);
        } catch (IllegalArgumentException e) {
            throw new ScenarioFileException(file, line, "given " + e.getMessage());
        }
        for (Segment segment : segments) {
            if (segment.name() == null || segment.brackets().stream().anyMatch(b -> !b.matches("\\[\\d+\\]"))) {
                throw new ScenarioFileException(file, line, "given '" + path
                        + "': a given path names fields and, for a list item, its index, e.g. tenancy.tenants[0].ageYears");
            }
        }
        requestPaths.check(requestPaths.type(CaseFacts.class), segments).ifPresent(problem -> {
            throw new ScenarioFileException(file, line, "given '" + path + "' is not in the case contract: " + problem);
        });
        return segments;
    }

    /** Objects merge field by field (each field checked); lists and values replace. */
    private JsonNode merged(String file, LineIndex lines, String pointer, JsonNode existing, JsonNode value, JavaType type) {
        if (value.isObject() && ContractPaths.isObject(type)) {
            ObjectNode result = existing != null && existing.isObject() ? (ObjectNode) existing.deepCopy()
                    : JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String fieldPointer = pointer + "/" + LineIndex.escape(field.getKey());
                JavaType fieldType = requestPaths.property(type, field.getKey()).orElseThrow(() -> new ScenarioFileException(file,
                        lines.at(fieldPointer), "given '" + field.getKey() + "' is not in the case contract: it is not a field of "
                                + type.getRawClass().getSimpleName() + " (fields: "
                                + String.join(", ", requestPaths.propertiesOf(type).keySet()) + ")"));
                result.set(field.getKey(), merged(file, lines, fieldPointer, result.get(field.getKey()), field.getValue(), fieldType));
            }
            return result;
        }
        if (value.isArray() && type.isCollectionLikeType()) {
            ArrayNode result = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < value.size(); i++) {
                result.add(merged(file, lines, pointer + "/" + i, null, value.get(i), type.getContentType()));
            }
            return result;
        }
        return value.deepCopy(); // a wrong type is the reader's to refuse (a 400), which a scenario may expect
    }

    // ------------------------------------------------------------------ expect

    private List<Expectation> expectations(String file, LineIndex lines, String at, JsonNode expect, String target, boolean defaults) {
        if (expect == null || expect.isNull()) {
            if (defaults) {
                return List.of();
            }
            throw new ScenarioFileException(file, lines.at(at.substring(0, at.lastIndexOf('/'))),
                    "the scenario has no 'expect': a scenario must check something");
        }
        if (!expect.isObject() || expect.isEmpty()) {
            throw new ScenarioFileException(file, lines.at(at), "'expect' is a mapping of response paths to expected values");
        }
        List<Expectation> list = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String pointer = at + "/" + LineIndex.escape(entry.getKey());
            JsonNode value = entry.getValue();
            if (value.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> m = value.fields(); m.hasNext(); ) {
                    Map.Entry<String, JsonNode> matcher = m.next();
                    int line = lines.at(pointer + "/" + LineIndex.escape(matcher.getKey()));
                    Matcher kind = Matcher.named(matcher.getKey()).orElseThrow(() -> new ScenarioFileException(file, line,
                            "unknown matcher '" + matcher.getKey() + "' for " + entry.getKey() + " (known: " + Matcher.known() + ")"));
                    list.add(expectation(file, line, entry.getKey(), kind, matcher.getValue()));
                }
            } else {
                list.add(expectation(file, lines.at(pointer), entry.getKey(), Matcher.EQUALS, value));
            }
        }
        return list;
    }

    private Expectation expectation(String file, int line, String path, Matcher matcher, JsonNode expected) {
        Matcher kind = matcher;
        if (kind == Matcher.ABSENT || kind == Matcher.PRESENT) {
            if (!expected.isBoolean()) {
                throw new ScenarioFileException(file, line, path + ": '" + kind.label() + "' takes true or false");
            }
            if (!expected.booleanValue()) {
                kind = kind == Matcher.ABSENT ? Matcher.PRESENT : Matcher.ABSENT;
            }
        }
        if ((kind.numeric() || kind == Matcher.SIZE) && Matcher.number(expected).isEmpty()) {
            throw new ScenarioFileException(file, line, path + ": '" + kind.label() + "' needs a number, not " + expected);
        }
        if (path.equals(Expectation.STATUS) && kind != Matcher.EQUALS) {
            throw new ScenarioFileException(file, line, "status takes a plain value, e.g. status: 400");
        }
        return new Expectation(path, kind, expected, line);
    }

    /**
     * The suite's default expectations and the scenario's own, a scenario's check of a path replacing
     * the default one; then every path is checked against the response the scenario expects (a
     * decision, or a problem when it expects a 4xx status).
     */
    private List<Expectation> combine(List<Expectation> defaults, List<Expectation> own, String file, int line, String target) {
        Set<String> ownPaths = new LinkedHashSet<>();
        own.forEach(e -> ownPaths.add(e.path()));
        List<Expectation> all = new ArrayList<>();
        defaults.stream().filter(e -> !ownPaths.contains(e.path())).forEach(all::add);
        all.addAll(own);
        boolean problem = all.stream().filter(Expectation::isStatus)
                .anyMatch(e -> Matcher.number(e.expected()).map(n -> n.intValue() >= 400).orElse(false));
        JavaType root = responsePaths.type(problem ? Problem.class : targets.responseType(target));
        for (Expectation e : all) {
            if (e.isStatus()) {
                continue;
            }
            try {
                responsePaths.check(root, ContractPaths.parse(e.path())).ifPresent(why -> {
                    throw new ScenarioFileException(file, e.line(), "expect '" + e.path() + "' is not in the "
                            + (problem ? "problem" : target) + " response: " + why);
                });
            } catch (IllegalArgumentException bad) {
                throw new ScenarioFileException(file, e.line(), "expect " + bad.getMessage());
            }
        }
        if (all.isEmpty()) {
            throw new ScenarioFileException(file, line, "the scenario has no expectation: a scenario must check something");
        }
        return all;
    }

    // ------------------------------------------------------------------ CSV

    Suite parseCsv(String file, String text, Suite header) {
        Scenario defaults = header == null ? null : header.scenarios().get(0);
        String suiteName = header == null ? Path.of(file).getFileName().toString() : header.name();
        String reference = header == null ? null : header.reference();
        String suiteTarget = defaults == null ? ScenarioTargets.DEFAULT : defaults.target();
        List<Scenario> scenarios = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        String rowsText = text.endsWith("\n") ? text : text + "\n";
        try (MappingIterator<Map<String, String>> rows = csv.readerFor(Map.class).with(schema).readValues(rowsText)) {
            List<String> columns = null;
            while (rows.hasNextValue()) {
                Map<String, String> row;
                try {
                    row = rows.nextValue();
                } catch (RuntimeException | IOException e) {
                    throw new ScenarioFileException(file, rows.getCurrentLocation().getLineNr() - 1, "CSV error: " + csvMessage(e));
                }
                // Reading a row consumes its line end, so the parser is on the next line (the text ends with one).
                int line = rows.getCurrentLocation().getLineNr() - 1;
                if (columns == null) {
                    columns = new ArrayList<>(((CsvSchema) rows.getParserSchema()).getColumnNames());
                    checkColumns(file, columns);
                }
                scenarios.add(csvScenario(file, line, row, columns, suiteName, reference, suiteTarget, defaults, names));
            }
            if (columns == null) {
                throw new ScenarioFileException(file, 1, "has a header but no scenario rows (or is empty)");
            }
        } catch (IOException e) {
            throw new ScenarioFileException(file, 0, "CSV error: " + csvMessage(e));
        } catch (RuntimeException e) {
            if (e instanceof ScenarioFileException sfe) {
                throw sfe;
            }
            throw new ScenarioFileException(file, 0, "CSV error: " + csvMessage(e));
        }
        return new Suite(file, suiteName, reference, scenarios);
    }

    private static String csvMessage(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    private static void checkColumns(String file, List<String> columns) {
        if (!columns.contains("name")) {
            throw new ScenarioFileException(file, 1, "missing column 'name' (every row is a scenario with a name); columns: "
                    + String.join(", ", columns));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String column : columns) {
            if (!seen.add(column)) {
                throw new ScenarioFileException(file, 1, "column '" + column + "' appears twice");
            }
            if (!CSV_PLAIN_COLUMNS.contains(column) && !column.startsWith("given.") && !column.startsWith("expect.")) {
                throw new ScenarioFileException(file, 1, "unknown column '" + column
                        + "': columns are name, reference, description, target, given.<case path> and expect.<response path>");
            }
        }
        if (columns.stream().noneMatch(c -> c.startsWith("expect."))) {
            throw new ScenarioFileException(file, 1, "missing an expect.<path> column: a scenario must check something");
        }
    }

    private Scenario csvScenario(String file, int line, Map<String, String> row, List<String> columns, String suiteName,
            String reference, String suiteTarget, Scenario defaults, Set<String> names) {
        LineIndex lines = LineIndex.single(line);
        String name = row.get("name");
        if (name == null || name.isBlank()) {
            throw new ScenarioFileException(file, line, "the row has no name");
        }
        if (!names.add(name)) {
            throw new ScenarioFileException(file, line, "a second scenario is named '" + name + "': names must be unique in a suite");
        }
        String target = blankToNull(row.get("target"));
        if (target != null && !targets.names().contains(target)) {
            throw new ScenarioFileException(file, line, "unknown target '" + target + "' (known: " + String.join(", ", targets.names()) + ")");
        }
        target = target == null ? suiteTarget : target;
        ObjectNode request = defaults == null ? JsonNodeFactory.instance.objectNode() : defaults.request().deepCopy();
        List<Expectation> own = new ArrayList<>();
        for (String column : columns) {
            String cell = row.get(column);
            if (cell == null || cell.isEmpty()) {
                continue; // an empty cell leaves the suite default as it is
            }
            if (column.startsWith("given.")) {
                String path = column.substring("given.".length());
                List<Segment> segments = givenSegments(file, line, path);
                JavaType type = requestPaths.typeAt(requestPaths.type(CaseFacts.class), segments).orElse(null);
                put(file, lines, "", path, cellValue(file, line, column, cell, type), request);
            } else if (column.startsWith("expect.")) {
                own.add(csvExpectation(file, line, column.substring("expect.".length()), cell));
            }
        }
        if (own.isEmpty() && (defaults == null || defaults.expectations().isEmpty())) {
            throw new ScenarioFileException(file, line, "the row has no expectation: fill at least one expect. cell");
        }
        List<Expectation> defaultExpectations = defaults == null ? List.of() : defaults.expectations();
        return new Scenario(suiteName, name, Optional.ofNullable(blankToNull(row.get("reference"))).orElse(reference), file, line,
                target, request, combine(defaultExpectations, own, file, line, target));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** A cell typed by the contract: numbers and booleans as JSON numbers and booleans, lists and blocks as YAML. */
    private JsonNode cellValue(String file, int line, String column, String cell, JavaType type) {
        if (cell.equals("null")) {
            return NullNode.instance;
        }
        if (type == null) {
            return TextNode.valueOf(cell);
        }
        Class<?> raw = type.getRawClass();
        if (type.isCollectionLikeType() || ContractPaths.isObject(type) || ContractPaths.isOpen(type)) {
            try {
                return yaml.readTree(cell);
            } catch (JsonProcessingException e) {
                throw new ScenarioFileException(file, line, column + ": the cell is not a YAML list or block, e.g. "
                        + "[{type: SEND_REMINDER_LETTER_1, date: 2026-11-02}]: " + e.getOriginalMessage().lines().findFirst().orElse(""));
            }
        }
        if (Number.class.isAssignableFrom(raw) || (raw.isPrimitive() && raw != boolean.class)) {
            try {
                return DecimalNode.valueOf(new BigDecimal(cell));
            } catch (NumberFormatException e) {
                return TextNode.valueOf(cell); // the reader refuses it (400), which a scenario may expect
            }
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return cell.equals("true") ? BooleanNode.TRUE : cell.equals("false") ? BooleanNode.FALSE : TextNode.valueOf(cell);
        }
        return TextNode.valueOf(cell);
    }

    /**
     * A CSV expectation cell: a value (equals), or {@code absent}, {@code present}, {@code >= 4},
     * {@code > 4}, {@code < 4}, {@code <= 4}, {@code != X}, {@code contains X}, {@code notContains X},
     * {@code size 2}, a YAML list {@code [A, B]} (equal element by element); {@code = X} forces a plain comparison.
     */
    private Expectation csvExpectation(String file, int line, String path, String cell) {
        Map<String, Matcher> prefixes = new LinkedHashMap<>();
        prefixes.put(">= ", Matcher.AT_LEAST);
        prefixes.put("<= ", Matcher.AT_MOST);
        prefixes.put("!= ", Matcher.NOT_EQUALS);
        prefixes.put("> ", Matcher.GREATER_THAN);
        prefixes.put("< ", Matcher.LESS_THAN);
        prefixes.put("= ", Matcher.EQUALS);
        prefixes.put("contains ", Matcher.CONTAINS);
        prefixes.put("notContains ", Matcher.NOT_CONTAINS);
        prefixes.put("size ", Matcher.SIZE);
        if (cell.equals("absent")) {
            return expectation(file, line, path, Matcher.ABSENT, BooleanNode.TRUE);
        }
        if (cell.equals("present")) {
            return expectation(file, line, path, Matcher.PRESENT, BooleanNode.TRUE);
        }
        for (Map.Entry<String, Matcher> prefix : prefixes.entrySet()) {
            if (cell.startsWith(prefix.getKey())) {
                return expectation(file, line, path, prefix.getValue(), scalar(cell.substring(prefix.getKey().length()).trim()));
            }
        }
        if (cell.startsWith("[") && cell.endsWith("]")) {
            // A whole list, written in YAML as in a given cell: equal element by element, in order.
            try {
                return expectation(file, line, path, Matcher.EQUALS, yaml.readTree(cell));
            } catch (JsonProcessingException e) {
                throw new ScenarioFileException(file, line, "expect." + path + ": the cell is not a YAML list, e.g. "
                        + "[LETTER_1, LETTER_2]: " + e.getOriginalMessage().lines().findFirst().orElse(""));
            }
        }
        return expectation(file, line, path, Matcher.EQUALS, scalar(cell));
    }

    private static JsonNode scalar(String text) {
        if (text.equals("true") || text.equals("false")) {
            return BooleanNode.valueOf(Boolean.parseBoolean(text));
        }
        if (text.equals("null")) {
            return NullNode.instance;
        }
        if (text.matches("-?\\d+(\\.\\d+)?")) {
            return DecimalNode.valueOf(new BigDecimal(text));
        }
        return TextNode.valueOf(text);
    }


}
