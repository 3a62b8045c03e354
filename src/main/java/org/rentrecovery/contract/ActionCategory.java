package org.rentrecovery.contract;

/**
 * What kind of step an action is, in the terms the law uses: the legal guards judge a landlord's
 * own action code by its category (a demand letter is held by a Breathing Space, an admin task
 * never is). Every {@link ActionType} has one; a landlord's codes are mapped to one in the policy's
 * own vocabulary (decision-tables/landlord-actions.dmn).
 */
public enum ActionCategory {
    /** A written demand for the arrears (letter, SMS, email). */
    LETTER,
    /** Contact with the tenant about the arrears (a call, a meeting, an offer of an arrangement). */
    CONTACT,
    /** A visit to the home about the arrears. */
    VISIT,
    /** Serving a notice that starts possession proceedings (the tenancy's own notice). */
    NOTICE,
    /** Going to court: a possession or money claim. */
    COURT,
    /** Enforcing: a warrant, enforcing a judgment, a collection agency, a deduction from benefits. */
    ENFORCEMENT,
    /** Work on the case that does not involve the tenant (a review, a data check, a referral inside the landlord). */
    ADMIN,
    /** Help for the tenant: money advice, benefit claims, direct payments. */
    SUPPORT
}
