package org.rentrecovery.escalation;

import java.util.List;

import org.rentrecovery.engine.DecisionTableRuntime;

/** The rung of the ladder a case is on, and the steps the policy recommends for it. */
public record EscalationOutcome(String step, Integer stage, String explanation, String stepRow,
        List<PolicyAction> actions, List<DecisionTableRuntime.RowHit> rowsMatched) {
}
