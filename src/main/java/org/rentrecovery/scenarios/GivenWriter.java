package org.rentrecovery.scenarios;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.scenarios.ContractPaths.Segment;

/**
 * Writes a scenario's {@code given} into its request: each path ({@code account.balance},
 * {@code tenancy.tenants[0].ageYears}) checked against the CaseFacts contract, a block merging into
 * the one already there (a suite default), a list or value replacing it.
 */
final class GivenWriter {
    private final ContractPaths requestPaths;

    GivenWriter(ContractPaths requestPaths) {
        this.requestPaths = requestPaths;
    }

    /**
     * Applies a {@code given} mapping of paths ({@code account.balance}) or nested blocks to the
     * request, each entry checked on its own (every bad one reported) and its line recorded.
     */
    void applyGiven(FileProblems problems, String file, LineIndex lines, String at, JsonNode given, ObjectNode request,
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

    /** The contract's type at a checked given path; null when it has none. */
    JavaType typeAt(List<Segment> segments) {
        return requestPaths.typeAt(requestPaths.type(CaseFacts.class), segments).orElse(null);
    }

    /** Sets the value at a dotted path of the request; a mapping merges into the block already there. */
    void put(String file, LineIndex lines, String pointer, String path, JsonNode value, ObjectNode request) {
        List<Segment> segments = givenSegments(file, lines.at(pointer), path);
        JavaType type = requestPaths.type(CaseFacts.class);
        JsonNode container = request;
        for (int s = 0; s < segments.size(); s++) {
            Segment segment = segments.get(s);
            JavaType propertyType = requestPaths.property(type, segment.name()).orElseThrow();
            ObjectNode object = (ObjectNode) container;
            boolean last = s == segments.size() - 1;
            if (last && segment.brackets().isEmpty()) {
                object.set(segment.name(), merged(file, lines, pointer, object.get(segment.name()), value, propertyType));
                return;
            }
            JsonNode child = object.get(segment.name());
            if (segment.brackets().isEmpty()) {
                container = child == null || !child.isObject() ? object.putObject(segment.name()) : child;
                type = propertyType;
                continue;
            }
            Item item = item(file, lines, pointer, path, segment, child, propertyType, last ? value : null);
            if (item == null) {
                return;
            }
            container = item.node();
            type = item.type();
        }
    }

    /** A block inside a list, and its type. */
    private record Item(JsonNode node, JavaType type) {
    }

    /**
     * Walks a segment's list indexes ({@code tenants[0]}); with a value (the path's last segment), sets it at the
     * last index and answers null; otherwise answers the block reached, to go on into.
     */
    private Item item(String file, LineIndex lines, String pointer, String path, Segment segment, JsonNode list,
            JavaType listType, JsonNode value) {
        int line = lines.at(pointer);
        JsonNode child = list;
        JavaType elementType = listType;
        for (int b = 0; b < segment.brackets().size(); b++) {
            int index = Integer.parseInt(segment.brackets().get(b).replaceAll("[\\[\\]]", ""));
            if (child == null || !child.isArray() || index >= child.size()) {
                throw new ScenarioFileException(file, line, "'" + path + "': there is no item " + index + " to change ("
                        + (child == null || !child.isArray() ? "the list is not given" : "the list has " + child.size() + " items")
                        + "); give the whole list instead");
            }
            elementType = elementType.getContentType();
            if (value != null && b == segment.brackets().size() - 1) {
                ((ArrayNode) child).set(index, merged(file, lines, pointer, child.get(index), value, elementType));
                return null;
            }
            child = child.get(index);
        }
        if (!child.isObject()) {
            throw new ScenarioFileException(file, line, "'" + path + "': the item is a value, not a block");
        }
        return new Item(child, elementType);
    }

    List<Segment> givenSegments(String file, int line, String path) {
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
}
