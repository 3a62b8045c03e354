package org.rentrecovery.engine;

import java.util.Map;
import java.util.stream.Collectors;

import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNResult;

/**
 * What one model evaluation answered, decision by decision, whichever evaluator made it: kie-dmn's
 * {@link DMNResult}, or the fast path's answers (every decision succeeded, or the fast path would have declined).
 */
interface DecisionResults {

    /** A decision's outcome; {@code errors} only when it did not succeed. */
    record Outcome(boolean succeeded, Object value, String errors) {
    }

    /** The decision's outcome, or null when the model has no such decision. */
    Outcome outcome(String decision);

    static DecisionResults of(DMNResult result) {
        return decision -> {
            DMNDecisionResult found = result.getDecisionResultByName(decision);
            if (found == null) {
                return null;
            }
            if (found.getEvaluationStatus() == DMNDecisionResult.DecisionEvaluationStatus.SUCCEEDED) {
                return new Outcome(true, found.getResult(), null);
            }
            String messages = found.getMessages().stream().filter(m -> m.getSeverity() == DMNMessage.Severity.ERROR)
                    .map(DMNMessage::getText).collect(Collectors.joining("; "));
            if (messages.isEmpty()) {
                messages = result.getMessages(DMNMessage.Severity.ERROR).stream().map(DMNMessage::getText)
                        .collect(Collectors.joining("; "));
            }
            return new Outcome(false, found.getResult(), messages);
        };
    }

    static DecisionResults of(Map<String, Object> answers) {
        return decision -> {
            Object value = answers.get(decision);
            return value != null || answers.containsKey(decision) ? new Outcome(true, value, null) : null;
        };
    }
}
