package org.rentrecovery.worklist;

import org.rentrecovery.contract.ActionCategory;
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

    /**
     * The kind of work a step is, from its category: the category the law's terms give a built-in step
     * ({@link ActionType#category()}), or the one a landlord declared for its own step (LANDLORD_ACTION). A collection
     * agency or a third-party deduction from Universal Credit is enforcement, so a vulnerable tenant's account is never
     * ranked first for it; an assessment or a referral is support.
     */
    public static WorkKind of(ActionType next, ActionCategory declared) {
        if (next == null || next == ActionType.NO_ACTION) {
            return NONE;
        }
        ActionCategory category = next == ActionType.LANDLORD_ACTION ? declared : next.category();
        if (category == null) {
            return SUPPORT;
        }
        return switch (category) {
            case LETTER -> DEMAND;
            case NOTICE, COURT, ENFORCEMENT -> ENFORCEMENT;
            case CONTACT, VISIT, SUPPORT, ADMIN -> SUPPORT;
        };
    }

    public static WorkKind of(ActionType next) {
        return of(next, null);
    }
}
