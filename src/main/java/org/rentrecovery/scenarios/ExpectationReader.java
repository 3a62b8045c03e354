package org.rentrecovery.scenarios;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;

import org.rentrecovery.contract.Problem;
import org.rentrecovery.scenarios.ContractPaths.Segment;

/**
 * Reads a scenario's {@code expect}: each response path checked against the answer of the scenario's
 * target (or the problem, when it expects a 4xx status), and each expected name against the names the
 * field can take, so a typo is a bad file naming its line, never a check that silently checks nothing.
 */
final class ExpectationReader {
    /** A filter inside a path, {@code [?(@.type=='SERVE_NOSP')]}: its field and the name it compares with. */
    private static final Pattern FILTER_COMPARISON = Pattern.compile("@\\.([A-Za-z_][A-Za-z0-9_]*)\\s*(?:==|!=)\\s*['\"]([^'\"]*)['\"]");

    private final ContractPaths responsePaths;
    private final ScenarioTargets targets;
    private final Supplier<ValueVocabulary> vocabulary;

    ExpectationReader(ContractPaths responsePaths, ScenarioTargets targets, Supplier<ValueVocabulary> vocabulary) {
        this.responsePaths = responsePaths;
        this.targets = targets;
        this.vocabulary = vocabulary;
    }

    List<Expectation> expectations(FileProblems problems, String file, LineIndex lines, String at, JsonNode expect,
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

    Expectation expectation(String file, int line, String path, Matcher matcher, JsonNode expected) {
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
    List<Expectation> combine(FileProblems problems, List<Expectation> defaults, List<Expectation> own, String file, int line,
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
        Field field = field(root, segments, names, problems);
        if (field == null || ContractPaths.isOpen(field.type())) {
            return problems;
        }
        Optional<ValueVocabulary.Known> known = names.at(field.namePath(), field.type());
        if (known.isEmpty()) {
            return problems;
        }
        boolean listValued = field.inList() || field.type().isCollectionLikeType() || field.type().isArrayType();
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

    /** The field a checked path ends on: its type, its path by names alone, and whether a list is chosen on the way. */
    private record Field(JavaType type, String namePath, boolean inList) {
    }

    /**
     * Walks the path's names and brackets, checking each name a filter compares with on the way; null where
     * the path goes into an open (untyped) part or leaves the typed contract.
     */
    private Field field(JavaType root, List<Segment> segments, ValueVocabulary names, List<String> problems) {
        JavaType current = root;
        StringBuilder namePath = new StringBuilder();
        boolean list = false;
        for (Segment segment : segments) {
            if (ContractPaths.isOpen(current)) {
                return null;
            }
            if (segment.name() != null) {
                current = responsePaths.property(current, segment.name()).orElse(null);
                if (current == null) {
                    return null;
                }
                namePath.append(namePath.length() == 0 ? "" : ".").append(segment.name());
            }
            for (String bracket : segment.brackets()) {
                current = current.getContentType();
                if (current == null) {
                    return null;
                }
                list |= !bracket.matches("\\[\\d+\\]");
                checkFilter(bracket, current, namePath.toString(), names, problems);
            }
        }
        return new Field(current, namePath.toString(), list);
    }

    /** Each name a filter ({@code [?(@.type=='SERVE_NOSP')]}) compares a field with must be one the field can take. */
    private void checkFilter(String bracket, JavaType element, String namePath, ValueVocabulary names, List<String> problems) {
        java.util.regex.Matcher comparison = FILTER_COMPARISON.matcher(bracket);
        while (comparison.find()) {
            String field = comparison.group(1);
            String value = comparison.group(2);
            JavaType fieldType = ContractPaths.isObject(element) ? responsePaths.property(element, field).orElse(null) : null;
            if (fieldType != null) {
                names.at(namePath + "." + field, fieldType).flatMap(known -> known.refuse(value, false))
                        .ifPresent(why -> problems.add("in the filter " + bracket + ", " + why));
            }
        }
    }

    private static Optional<String> refuse(ValueVocabulary.Known known, JsonNode value, boolean part) {
        return value != null && value.isTextual() ? known.refuse(value.asText(), part) : Optional.empty();
    }
}
