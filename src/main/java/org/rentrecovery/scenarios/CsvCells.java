package org.rentrecovery.scenarios;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** The cells of a CSV suite row: a given value typed by the contract, an expect cell read as a matcher and a value. */
final class CsvCells {
    private final ObjectMapper yaml;
    private final ExpectationReader expect;

    CsvCells(ObjectMapper yaml, ExpectationReader expect) {
        this.yaml = yaml;
        this.expect = expect;
    }

    /** A cell typed by the contract: numbers and booleans as JSON numbers and booleans, lists and blocks as YAML. */
    JsonNode value(String file, int line, String column, String cell, JavaType type) {
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
    Expectation expectation(String file, int line, String path, String cell) {
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
            return expect.expectation(file, line, path, Matcher.ABSENT, BooleanNode.TRUE);
        }
        if (cell.equals("present")) {
            return expect.expectation(file, line, path, Matcher.PRESENT, BooleanNode.TRUE);
        }
        for (Map.Entry<String, Matcher> prefix : prefixes.entrySet()) {
            if (cell.startsWith(prefix.getKey())) {
                return expect.expectation(file, line, path, prefix.getValue(), scalar(cell.substring(prefix.getKey().length()).trim()));
            }
        }
        if (cell.startsWith("[") && cell.endsWith("]")) {
            // A whole list, written in YAML as in a given cell: equal element by element, in order.
            try {
                return expect.expectation(file, line, path, Matcher.EQUALS, yaml.readTree(cell));
            } catch (JsonProcessingException e) {
                throw new ScenarioFileException(file, line, "expect." + path + ": the cell is not a YAML list, e.g. "
                        + "[LETTER_1, LETTER_2]: " + e.getOriginalMessage().lines().findFirst().orElse(""));
            }
        }
        return expect.expectation(file, line, path, Matcher.EQUALS, scalar(cell));
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
