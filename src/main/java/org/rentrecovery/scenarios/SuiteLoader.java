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
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
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
import org.rentrecovery.engine.PolicyModels;
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
    private static final Set<String> SUITE_KEYS = Set.of("suite", "reference", "description", "target", "tags", "defaults", "scenarios");
    private static final Set<String> DEFAULTS_KEYS = Set.of("given", "expect");
    private static final Set<String> SCENARIO_KEYS = Set.of("name", "reference", "description", "target", "tags", "given", "expect");
    private static final Set<String> CSV_PLAIN_COLUMNS = Set.of("name", "reference", "description", "target", "tags");
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /** A filter inside a path, {@code [?(@.type=='SERVE_NOSP')]}: its field and the name it compares with. */
    private static final Pattern FILTER_COMPARISON = Pattern.compile("@\\.([A-Za-z_][A-Za-z0-9_]*)\\s*(?:==|!=)\\s*['\"]([^'\"]*)['\"]");

    private final YAMLFactory yamlFactory = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    // Money keeps its pence as written (100.00 stays 100.00 in the request, as a case system sends it).
    private final ObjectMapper yaml = new YAMLMapper(yamlFactory).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private final CsvMapper csv = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY, CsvParser.Feature.SKIP_EMPTY_LINES,
                    CsvParser.Feature.ALLOW_COMMENTS, CsvParser.Feature.TRIM_SPACES)
            .build();
    private final ContractPaths requestPaths;
    private final ContractPaths responsePaths;
    private final ScenarioTargets targets;
    private final Supplier<ValueVocabulary> vocabulary;

    /** Expected names checked against the code and the packaged policy's vocabulary.dmn. */
    public SuiteLoader(ScenarioTargets targets) {
        this(targets, packagedVocabulary());
    }

    /** @param vocabulary the names expected values may take (the policy versions under test), asked on each load */
    public SuiteLoader(ScenarioTargets targets, Supplier<ValueVocabulary> vocabulary) {
        ObjectMapper introspection = new ObjectMapper().registerModule(new JavaTimeModule());
        this.requestPaths = new ContractPaths(introspection, true);
        this.responsePaths = new ContractPaths(introspection, false);
        this.targets = targets;
        this.vocabulary = vocabulary;
    }

    private static Supplier<ValueVocabulary> packagedVocabulary() {
        ValueVocabulary[] once = new ValueVocabulary[1];
        return () -> {
            synchronized (once) {
                if (once[0] == null) {
                    once[0] = ValueVocabulary.of(List.of(PolicyModels.classpathSeed("dev")));
                }
                return once[0];
            }
        };
    }

    /** The problems found in one file: collected, so a tester sees all of them at once. */
    static final class Problems {
        private final List<BadFile> found = new ArrayList<>();

        /** Runs a check; a problem it finds is recorded and the next check runs. @return false if it found one */
        boolean attempt(Runnable check) {
            try {
                check.run();
                return true;
            } catch (ScenarioFileException e) {
                found.addAll(e.problems());
                return false;
            }
        }

        <T> T attempt(Supplier<T> check, T fallback) {
            try {
                return check.get();
            } catch (ScenarioFileException e) {
                found.addAll(e.problems());
                return fallback;
            }
        }

        void add(String file, int line, String message) {
            found.add(new BadFile(file, line, message));
        }

        boolean any() {
            return !found.isEmpty();
        }

        void throwIfAny() {
            if (!found.isEmpty()) {
                List<BadFile> sorted = new ArrayList<>(new LinkedHashSet<>(found));
                sorted.sort(java.util.Comparator.comparingInt(BadFile::line));
                throw new ScenarioFileException(sorted);
            }
        }
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
        if (Files.isRegularFile(location) && location.toString().endsWith(DEFAULTS_SUFFIX)) {
            String name = location.toString();
            Path csvFile = Path.of(name.substring(0, name.length() - DEFAULTS_SUFFIX.length()) + ".csv");
            return new Loaded(List.of(), List.of(new BadFile(name, 0, Files.isRegularFile(csvFile)
                    ? "holds only the defaults of " + csvFile.getFileName() + ", so no scenario ran: run " + csvFile
                            + " (it applies these defaults) or its folder"
                    : "is a defaults file, but there is no " + csvFile.getFileName() + " beside it to apply to, so no scenario ran")));
        } else if (Files.isRegularFile(location)) {
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
                bad.addAll(e.problems());
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
            return withoutByteOrderMark(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ScenarioFileException(file.toString(), 0, "cannot be read as UTF-8 text: " + e.getMessage());
        }
    }

    /** Excel's "CSV UTF-8" (and some editors) start a file with a byte-order mark: not part of the text. */
    static String withoutByteOrderMark(String text) {
        return text != null && !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    // ------------------------------------------------------------------ YAML

    /**
     * Parses a YAML suite; a defaults file ({@code defaultsOnly}) has no scenarios and yields a suite
     * whose single placeholder scenario carries the default request and expectations. Every problem
     * in the file is reported, each at its own line.
     */
    Suite parseYaml(String file, String rawText, boolean defaultsOnly) {
        String text = withoutByteOrderMark(rawText);
        JsonNode root;
        LineIndex lines;
        try {
            root = yaml.readTree(text);
            lines = LineIndex.of(yamlFactory, text);
        } catch (JsonProcessingException e) {
            List<BadFile> tabs = tabs(file, text);
            if (!tabs.isEmpty()) {
                throw new ScenarioFileException(tabs);
            }
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new ScenarioFileException(file, line, "YAML syntax error" + (column > 0 ? " at column " + column : "") + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new ScenarioFileException(file, 0, "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioFileException(file, 1, "a suite is a YAML mapping with 'scenarios:' (a list); see test-scenarios/README.md");
        }
        Problems problems = new Problems();
        checkKeys(problems, file, lines, "", root, SUITE_KEYS, "suite");
        String suiteName = problems.attempt(() -> text(file, lines, root, "", "suite"), Optional.<String>empty())
                .orElse(Path.of(file).getFileName().toString());
        String reference = problems.attempt(() -> text(file, lines, root, "", "reference"), Optional.<String>empty()).orElse(null);
        String target = problems.attempt(() -> target(file, lines, root, "", ScenarioTargets.DEFAULT), ScenarioTargets.DEFAULT);
        List<String> suiteTags = problems.attempt(() -> tags(file, lines, root, ""), List.of());

        ObjectNode request = JsonNodeFactory.instance.objectNode();
        Map<String, Integer> defaultLines = new TreeMap<>();
        List<Expectation> defaultExpectations = List.of();
        JsonNode defaults = root.get("defaults");
        if (defaults != null && !defaults.isNull()) {
            if (!defaults.isObject()) {
                problems.add(file, lines.at("/defaults"), "'defaults' holds 'given' and 'expect' mappings");
            } else {
                checkKeys(problems, file, lines, "/defaults", defaults, DEFAULTS_KEYS, "defaults");
                applyGiven(problems, file, lines, "/defaults/given", defaults.get("given"), request, defaultLines);
                defaultExpectations = expectations(problems, file, lines, "/defaults/expect", defaults.get("expect"), true);
            }
        }
        JsonNode scenarios = root.get("scenarios");
        if (defaultsOnly) {
            if (scenarios != null) {
                problems.add(file, lines.at("/scenarios"), "a defaults file holds no scenarios: they are the rows of the CSV file");
            }
            List<Expectation> checked = combine(problems, defaultExpectations, List.of(), file, 1, target, true);
            problems.throwIfAny();
            return new Suite(file, suiteName, reference, List.of(new Scenario(suiteName, "(defaults)", reference, file, 1, target,
                    request, checked, suiteTags, JsonNodeFactory.instance.objectNode(), Map.of())));
        }
        if (scenarios == null || !scenarios.isArray() || scenarios.isEmpty()) {
            problems.add(file, scenarios == null ? 1 : lines.at("/scenarios"),
                    "'scenarios' must be a non-empty list of scenarios (each with a name, given and expect)");
            problems.throwIfAny();
        }
        List<Scenario> list = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < scenarios.size(); i++) {
            String at = "/scenarios/" + i;
            JsonNode node = scenarios.get(i);
            int line = lines.at(at);
            if (!node.isObject()) {
                problems.add(file, line, "a scenario is a mapping with name, given and expect");
                continue;
            }
            checkKeys(problems, file, lines, at, node, SCENARIO_KEYS, "scenario");
            Optional<String> named = problems.attempt(() -> text(file, lines, node, at, "name"), Optional.<String>empty());
            if (named.isEmpty() && !node.hasNonNull("name")) {
                problems.add(file, line, "the scenario has no name");
            }
            String name = named.orElse("(scenario " + (i + 1) + ")");
            if (named.isPresent() && !names.add(name)) {
                problems.add(file, line, "a second scenario is named '" + name + "': names must be unique in a suite");
            }
            String scenarioTarget = problems.attempt(() -> target(file, lines, node, at, target), target);
            List<String> tags = new ArrayList<>(suiteTags);
            problems.attempt(() -> tags(file, lines, node, at), List.<String>of()).stream().filter(t -> !tags.contains(t)).forEach(tags::add);
            ObjectNode scenarioRequest = request.deepCopy();
            Map<String, Integer> givenLines = new TreeMap<>(defaultLines);
            applyGiven(problems, file, lines, at + "/given", node.get("given"), scenarioRequest, givenLines);
            List<Expectation> own = expectations(problems, file, lines, at + "/expect", node.get("expect"), false);
            String scenarioReference = problems.attempt(() -> text(file, lines, node, at, "reference"), Optional.<String>empty())
                    .orElse(reference);
            JsonNode given = node.get("given");
            list.add(new Scenario(suiteName, name, scenarioReference, file, line, scenarioTarget, scenarioRequest,
                    combine(problems, defaultExpectations, own, file, line, scenarioTarget, false), List.copyOf(tags),
                    given != null && given.isObject() ? (ObjectNode) given.deepCopy() : JsonNodeFactory.instance.objectNode(),
                    Map.copyOf(givenLines)));
        }
        problems.throwIfAny();
        return new Suite(file, suiteName, reference, list);
    }

    /**
     * Tabs in a line's indentation: YAML forbids them, and the parser's own message ("while scanning
     * for the next token") names neither the line nor the cause.
     */
    static List<BadFile> tabs(String file, String text) {
        List<BadFile> found = new ArrayList<>();
        String[] textLines = text.split("\n", -1);
        for (int i = 0; i < textLines.length; i++) {
            String line = textLines[i];
            for (int c = 0; c < line.length() && (line.charAt(c) == ' ' || line.charAt(c) == '\t' || line.charAt(c) == '-'); c++) {
                if (line.charAt(c) == '\t') {
                    found.add(new BadFile(file, i + 1, "a tab at column " + (c + 1) + " in the indentation: indent with spaces, not tabs"));
                    break;
                }
            }
        }
        return found;
    }

    private static void checkKeys(Problems problems, String file, LineIndex lines, String at, JsonNode node, Set<String> allowed,
            String what) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                problems.add(file, lines.at(at + "/" + LineIndex.escape(key)),
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

    /** {@code tags: [smoke, ground-8]} or {@code tags: smoke}: words to pick scenarios by (--tag). */
    private static List<String> tags(String file, LineIndex lines, JsonNode node, String at) {
        JsonNode value = node.get("tags");
        if (value == null || value.isNull()) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(tag -> tags.add(tag.isValueNode() ? tag.asText().trim() : ""));
        } else if (value.isValueNode()) {
            tags.addAll(splitTags(value.asText()));
        }
        if (tags.isEmpty() || tags.stream().anyMatch(String::isBlank)) {
            throw new ScenarioFileException(file, lines.at(at + "/tags"), "'tags' is a word or a list of words, e.g. tags: [smoke, ground-8]");
        }
        return tags;
    }

    static List<String> splitTags(String text) {
        return java.util.Arrays.stream(text.split("[,\\s]+")).map(String::trim).filter(t -> !t.isEmpty()).toList();
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

    /**
     * Applies a {@code given} mapping of paths ({@code account.balance}) or nested blocks to the
     * request, each entry checked on its own (every bad one reported) and its line recorded.
     */
    private void applyGiven(Problems problems, String file, LineIndex lines, String at, JsonNode given, ObjectNode request,
            Map<String, Integer> givenLines) {
        if (given == null || given.isNull()) {
            return;
        }
        if (!given.isObject()) {
            problems.add(file, lines.at(at), "'given' is a mapping of case fields (paths) to values");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String pointer = at + "/" + LineIndex.escape(entry.getKey());
            if (problems.attempt(() -> put(file, lines, pointer, entry.getKey(), entry.getValue(), request))) {
                recordLines(lines, pointer, entry.getKey(), entry.getValue(), givenLines);
            }
        }
    }

    /** The line of a given path and, inside a block or list, of each field below it. */
    private static void recordLines(LineIndex lines, String pointer, String path, JsonNode value, Map<String, Integer> givenLines) {
        givenLines.put(path, lines.at(pointer));
        if (value.isObject()) {
            value.fieldNames().forEachRemaining(key -> recordLines(lines, pointer + "/" + LineIndex.escape(key), path + "." + key,
                    value.get(key), givenLines));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                recordLines(lines, pointer + "/" + i, path + "[" + i + "]", value.get(i), givenLines);
            }
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

    private List<Expectation> expectations(Problems problems, String file, LineIndex lines, String at, JsonNode expect,
            boolean defaults) {
        if (expect == null || expect.isNull()) {
            if (!defaults) {
                problems.add(file, lines.at(at.substring(0, at.lastIndexOf('/'))), "the scenario has no 'expect': a scenario must check something");
            }
            return List.of();
        }
        if (!expect.isObject() || expect.isEmpty()) {
            problems.add(file, lines.at(at), "'expect' is a mapping of response paths to expected values");
            return List.of();
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
                    Optional<Matcher> kind = Matcher.named(matcher.getKey());
                    if (kind.isEmpty()) {
                        problems.add(file, line, "unknown matcher '" + matcher.getKey() + "' for " + entry.getKey() + " (known: "
                                + Matcher.known() + ")");
                        continue;
                    }
                    problems.attempt(() -> list.add(expectation(file, line, entry.getKey(), kind.get(), matcher.getValue())));
                }
            } else {
                problems.attempt(() -> list.add(expectation(file, lines.at(pointer), entry.getKey(), Matcher.EQUALS, value)));
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
     * decision, or a problem when it expects a 4xx status), and every expected name against the names
     * the field can take.
     */
    private List<Expectation> combine(Problems problems, List<Expectation> defaults, List<Expectation> own, String file, int line,
            String target, boolean defaultsOnly) {
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
            List<Segment> segments;
            try {
                segments = ContractPaths.parse(e.path());
            } catch (IllegalArgumentException bad) {
                problems.add(file, e.line(), "expect " + bad.getMessage());
                continue;
            }
            Optional<String> outside = responsePaths.check(root, segments);
            if (outside.isPresent()) {
                problems.add(file, e.line(), "expect '" + e.path() + "' is not in the " + (problem ? "problem" : target) + " response: "
                        + outside.get());
                continue;
            }
            knownNames(e, root, segments).forEach(why -> problems.add(file, e.line(), "expect '" + e.path() + "': " + why));
        }
        return all; // a scenario without any expectation is reported where its expect (or CSV row) is read
    }

    /**
     * Every name an expectation compares with (its expected value, the elements of an expected list,
     * a name in a filter) that the field cannot take: such a check could never fail (notContains,
     * notEquals) or never pass, so it is a typo to report, never a check to run.
     */
    private List<String> knownNames(Expectation e, JavaType root, List<Segment> segments) {
        ValueVocabulary names = vocabulary.get();
        List<String> problems = new ArrayList<>();
        JavaType current = root;
        StringBuilder namePath = new StringBuilder();
        boolean list = false;
        for (Segment segment : segments) {
            if (ContractPaths.isOpen(current)) {
                return problems;
            }
            if (segment.name() != null) {
                current = responsePaths.property(current, segment.name()).orElse(null);
                if (current == null) {
                    return problems;
                }
                namePath.append(namePath.length() == 0 ? "" : ".").append(segment.name());
            }
            for (String bracket : segment.brackets()) {
                current = current.getContentType();
                if (current == null) {
                    return problems;
                }
                if (!bracket.matches("\\[\\d+\\]")) {
                    list = true;
                }
                java.util.regex.Matcher comparison = FILTER_COMPARISON.matcher(bracket);
                while (comparison.find()) {
                    String field = comparison.group(1);
                    String value = comparison.group(2);
                    JavaType fieldType = ContractPaths.isObject(current) ? responsePaths.property(current, field).orElse(null) : null;
                    if (fieldType != null) {
                        names.at(namePath + "." + field, fieldType).flatMap(known -> known.refuse(value, false))
                                .ifPresent(why -> problems.add("in the filter " + bracket + ", " + why));
                    }
                }
            }
        }
        if (ContractPaths.isOpen(current)) {
            return problems;
        }
        Optional<ValueVocabulary.Known> known = names.at(namePath.toString(), current);
        if (known.isEmpty()) {
            return problems;
        }
        boolean listValued = list || current.isCollectionLikeType() || current.isArrayType();
        switch (e.matcher()) {
            case EQUALS, NOT_EQUALS -> {
                if (e.expected().isArray()) {
                    e.expected().forEach(element -> refuse(known.get(), element, false).ifPresent(problems::add));
                } else {
                    refuse(known.get(), e.expected(), false).ifPresent(problems::add);
                }
            }
            case CONTAINS, NOT_CONTAINS -> refuse(known.get(), e.expected(), !listValued).ifPresent(problems::add);
            default -> {
            }
        }
        return problems;
    }

    private static Optional<String> refuse(ValueVocabulary.Known known, JsonNode value, boolean part) {
        return value != null && value.isTextual() ? known.refuse(value.asText(), part) : Optional.empty();
    }

    // ------------------------------------------------------------------ CSV

    /**
     * A CSV suite, read cell by cell (so a short or long row is named, not a parser error): the
     * separator is a comma, or a semicolon when the header uses those (Excel in much of Europe and
     * some UK setups saves "CSV" that way); a byte-order mark is skipped. Every bad row is reported.
     */
    Suite parseCsv(String file, String rawText, Suite header) {
        String text = withoutByteOrderMark(rawText);
        Scenario defaults = header == null ? null : header.scenarios().get(0);
        String suiteName = header == null ? Path.of(file).getFileName().toString() : header.name();
        String reference = header == null ? null : header.reference();
        String suiteTarget = defaults == null ? ScenarioTargets.DEFAULT : defaults.target();
        List<String> suiteTags = defaults == null ? List.of() : defaults.tags();
        char separator = separator(text);
        CsvSchema schema = CsvSchema.emptySchema().withoutHeader().withColumnSeparator(separator);
        String rowsText = text.endsWith("\n") ? text : text + "\n";
        Problems problems = new Problems();
        List<Scenario> scenarios = new ArrayList<>();
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
                    columns = java.util.Arrays.stream(cells).map(c -> withoutByteOrderMark(c.trim())).toList();
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
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < cells.length; c++) {
                    row.put(columns.get(c), cells[c]);
                }
                List<String> rowColumns = columns;
                problems.attempt(() -> scenarios.add(csvScenario(problems, file, line, row, rowColumns, suiteName, reference,
                        suiteTarget, suiteTags, defaults, names)));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(file, 0, "CSV error: " + csvMessage(e));
        }
        if (columns == null && !problems.any()) {
            problems.add(file, 1, "is empty: the first line names the columns (name, given.<case path>, expect.<response path>)");
        } else if (scenarios.isEmpty() && !problems.any()) {
            problems.add(file, 1, "has a header but no scenario rows");
        }
        problems.throwIfAny();
        return new Suite(file, suiteName, reference, scenarios);
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
                found.add(new BadFile(file, 1, "column '" + column + "' appears twice"));
            }
            if (!CSV_PLAIN_COLUMNS.contains(column) && !column.startsWith("given.") && !column.startsWith("expect.")) {
                found.add(new BadFile(file, 1, "unknown column '" + column
                        + "': columns are name, reference, description, target, tags, given.<case path> and expect.<response path>"));
            }
        }
        if (columns.stream().noneMatch(c -> c.startsWith("expect."))) {
            found.add(new BadFile(file, 1, "missing an expect.<path> column: a scenario must check something"));
        }
        if (!found.isEmpty()) {
            throw new ScenarioFileException(found);
        }
    }

    private Scenario csvScenario(Problems problems, String file, int line, Map<String, String> row, List<String> columns,
            String suiteName, String reference, String suiteTarget, List<String> suiteTags, Scenario defaults, Set<String> names) {
        LineIndex lines = LineIndex.single(line);
        String name = row.get("name");
        boolean named = name != null && !name.isBlank();
        if (!named) {
            problems.add(file, line, "the row has no name");
            name = "(row at line " + line + ")";
        } else if (!names.add(name)) {
            problems.add(file, line, "a second scenario is named '" + name + "': names must be unique in a suite");
        }
        String target = blankToNull(row.get("target"));
        if (target != null && !targets.names().contains(target)) {
            problems.add(file, line, "unknown target '" + target + "' (known: " + String.join(", ", targets.names()) + ")");
            target = null;
        }
        target = target == null ? suiteTarget : target;
        List<String> tags = new ArrayList<>(suiteTags);
        splitTags(row.getOrDefault("tags", "")).stream().filter(t -> !tags.contains(t)).forEach(tags::add);
        ObjectNode request = defaults == null ? JsonNodeFactory.instance.objectNode() : defaults.request().deepCopy();
        ObjectNode given = JsonNodeFactory.instance.objectNode();
        Map<String, Integer> givenLines = new TreeMap<>();
        List<Expectation> own = new ArrayList<>();
        for (String column : columns) {
            String cell = row.get(column);
            if (cell == null || cell.isEmpty()) {
                continue; // an empty cell leaves the suite default as it is
            }
            if (column.startsWith("given.")) {
                String path = column.substring("given.".length());
                problems.attempt(() -> {
                    List<Segment> segments = givenSegments(file, line, path);
                    JavaType type = requestPaths.typeAt(requestPaths.type(CaseFacts.class), segments).orElse(null);
                    JsonNode value = cellValue(file, line, column, cell, type);
                    put(file, lines, "", path, value, request);
                    given.set(path, value);
                    givenLines.put(path, line);
                });
            } else if (column.startsWith("expect.")) {
                problems.attempt(() -> own.add(csvExpectation(file, line, column.substring("expect.".length()), cell)));
            }
        }
        List<Expectation> defaultExpectations = defaults == null ? List.of() : defaults.expectations();
        if (own.isEmpty() && defaultExpectations.isEmpty()) {
            problems.add(file, line, "the row has no expectation: fill at least one expect. cell");
        }
        return new Scenario(suiteName, name, Optional.ofNullable(blankToNull(row.get("reference"))).orElse(reference), file, line,
                target, request, combine(problems, defaultExpectations, own, file, line, target, true), List.copyOf(tags), given,
                Map.copyOf(givenLines));
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
