package org.rentrecovery.escalation;

import org.rentrecovery.contract.ActionCategory;
import org.rentrecovery.contract.ActionType;

/**
 * One step a row of a policy table recommends: one of the service's actions, or a landlord's own
 * code (action LANDLORD_ACTION) declared with its category in the policy's vocabulary.
 *
 * @param code     the name the table used: the action's name, or the landlord's code
 * @param category the kind of step in the law's terms, by which the guards judge a landlord's code
 */
public record PolicyAction(ActionType action, Integer priority, String owner, Integer dueInDays, String approval,
        String reason, String reference, String row, String code, ActionCategory category) {

    /** One of the service's own actions. */
    public PolicyAction(ActionType action, Integer priority, String owner, Integer dueInDays, String approval,
            String reason, String reference, String row) {
        this(action, priority, owner, dueInDays, approval, reason, reference, row, action == null ? null : action.name(),
                action == null ? null : action.category());
    }

    /** True for a landlord's own code, which the service knows only by its category. */
    public boolean landlords() {
        return action == ActionType.LANDLORD_ACTION;
    }

    /** A step towards possession or a money remedy (for a landlord's code: a notice, court or enforcement category). */
    public boolean isEnforcement() {
        if (landlords()) {
            return category == ActionCategory.NOTICE || category == ActionCategory.COURT || category == ActionCategory.ENFORCEMENT;
        }
        return action.isEnforcement();
    }

    /** The same step at another priority. */
    public PolicyAction withPriority(int newPriority) {
        return new PolicyAction(action, newPriority, owner, dueInDays, approval, reason, reference, row, code, category);
    }
}
