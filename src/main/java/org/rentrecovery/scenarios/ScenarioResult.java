package org.rentrecovery.scenarios;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
public record ScenarioResult(
        @Schema(description = ScenarioFields.NAME) String name,
        @Schema(description = ScenarioFields.FILE) String file,
        @Schema(description = ScenarioFields.LINE) int line,
        @Schema(description = ScenarioFields.REFERENCE) String reference,
        @Schema(description = ScenarioFields.TARGET) String target,
        @Schema(description = "PASSED, FAILED (an expectation did not hold) or ERROR (the service failed on the case)") Outcome outcome,
        @Schema(description = "The HTTP status the endpoint answered: 200, or 400 for a case it refuses") int status,
        @Schema(description = "Each expectation that did not hold (empty when it passed)") List<Failure> failures,
        @Schema(description = "The decision's reasons, for a scenario that did not pass, to read the cause") JsonNode reasons,
        @Schema(description = "What went wrong in the service, for an ERROR") String error,
        @Schema(description = "The suite's and the scenario's own tags") List<String> tags,
        @Schema(description = "The scenario's own given as written: field paths to values, over the suite's defaults") JsonNode given,
        @Schema(description = "The table rows or rules that decided the answer's headline: the ladder rung, the next action's row, the routing row, the write-off reasons, the priority band") List<String> decidedBy,
        @Schema(description = "For a scenario that did not pass: the actual value at each path it checks, to paste back as its expectations") JsonNode actual) {

    @Schema(name = "ScenarioOutcome")
    public enum Outcome { PASSED, FAILED, ERROR }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Failure(
            @Schema(description = ScenarioFields.PATH) String path,
            @Schema(description = ScenarioFields.MATCHER) String matcher,
            @Schema(description = ScenarioFields.EXPECTED) JsonNode expected,
            @Schema(description = "The value the answer has there, null when absent") JsonNode actual,
            @Schema(description = ScenarioFields.EXPECTATION_LINE) int line,
            @Schema(description = "Why it did not hold, in a sentence") String message) {
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
