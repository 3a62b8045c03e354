package org.rentrecovery.scenarios;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one scenario went. A failure names each expectation that did not hold, with the expected and
 * the actual value and its line; the decision's reasons come with it so the cause can be read, the
 * ones that decided the answer named in {@code decidedBy}.
 *
 * @param tags the scenario's tags (suite and own)
 * @param given the scenario's own {@code given} as written
 * @param decidedBy the rules (table rows or DRL rules) that decided the headline of the answer: the
 *        ladder rung and the next action's row, the routing row, the write-off reason rows, the priority band
 * @param actual for a scenario that did not pass, the actual value at each path it checks (for "use actual as expected")
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScenarioResult(String name, String file, int line, String reference, String target, Outcome outcome,
        int status, List<Failure> failures, JsonNode reasons, String error, List<String> tags, JsonNode given,
        List<String> decidedBy, JsonNode actual) {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ScenarioOutcome")
    public enum Outcome { PASSED, FAILED, ERROR }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Failure(String path, String matcher, JsonNode expected, JsonNode actual, int line, String message) {
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    /** The readable account printed by every runner: where, what was expected, what came, and why. */
    public String explain() {
        StringBuilder out = new StringBuilder();
        out.append(outcome).append(": ").append(name).append(" (").append(file).append(':').append(line).append(')');
        if (reference != null) {
            out.append(" [").append(reference).append(']');
        }
        out.append('\n');
        if (error != null) {
            out.append("  error: ").append(error).append('\n');
        }
        if (failures != null) {
            for (Failure f : failures) {
                out.append("  line ").append(f.line()).append(": ").append(f.path()).append(' ').append(f.matcher())
                        .append(' ').append(f.expected()).append('\n')
                        .append("      actual: ").append(f.actual() == null ? "(absent)" : f.actual()).append('\n')
                        .append("      ").append(f.message()).append('\n');
            }
        }
        if (reasons != null && reasons.isArray() && !reasons.isEmpty()) {
            out.append("  reasons:\n");
            for (JsonNode reason : reasons) {
                out.append("    ").append(reason.path("rule").asText()).append(": ").append(reason.path("text").asText());
                if (reason.hasNonNull("reference")) {
                    out.append(" (").append(reason.get("reference").asText()).append(')');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }
}
