package org.rentrecovery.scenarios;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How an expected value is compared with the value found in the response. Values found by a path
 * with a wildcard or filter ({@code blockedActions[*].type}) are a list; {@code contains} looks for
 * an element of a list, or for a piece of text in a string.
 */
public enum Matcher {
    EQUALS("equals", "="),
    NOT_EQUALS("notEquals", "!="),
    CONTAINS("contains", null),
    NOT_CONTAINS("notContains", null),
    ABSENT("absent", null),
    PRESENT("present", null),
    SIZE("size", null),
    GREATER_THAN("gt", ">"),
    AT_LEAST("gte", ">="),
    LESS_THAN("lt", "<"),
    AT_MOST("lte", "<=");

    private final String label;
    private final String symbol;

    Matcher(String label, String symbol) {
        this.label = label;
        this.symbol = symbol;
    }

    public String label() {
        return label;
    }

    public boolean takesValue() {
        return this != ABSENT && this != PRESENT;
    }

    public boolean numeric() {
        return this == GREATER_THAN || this == AT_LEAST || this == LESS_THAN || this == AT_MOST;
    }

    /** A matcher by its name ({@code gte}) or symbol ({@code >=}). */
    public static Optional<Matcher> named(String name) {
        return Arrays.stream(values()).filter(m -> m.label.equals(name) || name.equals(m.symbol)).findFirst();
    }

    public static String known() {
        return Arrays.stream(values()).map(m -> m.label + (m.symbol == null ? "" : " (" + m.symbol + ")"))
                .collect(Collectors.joining(", "));
    }

    /**
     * @param actual the value at the path; {@code null} when the path is not in the response
     * @return {@code null} when the expectation holds, else why not
     */
    public String check(JsonNode actual, JsonNode expected) {
        boolean missing = actual == null || actual.isMissingNode() || actual.isNull()
                || (actual.isArray() && actual.isEmpty() && this != SIZE && this != EQUALS && this != NOT_CONTAINS);
        switch (this) {
            case ABSENT:
                return missing ? null : "expected absent, but found " + actual;
            case PRESENT:
                return missing ? "expected present, but it is absent" : null;
            case EQUALS:
                if (expected == null || expected.isNull()) {
                    return missing ? null : "expected null/absent, but found " + actual;
                }
                return same(actual, expected) ? null : "expected " + expected + ", but " + describe(actual);
            case NOT_EQUALS:
                return !missing && same(actual, expected) ? "expected anything but " + expected + ", but found it" : null;
            case CONTAINS:
                return contains(actual, expected) ? null : "expected to contain " + expected + ", but " + describe(actual);
            case NOT_CONTAINS:
                return contains(actual, expected) ? "expected not to contain " + expected + ", but found " + actual : null;
            case SIZE:
                int size = actual == null || actual.isMissingNode() || actual.isNull() ? 0 : actual.isArray() ? actual.size() : 1;
                return number(expected).filter(n -> n.compareTo(BigDecimal.valueOf(size)) == 0).isPresent() ? null
                        : "expected " + expected + " element(s), but found " + size + (size > 0 ? ": " + actual : "");
            default:
                return compare(actual, expected);
        }
    }

    /** A numeric comparison ({@code >}, {@code >=}, {@code <}, {@code <=}) of the actual value with the expected one. */
    private String compare(JsonNode actual, JsonNode expected) {
        Optional<BigDecimal> found = number(actual);
        Optional<BigDecimal> limit = number(expected);
        if (limit.isEmpty()) {
            return "the expected value " + expected + " is not a number";
        }
        if (found.isEmpty()) {
            return "expected a number " + symbol + " " + expected + ", but " + describe(actual);
        }
        int cmp = found.get().compareTo(limit.get());
        boolean holds = switch (this) {
            case GREATER_THAN -> cmp > 0;
            case AT_LEAST -> cmp >= 0;
            case LESS_THAN -> cmp < 0;
            default -> cmp <= 0;
        };
        return holds ? null : "expected " + symbol + " " + expected + ", but found " + actual;
    }

    private static String describe(JsonNode actual) {
        return actual == null || actual.isMissingNode() ? "it is absent" : "found " + actual;
    }

    private static boolean contains(JsonNode actual, JsonNode expected) {
        if (actual == null) {
            return false;
        }
        if (actual.isArray()) {
            for (JsonNode element : actual) {
                if (same(element, expected)) {
                    return true;
                }
            }
            return false;
        }
        return actual.isTextual() && actual.asText().contains(expected.asText());
    }

    /**
     * Numbers compare by value (100 equals 100.00); lists element by element; anything else by its
     * text, so a spreadsheet cell "true" or "2026-11-23" matches the JSON value.
     */
    static boolean same(JsonNode actual, JsonNode expected) {
        if (actual == null || actual.isMissingNode()) {
            return false;
        }
        if (actual.isArray() && expected.isArray()) {
            if (actual.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < actual.size(); i++) {
                if (!same(actual.get(i), expected.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (actual.isContainerNode() || expected.isContainerNode()) {
            return actual.equals(expected);
        }
        if (actual.isNumber()) {
            Optional<BigDecimal> want = number(expected);
            return want.isPresent() && actual.decimalValue().compareTo(want.get()) == 0;
        }
        if (actual.isNull()) {
            return expected.isNull();
        }
        return actual.asText().equals(expected.asText());
    }

    static Optional<BigDecimal> number(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return Optional.of(node.decimalValue());
        }
        if (node.isTextual()) {
            try {
                return Optional.of(new BigDecimal(node.asText().trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
