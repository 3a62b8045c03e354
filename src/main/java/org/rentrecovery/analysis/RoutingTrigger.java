package org.rentrecovery.analysis;

/**
 * What can send a case to a team. The complex-case triggers are those of docs/law.md "Vulnerability and proportionality" (and the
 * issue's language or communication need); each names the HACT UKHDS v3.5 person-alert code it
 * corresponds to, or null where HACT has none (docs/routing.md). The declaration order of the
 * complex-case triggers is the precedence order of the ComplexCaseTrigger table.
 */
public enum RoutingTrigger {
    MENTAL_HEALTH_CRISIS_BREATHING_SPACE(true, null),
    DECEASED_SOLE_TENANT(true, null),
    UNDER_18(true, null),
    CAPACITY_CONCERN(true, "60 Capacity"),
    SAFEGUARDING(true, "20-70 Safeguarding alert"),
    DOMESTIC_ABUSE(true, null),
    TERMINAL_ILLNESS(true, "20-30 Illness"),
    HOSPITAL_OR_CARE_HOME(true, null),
    MENTAL_HEALTH(true, "20 Disability or vulnerability"),
    DISABILITY(true, "20 Disability or vulnerability (20-10, 20-20, 20-40, 20-50 where known)"),
    COMMUNITY_CARE_ASSESSMENT_PENDING(true, null),
    LANGUAGE_OR_COMMUNICATION_NEED(true, "40 Language support"),

    /** The tenancy ended on or before asOf. */
    FORMER_TENANCY(false, null),
    /** A temporary-accommodation licence (basic protection or interim s.188). */
    TEMPORARY_ACCOMMODATION_LICENCE(false, null),
    /** A standard Breathing Space (or a moratorium of either kind for a case without another trigger) is in force. */
    BREATHING_SPACE(false, null),
    /** A claim is due or issued, or a possession order is in place: legal work. */
    LEGAL_ACTION(false, null),
    /** A notice is due or running, or a court warning is due or sent. */
    NOTICE_STAGE(false, null),
    /** Reminders, letters and first contact. */
    EARLY_ARREARS(false, null),
    /** The tenant is keeping to a repayment arrangement: escalation is paused (docs/policy.md#escalation-ladder). */
    KEPT_ARRANGEMENT(false, null),
    /** A benefit claim is pending with the protocol's three conditions met: escalation is paused (docs/policy.md#escalation-ladder). */
    PENDING_BENEFIT_CLAIM(false, null),
    /** A vulnerability and proportionality review is OPEN: escalation is paused (docs/policy.md#escalation-ladder). */
    VULNERABILITY_REVIEW_OPEN(false, null),
    /** The policy's routing tables gave no answer for the case (TableFailure): a person decides who has it. */
    MANUAL_REVIEW(false, null);

    private final boolean complexCase;
    private final String hactPersonAlert;

    RoutingTrigger(boolean complexCase, String hactPersonAlert) {
        this.complexCase = complexCase;
        this.hactPersonAlert = hactPersonAlert;
    }

    /** True for the triggers that send a case to the Complex Case Team and hold enforcement. */
    public boolean isComplexCase() {
        return complexCase;
    }

    /** The HACT UKHDS v3.5 person-alert code and name this trigger corresponds to; null if none. */
    public String hactPersonAlert() {
        return hactPersonAlert;
    }
}
