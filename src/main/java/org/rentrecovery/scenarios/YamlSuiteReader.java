package org.rentrecovery.scenarios;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.rentrecovery.scenarios.ScenarioFileException.BadFile;

/**
 * A YAML suite ({@code suite}, {@code defaults}, {@code scenarios}), or the defaults file of a CSV
 * suite. Every problem in the file is reported, each at its own line.
 */
final class YamlSuiteReader {
    private static final Set<String> SUITE_KEYS = Set.of("suite", "reference", "description", "target", "tags", "defaults", "scenarios");
    private static final Set<String> DEFAULTS_KEYS = Set.of("given", "expect");
    private static final Set<String> SCENARIO_KEYS = Set.of("name", "reference", "description", "target", "tags", "given", "expect");

    private final YAMLFactory yamlFactory = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    // Money keeps its pence as written (100.00 stays 100.00 in the request, as a case system sends it).
    private final ObjectMapper yaml = new YAMLMapper(yamlFactory).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private final ScenarioTargets targets;
    private final GivenWriter given;
    private final ExpectationReader expect;

    YamlSuiteReader(ScenarioTargets targets, GivenWriter given, ExpectationReader expect) {
        this.targets = targets;
        this.given = given;
        this.expect = expect;
    }

    /** The YAML reader, also for CSV cells that hold a list or a block. */
    ObjectMapper yaml() {
        return yaml;
    }

    /** What a suite's header and defaults give every scenario. */
    private record Header(String name, String reference, String target, List<String> tags, ObjectNode request,
            Map<String, Integer> givenLines, List<Expectation> expectations) {
    }

    /**
     * Parses a YAML suite; a defaults file ({@code defaultsOnly}) has no scenarios and yields a suite
     * whose single placeholder scenario carries the default request and expectations.
     */
    Suite parse(String file, String rawText, boolean defaultsOnly) {
        String text = SuiteLoader.withoutByteOrderMark(rawText);
        JsonNode root = readTree(file, text);
        LineIndex lines = lineIndex(file, text);
        if (root == null || !root.isObject()) {
            throw new ScenarioFileException(file, 1, "a suite is a YAML mapping with 'scenarios:' (a list); see test-scenarios/README.md");
        }
        FileProblems problems = new FileProblems();
        Header header = header(problems, file, lines, root);
        JsonNode scenarios = root.get("scenarios");
        if (defaultsOnly) {
            if (scenarios != null) {
                problems.add(file, lines.at("/scenarios"), "a defaults file holds no scenarios: they are the rows of the CSV file");
            }
            List<Expectation> checked = expect.combine(problems, header.expectations(), List.of(), file, 1, header.target(), true);
            problems.throwIfAny();
            return new Suite(file, header.name(), header.reference(), List.of(new Scenario(header.name(), "(defaults)",
                    header.reference(), file, 1, header.target(), header.request(), checked, header.tags(),
                    JsonNodeFactory.instance.objectNode(), Map.of())));
        }
        if (scenarios == null || !scenarios.isArray() || scenarios.isEmpty()) {
            problems.add(file, scenarios == null ? 1 : lines.at("/scenarios"),
                    "'scenarios' must be a non-empty list of scenarios (each with a name, given and expect)");
            problems.throwIfAny();
        }
        List<Scenario> list = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < scenarios.size(); i++) {
            scenario(problems, file, lines, header, scenarios.get(i), i, names).ifPresent(list::add);
        }
        problems.throwIfAny();
        return new Suite(file, header.name(), header.reference(), list);
    }

    private JsonNode readTree(String file, String text) {
        try {
            return yaml.readTree(text);
        } catch (JsonProcessingException e) {
            List<BadFile> tabs = tabs(file, text);
            if (!tabs.isEmpty()) {
                throw new ScenarioFileException(tabs);
            }
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new ScenarioFileException(file, line, "YAML syntax error" + (column > 0 ? " at column " + column : "") + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    private LineIndex lineIndex(String file, String text) {
        try {
            return LineIndex.of(yamlFactory, text);
        } catch (IOException e) {
            throw new ScenarioFileException(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    private Header header(FileProblems problems, String file, LineIndex lines, JsonNode root) {
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
                given.applyGiven(problems, file, lines, "/defaults/given", defaults.get("given"), request, defaultLines);
                defaultExpectations = expect.expectations(problems, file, lines, "/defaults/expect", defaults.get("expect"), true);
            }
        }
        return new Header(suiteName, reference, target, suiteTags, request, defaultLines, defaultExpectations);
    }

    /** The scenario at {@code i}, its problems recorded; empty when it is not a mapping. */
    private Optional<Scenario> scenario(FileProblems problems, String file, LineIndex lines, Header header, JsonNode node, int i,
            Set<String> names) {
        String at = "/scenarios/" + i;
        int line = lines.at(at);
        if (!node.isObject()) {
            problems.add(file, line, "a scenario is a mapping with name, given and expect");
            return Optional.empty();
        }
        checkKeys(problems, file, lines, at, node, SCENARIO_KEYS, "scenario");
        String name = name(problems, file, lines, node, at, i, names);
        String scenarioTarget = problems.attempt(() -> target(file, lines, node, at, header.target()), header.target());
        List<String> tags = new ArrayList<>(header.tags());
        problems.attempt(() -> tags(file, lines, node, at), List.<String>of()).stream().filter(t -> !tags.contains(t)).forEach(tags::add);
        ObjectNode scenarioRequest = header.request().deepCopy();
        Map<String, Integer> givenLines = new TreeMap<>(header.givenLines());
        given.applyGiven(problems, file, lines, at + "/given", node.get("given"), scenarioRequest, givenLines);
        List<Expectation> own = expect.expectations(problems, file, lines, at + "/expect", node.get("expect"), false);
        String scenarioReference = problems.attempt(() -> text(file, lines, node, at, "reference"), Optional.<String>empty())
                .orElse(header.reference());
        JsonNode givenNode = node.get("given");
        return Optional.of(new Scenario(header.name(), name, scenarioReference, file, line, scenarioTarget, scenarioRequest,
                expect.combine(problems, header.expectations(), own, file, line, scenarioTarget, false), List.copyOf(tags),
                givenNode != null && givenNode.isObject() ? (ObjectNode) givenNode.deepCopy() : JsonNodeFactory.instance.objectNode(),
                Map.copyOf(givenLines)));
    }

    /** The scenario's name, unique in its suite; a placeholder naming its position when it has none. */
    private static String name(FileProblems problems, String file, LineIndex lines, JsonNode node, String at, int i, Set<String> names) {
        int line = lines.at(at);
        Optional<String> named = problems.attempt(() -> text(file, lines, node, at, "name"), Optional.<String>empty());
        if (named.isEmpty() && !node.hasNonNull("name")) {
            problems.add(file, line, "the scenario has no name");
        }
        String name = named.orElse("(scenario " + (i + 1) + ")");
        if (named.isPresent() && !names.add(name)) {
            problems.add(file, line, "a second scenario is named '" + name + "': names must be unique in a suite");
        }
        return name;
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

    private static void checkKeys(FileProblems problems, String file, LineIndex lines, String at, JsonNode node, Set<String> allowed,
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
}
