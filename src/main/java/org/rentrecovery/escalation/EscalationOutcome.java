package org.rentrecovery.escalation;

import java.util.List;

/**
 * The rung of the ladder a case is on, and the steps the policy recommends for it.
 *
 * @param rowsMatched every row the ladder's tables selected, cited {@code Table/row-name}
 */
public record EscalationOutcome(String step, Integer stage, String explanation, String stepRow,
        List<PolicyAction> actions, List<String> rowsMatched) {
}
