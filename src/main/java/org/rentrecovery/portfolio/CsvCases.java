package org.rentrecovery.portfolio;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.rentrecovery.contract.CaseFacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns one CSV row into the JSON of one case. The header names each column by its path in the
 * case, e.g. {@code caseRef, asOf, tenancy.type, tenancy.rentPerPeriod, account.balance}; a cell
 * is written as a JSON number where the case has a number, true/false where it has a yes/no, and
 * as JSON text (e.g. {@code [{"type":"SEND_REMINDER_LETTER_1","date":"2026-10-05"}]}) where it
 * has a list or a block; an empty cell is left out. A cell that does not fit its column is passed
 * on as text, so that the case's own validation names the field and says what is wrong.
 */
final class CsvCases {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private enum Kind { TEXT, NUMBER, YES_NO, JSON }

    private record Column(String[] path, Kind kind) {
    }

    private final List<Column> columns;
    private final ObjectMapper mapper;

    /** Checks the header against the case; throws {@link IllegalArgumentException} naming the first unknown column. */
    CsvCases(List<String> header, ObjectMapper mapper) {
        this.mapper = mapper;
        List<Column> found = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (String name : header) {
            String trimmed = name.trim();
            if (!named.add(trimmed)) {
                throw new IllegalArgumentException("column " + trimmed + " is named twice in the header");
            }
            found.add(new Column(trimmed.split("\\."), kindOf(trimmed)));
        }
        this.columns = List.copyOf(found);
    }

    int width() {
        return columns.size();
    }

    byte[] toJson(List<String> cells) throws IOException {
        ObjectNode root = NODES.objectNode();
        for (int i = 0; i < columns.size() && i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell == null || cell.isEmpty()) {
                continue;
            }
            Column column = columns.get(i);
            ObjectNode parent = root;
            for (int p = 0; p < column.path().length - 1; p++) {
                JsonNode child = parent.get(column.path()[p]);
                parent = child instanceof ObjectNode object ? object : parent.putObject(column.path()[p]);
            }
            parent.set(column.path()[column.path().length - 1], value(cell, column.kind()));
        }
        return mapper.writeValueAsBytes(root);
    }

    private JsonNode value(String cell, Kind kind) {
        String text = cell.trim();
        return switch (kind) {
            case NUMBER -> NUMBER.matcher(text).matches() ? NODES.numberNode(new BigDecimal(text)) : NODES.textNode(cell);
            case YES_NO -> text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")
                    ? NODES.booleanNode(Boolean.parseBoolean(text.toLowerCase())) : NODES.textNode(cell);
            case JSON -> {
                try {
                    yield mapper.readTree(text);
                } catch (IOException e) {
                    yield NODES.textNode(cell);
                }
            }
            case TEXT -> NODES.textNode(cell);
        };
    }

    /** What kind of value the case has at a dotted path; {@link IllegalArgumentException} when it has none. */
    private static Kind kindOf(String dottedPath) {
        Class<?> type = CaseFacts.class;
        Type generic = type;
        for (String part : dottedPath.split("\\.", -1)) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException("column " + dottedPath + " goes inside " + type.getSimpleName()
                        + ", which has no fields: give the whole value as JSON in the column for its parent");
            }
            RecordComponent component = null;
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals(part)) {
                    component = c;
                }
            }
            if (component == null) {
                throw new IllegalArgumentException("column " + dottedPath + " is not a field of a case (unknown: " + part + ")");
            }
            type = component.getType();
            generic = component.getGenericType();
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return Kind.NUMBER;
        }
        if (type == Boolean.class || type == boolean.class) {
            return Kind.YES_NO;
        }
        if (type.isRecord() || List.class.isAssignableFrom(type) || generic instanceof ParameterizedType) {
            return Kind.JSON;
        }
        return Kind.TEXT;
    }
}
