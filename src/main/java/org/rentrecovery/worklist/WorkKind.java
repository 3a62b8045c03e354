package org.rentrecovery.worklist;

import org.rentrecovery.contract.ActionType;

/** What kind of step an account's next action is, as the worklist priority table reads it (vocabulary tWorkKind). */
public enum WorkKind {
    /** Contact, visits, arrangements, help with benefits, referrals and assessments. */
    SUPPORT,
    /** Reminders and letters demanding payment. */
    DEMAND,
    /** Notices, claims, warrants and money remedies: steps a guard may have to stop. */
    ENFORCEMENT,
    /** Nothing is due. */
    NONE;

    /** A landlord's own step (LANDLORD_ACTION) is the kind of work its category is. */
    public static WorkKind of(ActionType next, org.rentrecovery.contract.ActionCategory category) {
        if (next != ActionType.LANDLORD_ACTION || category == null) {
            return of(next);
        }
        return switch (category) {
            case LETTER -> DEMAND;
            case NOTICE, COURT, ENFORCEMENT -> ENFORCEMENT;
            case CONTACT, VISIT, SUPPORT, ADMIN -> SUPPORT;
        };
    }

    public static WorkKind of(ActionType next) {
        if (next == null || next == ActionType.NO_ACTION) {
            return NONE;
        }
        if (next.isEnforcement() || next.isNotice()) {
            return ENFORCEMENT;
        }
        return next.isDemand() ? DEMAND : SUPPORT;
    }
}
