package org.rentrecovery.scenarios;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One scenario, ready to run: the request built from the suite defaults and the scenario's own
 * {@code given} changes, and every expectation with the line it was written on.
 *
 * @param tags the suite's and the scenario's tags, for {@code --tag} and the report's filter
 * @param given the scenario's own {@code given} as written (paths to values), shown in the report
 * @param givenLines the line each given path (and each field of a given block) was written on, so a
 *        case the service refuses points at the line of the bad field
 */
public record Scenario(String suite, String name, String reference, String file, int line, String target,
        ObjectNode request, List<Expectation> expectations, List<String> tags, ObjectNode given,
        Map<String, Integer> givenLines) {

    /** Where the scenario is written, e.g. {@code test-scenarios/guards/ground8.csv:7}. */
    public String location() {
        return file + ":" + line;
    }

    /**
     * The line a request field (as a 400 names it, e.g. {@code tenancy.tenants[0].ageYears}) was
     * given on: its own path or the nearest enclosing one; the scenario's line when it came from the defaults.
     */
    public int lineOf(String field) {
        String path = field;
        while (!path.isEmpty()) {
            Integer found = givenLines.get(path);
            if (found == null) {
                found = givenLines.get(path.replaceAll("\\[\\d+\\]", ""));
            }
            if (found != null) {
                return found;
            }
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            path = cut < 0 ? "" : path.substring(0, cut);
        }
        return line;
    }
}
