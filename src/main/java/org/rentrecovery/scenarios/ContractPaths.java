package org.rentrecovery.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

/**
 * The JSON names of a contract (the CaseFacts request, the Decision response, a Problem), read
 * from the same Jackson introspection that reads and writes them, so a scenario path is checked
 * against what the API really accepts and answers rather than against a hand-kept list.
 */
final class ContractPaths {

    /** One step of a path: a property name and its brackets ({@code [*]}, {@code [0]}, {@code [?(...)]}). */
    record Segment(String name, List<String> brackets) {
    }

    private final ObjectMapper mapper;
    private final boolean request;
    private final Map<JavaType, Map<String, JavaType>> properties = new ConcurrentHashMap<>();

    ContractPaths(ObjectMapper mapper, boolean request) {
        this.mapper = mapper;
        this.request = request;
    }

    JavaType type(Class<?> root) {
        return mapper.constructType(root);
    }

    /** A JSON object of the contract (a record or bean of this project), as opposed to a value. */
    static boolean isObject(JavaType type) {
        Class<?> raw = type.getRawClass();
        return !raw.isEnum() && (raw.isRecord() || raw.getPackageName().startsWith("org.rentrecovery"));
    }

    /** Values of any shape (a map, a JSON tree): paths below them are not checked. */
    static boolean isOpen(JavaType type) {
        return type.isMapLikeType() || type.getRawClass() == Object.class
                || com.fasterxml.jackson.databind.JsonNode.class.isAssignableFrom(type.getRawClass());
    }

    /** The JSON properties of an object type, by JSON name. */
    Map<String, JavaType> propertiesOf(JavaType type) {
        return properties.computeIfAbsent(type, t -> {
            BeanDescription description = request
                    ? mapper.getDeserializationConfig().introspect(t)
                    : mapper.getSerializationConfig().introspect(t);
            Map<String, JavaType> byName = new TreeMap<>();
            for (BeanPropertyDefinition property : description.findProperties()) {
                byName.put(property.getName(), property.getPrimaryType());
            }
            return byName;
        });
    }

    Optional<JavaType> property(JavaType owner, String name) {
        return Optional.ofNullable(propertiesOf(owner).get(name));
    }

    /**
     * Checks a path against the contract.
     *
     * @return empty when every name is known, else why not (naming the bad segment and the choices)
     */
    Optional<String> check(JavaType root, List<Segment> segments) {
        JavaType current = root;
        StringBuilder walked = new StringBuilder();
        for (Segment segment : segments) {
            if (isOpen(current)) {
                return Optional.empty();
            }
            if (segment.name() != null) {
                if (!isObject(current)) {
                    return Optional.of("'" + walked + "' is a value, so it has no '" + segment.name() + "'");
                }
                Optional<JavaType> next = property(current, segment.name());
                if (next.isEmpty()) {
                    return Optional.of("'" + segment.name() + "' is not a field of "
                            + (walked.length() == 0 ? "the " + (request ? "case" : "response") : "'" + walked + "'")
                            + " (fields: " + String.join(", ", propertiesOf(current).keySet()) + ")");
                }
                current = next.get();
                walked.append(walked.length() == 0 ? "" : ".").append(segment.name());
            }
            for (String bracket : segment.brackets()) {
                if (isOpen(current)) {
                    return Optional.empty();
                }
                if (!current.isCollectionLikeType() && !current.isArrayType()) {
                    return Optional.of("'" + walked + "' is not a list, so '" + bracket + "' does not apply");
                }
                current = current.getContentType();
                walked.append(bracket);
            }
        }
        return Optional.empty();
    }

    /** The type a path leads to (after {@link #check} passed); empty below an open value. */
    Optional<JavaType> typeAt(JavaType root, List<Segment> segments) {
        JavaType current = root;
        for (Segment segment : segments) {
            if (isOpen(current)) {
                return Optional.empty();
            }
            if (segment.name() != null) {
                current = property(current, segment.name()).orElse(null);
                if (current == null) {
                    return Optional.empty();
                }
            }
            for (int i = 0; i < segment.brackets().size(); i++) {
                current = current.getContentType();
            }
        }
        return Optional.of(current);
    }

    /**
     * Splits {@code a.b[*].c}, {@code $.a[?(@.type=='X')].b} or {@code a[0]} into segments; dots and
     * brackets inside a bracket belong to it.
     *
     * @throws IllegalArgumentException for an unbalanced bracket or an empty name
     */
    static List<Segment> parse(String path) {
        String p = path.startsWith("$.") ? path.substring(2) : path.equals("$") ? "" : path;
        List<Segment> segments = new ArrayList<>();
        int i = 0;
        while (i < p.length()) {
            int start = i;
            while (i < p.length() && p.charAt(i) != '.' && p.charAt(i) != '[') {
                i++;
            }
            String name = p.substring(start, i);
            List<String> brackets = new ArrayList<>();
            while (i < p.length() && p.charAt(i) == '[') {
                int open = i;
                i = closingBracket(p, i, path);
                brackets.add(p.substring(open, i));
            }
            if (name.isEmpty() && (brackets.isEmpty() || !segments.isEmpty())) {
                throw new IllegalArgumentException("'" + path + "' has an empty name (two dots, or a dot at an end)");
            }
            if (!name.isEmpty() && !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("'" + name + "' in '" + path + "' is not a field name");
            }
            segments.add(new Segment(name.isEmpty() ? null : name, brackets));
            if (i < p.length()) {
                if (p.charAt(i) != '.' || i == p.length() - 1) {
                    throw new IllegalArgumentException("'" + path + "' is not a path like a.b[*].c");
                }
                i++;
            }
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("the path is empty");
        }
        return segments;
    }

    /** The index just after the {@code ]} that closes the bracket opening at {@code i} (brackets may nest, as in filters). */
    private static int closingBracket(String p, int i, String path) {
        int depth = 0;
        do {
            char c = p.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
            i++;
        } while (depth > 0 && i < p.length());
        if (depth != 0) {
            throw new IllegalArgumentException("'" + path + "' has a '[' without its ']'");
        }
        return i;
    }
}
