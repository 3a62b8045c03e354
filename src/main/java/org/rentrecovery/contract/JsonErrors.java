package org.rentrecovery.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns a Jackson failure into one field error a case-system developer can act on: the path of the
 * bad field and a plain reason. Never exposes Java class names.
 */
public final class JsonErrors {
    public static final String BODY = "body";

    private JsonErrors() {
    }

    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("Duplicate field '([^']*)'");

    public static Problem.FieldError toFieldError(JsonProcessingException e) {
        var duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        boolean isDuplicate = duplicate.find();
        JsonParseException malformed = malformed(e);
        if (malformed != null && !isDuplicate) {
            // The text is not JSON: the parser's position says where, but the field it was reading
            // is not what is wrong (a missing comma after caseRef is not caseRef's fault).
            return Problem.FieldError.ofBody(notValidJson(malformed));
        }
        String field = pathOf(e);
        if (isDuplicate && !field.endsWith(duplicate.group(1))) {
            field = field.isEmpty() ? duplicate.group(1) : field + "." + duplicate.group(1);
        }
        String reason = reasonOf(e, field.isEmpty());
        return field.isEmpty() ? Problem.FieldError.ofBody(reason) : new Problem.FieldError(field, reason);
    }

    /**
     * Syntax, not content: the body is not JSON at all (a mapping problem is a field's). Jackson wraps
     * a syntax error met inside an object with the path it was reading, so the causes are searched too.
     */
    static JsonParseException malformed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonParseException parse) {
                return parse;
            }
        }
        return null;
    }

    /** "is not valid JSON at line 3 column 5: unexpected character '}', was expecting double-quote to start field name". */
    static String notValidJson(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        String reason = original.replaceAll(" \\(code \\d+\\)", "").replaceAll("\\(('[^']*')\\)", "$1")
                .replaceAll("`[^`]*`", "value").replaceAll("\\s*\\((start marker at )?\\[Source.*$", "")
                .replace("Unexpected", "unexpected");
        return "is not valid JSON" + where + (reason.isBlank() ? "" : ": " + reason);
    }

    static String pathOf(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    if (path.length() > 0) {
                        path.append('.');
                    }
                    path.append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.toString();
        }
        if (e instanceof MismatchedInputException) {
            // No path: the body itself is not the object asked for (an array, say), whatever the parser had entered.
            return "";
        }
        if (e.getProcessor() instanceof JsonParser parser) {
            return pathOf(parser.getParsingContext());
        }
        return "";
    }

    private static String pathOf(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    /** Ground 8 has its own tests for quarterly and yearly rent, which this service does not apply: say so. */
    private static String whyNotOtherRentFrequencies(Class<?> target) {
        return target == Vocabulary.RentFrequency.class
                ? ": quarterly and yearly rent are not decided by this service (Ground 8 tests them by rent more than 3 months in"
                        + " arrears, Housing Act 1988 Sch 2; docs/law.md#ground-8)"
                : "";
    }

    private static String reasonOf(JsonProcessingException e, boolean atRoot) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field: it is not part of the case contract (check the spelling)";
        }
        if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return "must be one of " + enumValues(target) + whyNotOtherRentFrequencies(target);
            }
            if (target == LocalDate.class) {
                return dateReason(format.getOriginalMessage());
            }
            return "has the wrong type: " + expected(target);
        }
        if (e instanceof MismatchedInputException mismatch) {
            if (atRoot) {
                return "the request body must be one JSON object describing one case";
            }
            Class<?> target = mismatch.getTargetType();
            if (target == LocalDate.class) {
                return "must be a date in the form yyyy-MM-dd";
            }
            return "has the wrong type: " + expected(target);
        }
        if (e instanceof InputCoercionException) {
            return "number out of range";
        }
        if (e instanceof StreamConstraintsException) {
            return "too large or too deeply nested";
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Duplicate field")) {
            return "given more than once";
        }
        return "malformed JSON: " + message.lines().findFirst().orElse("").replaceAll("`[^`]*`", "value");
    }

    private static String dateReason(String original) {
        if (original != null) {
            for (String reason : List.of("must be between 1900-01-01 and 2100-12-31", "is not a calendar date",
                    "must be a date in the form yyyy-MM-dd")) {
                if (original.contains(reason)) {
                    return reason;
                }
            }
        }
        return "must be a date in the form yyyy-MM-dd";
    }

    private static String enumValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining("|"));
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "unexpected value";
        }
        if (target.isEnum()) {
            return "expected one of " + enumValues(target);
        }
        if (target == BigDecimal.class) {
            return "expected a number (money in pounds, at most 2 decimals)";
        }
        if (target == Integer.class || target == int.class || target == Long.class) {
            return "expected a whole number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "expected true or false";
        }
        if (target == String.class) {
            return "expected a string";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "expected an array";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "expected an object";
        }
        return "unexpected value";
    }
}
