package org.rentrecovery.scenarios;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One check on the response: the value at {@code path} (JSONPath, the leading {@code $.} optional),
 * compared with {@code expected} by {@code matcher}. The path {@code status} is the HTTP status the
 * endpoint would answer (200 for a decision, 400 for an invalid case).
 */
public record Expectation(String path, Matcher matcher, JsonNode expected, int line) {

    public static final String STATUS = "status";

    public boolean isStatus() {
        return path.equals(STATUS);
    }

    @Override
    public String toString() {
        return path + " " + matcher.label() + (matcher.takesValue() ? " " + expected : "");
    }
}
