package org.rentrecovery.scenarios;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JavaType;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.rentrecovery.engine.ClasspathFiles;
import org.rentrecovery.engine.ModelSet;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The names an expected value may take at a response path, so that a typo in an expectation
 * ({@code notContains: SEND_REMINDER_LETER_1}) is a bad file with "did you mean", never a check that
 * cannot fail. Nothing here is a hand-kept list of names:
 * <ul>
 * <li>a field typed by an enum of the code (actions, grounds, teams, routing triggers, tenancy types…)
 * takes that enum's constants, so a value added to the code is known at once;</li>
 * <li>a text field that carries a name from the policy tables (escalation step, officer, approver,
 * write-off reason, priority band and condition) takes the names the policy version's
 * {@code vocabulary.dmn} lists for its item definition (every installed version's, joined);</li>
 * <li>a legal guard ({@code blockedBy[*].guard}) takes the guard names the packaged DRL rules block with.</li>
 * </ul>
 */
public final class ValueVocabulary {

    /** Text fields holding a policy-table name: the response path (brackets dropped) and its vocabulary.dmn item definition. */
    static final Map<String, String> TABLE_NAMED_FIELDS = Map.ofEntries(
            Map.entry("escalation.step", "tEscalationStep"),
            Map.entry("nextAction.owner", "tOfficer"),
            Map.entry("recommendedActions.owner", "tOfficer"),
            Map.entry("blockedActions.owner", "tOfficer"),
            Map.entry("nextAction.approval", "tApprover"),
            Map.entry("recommendedActions.approval", "tApprover"),
            Map.entry("writeOff.approver", "tApprover"),
            Map.entry("writeOff.reasons", "tWriteOffReason"),
            Map.entry("writeOff.explanations.reason", "tWriteOffReason"),
            Map.entry("benefitCap.priorityBand", "tPriorityBand"),
            Map.entry("benefitCap.scoreContributions.condition", "tPriorityCondition"));

    /** The field of a guard block naming the guard, wherever the block appears. */
    static final String GUARD_FIELD = "guard";

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern GUARD_BLOCK = Pattern.compile("\\bblock\\(\\s*\"([A-Z0-9_]+)\"");

    private final Map<String, Set<String>> tableNames;
    private final Set<String> guards;

    ValueVocabulary(Map<String, Set<String>> tableNames, Set<String> guards) {
        this.tableNames = tableNames;
        this.guards = guards;
    }

    /** From the vocabulary.dmn of each given policy version (joined) and the DRL rules packaged with the code. */
    public static ValueVocabulary of(Collection<ModelSet> policyVersions) {
        Map<String, Set<String>> names = new TreeMap<>();
        for (ModelSet version : policyVersions) {
            version.files().forEach((path, bytes) -> {
                if (path.endsWith("vocabulary.dmn")) {
                    itemDefinitions(bytes).forEach((type, values) -> names.computeIfAbsent(type, t -> new TreeSet<>()).addAll(values));
                }
            });
        }
        Set<String> guards = new TreeSet<>();
        ClasspathFiles.read(ValueVocabulary.class.getClassLoader(), RuleUniverse.RULES_FOLDER, ".drl").values().forEach(drl -> {
            Matcher m = GUARD_BLOCK.matcher(new String(drl, StandardCharsets.UTF_8));
            while (m.find()) {
                guards.add(m.group(1));
            }
        });
        return new ValueVocabulary(names, guards);
    }

    /** The allowedValues of every item definition that lists quoted names. */
    static Map<String, Set<String>> itemDefinitions(byte[] dmn) {
        Map<String, Set<String>> result = new LinkedHashMap<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(dmn));
            NodeList items = document.getElementsByTagNameNS("*", "itemDefinition");
            for (int i = 0; i < items.getLength(); i++) {
                Element item = (Element) items.item(i);
                NodeList allowed = item.getElementsByTagNameNS("*", "allowedValues");
                if (allowed.getLength() == 0) {
                    continue;
                }
                Set<String> values = new TreeSet<>();
                Matcher m = QUOTED.matcher(allowed.item(0).getTextContent());
                while (m.find()) {
                    values.add(m.group(1));
                }
                if (!values.isEmpty()) {
                    result.put(item.getAttribute("name"), values);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("vocabulary.dmn cannot be read: " + e.getMessage(), e);
        }
        return result;
    }

    /**
     * The names a value at this path may take, or empty when the field is not a name (an amount, a
     * date, words for people).
     *
     * @param namePath the path's field names joined by dots, brackets dropped ({@code blockedActions.blockedBy.guard})
     * @param leafType the contract type at the path (a list's element type for a list)
     */
    public Optional<Known> at(String namePath, JavaType leafType) {
        JavaType type = leafType;
        while (type != null && (type.isCollectionLikeType() || type.isArrayType())) {
            type = type.getContentType();
        }
        if (type != null && type.getRawClass().isEnum()) {
            Class<?> raw = type.getRawClass();
            Set<String> values = new TreeSet<>();
            Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).forEach(values::add);
            return Optional.of(new Known("the code's " + raw.getSimpleName(), values));
        }
        String definition = TABLE_NAMED_FIELDS.get(namePath);
        if (definition != null && tableNames.containsKey(definition)) {
            return Optional.of(new Known("vocabulary.dmn " + definition, tableNames.get(definition)));
        }
        String leaf = namePath.substring(namePath.lastIndexOf('.') + 1);
        if (leaf.equals(GUARD_FIELD) && !guards.isEmpty()) {
            return Optional.of(new Known("the guards in rules/*.drl", guards));
        }
        return Optional.empty();
    }

    /** A field's names and where they come from. */
    public record Known(String source, Set<String> values) {

        /**
         * Why a value is not one of these names, with the closest ones ("did you mean"); empty when it is.
         *
         * @param part true when the value may be part of a name (contains on a text)
         */
        public Optional<String> refuse(String value, boolean part) {
            if (part ? values.stream().anyMatch(v -> v.contains(value)) : values.contains(value)) {
                return Optional.empty();
            }
            StringBuilder why = new StringBuilder("'").append(value).append("' is not ").append(part ? "part of " : "")
                    .append("a name this field can take");
            List<String> close = closest(value);
            if (!close.isEmpty()) {
                why.append(": did you mean ").append(String.join(" or ", close)).append('?');
            }
            why.append(" (").append(source).append(": ").append(String.join(", ", values)).append(')');
            return Optional.of(why.toString());
        }

        /** The names within a small edit distance of the value (typos, a letter dropped or swapped). */
        List<String> closest(String value) {
            LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
            int limit = Math.max(2, value.length() / 3);
            record Scored(String name, int distance) {
            }
            List<Scored> scored = values.stream().map(v -> new Scored(v, distance.apply(v, value)))
                    .filter(s -> s.distance() <= limit).sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                    .toList();
            if (scored.isEmpty()) {
                return List.of();
            }
            int best = scored.get(0).distance();
            return scored.stream().filter(s -> s.distance() == best).limit(3).map(Scored::name).toList();
        }
    }
}
