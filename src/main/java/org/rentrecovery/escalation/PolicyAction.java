package org.rentrecovery.escalation;

import org.rentrecovery.contract.ActionType;

/** One step a row of the escalation actions table recommends. */
public record PolicyAction(ActionType action, Integer priority, String owner, Integer dueInDays, String approval,
        String reason, String reference, String row) {
}
