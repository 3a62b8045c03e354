package org.rentrecovery.scenarios;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Values as a tester writes them in a YAML suite: the report shows a scenario's given, and its actual answer to paste back. */
final class YamlSnippets {
    private YamlSnippets() {
    }

    /** The actual values as the scenario's {@code expect:} block, indented to paste into a YAML suite. */
    static String actualSnippet(JsonNode actual) {
        StringBuilder out = new StringBuilder("    expect:\n");
        actual.fields().forEachRemaining(field -> out.append("      ").append(yamlKey(field.getKey())).append(": ")
                .append(flow(field.getValue())).append('\n'));
        return out.toString();
    }

    private static String yamlKey(String key) {
        return key.matches("[A-Za-z0-9_.\\[\\]*]+") ? key : "\"" + key.replace("\"", "\\\"") + "\"";
    }

    /** A value in YAML flow style: names bare, other text quoted, lists in brackets. */
    private static String flow(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "{absent: true}";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(flow(v)));
            return "[" + String.join(", ", items) + "]";
        }
        if (value.isObject()) {
            List<String> items = new ArrayList<>();
            value.fields().forEachRemaining(f -> items.add(yamlKey(f.getKey()) + ": " + flow(f.getValue())));
            return "{" + String.join(", ", items) + "}";
        }
        if (value.isTextual()) {
            String text = value.asText();
            boolean plain = text.matches("[A-Za-z][A-Za-z0-9_\\-/#.]*") && !text.matches("(?i)true|false|null|yes|no|on|off");
            return plain || text.matches("\\d{4}-\\d{2}-\\d{2}") ? text : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return value.toString();
    }

    /** A given block as YAML lines, one path each. */
    static String given(JsonNode given) {
        StringBuilder out = new StringBuilder();
        given.fields().forEachRemaining(field -> out.append(yamlKey(field.getKey())).append(": ").append(flow(field.getValue())).append('\n'));
        return out.toString();
    }
}
