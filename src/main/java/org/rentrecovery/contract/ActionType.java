package org.rentrecovery.contract;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every step an officer can take on a rent account. Names are a contract: never reuse one for
 * another meaning; add new ones at the end of a group.
 */
public enum ActionType {
    NO_ACTION,
    SEND_SMS_REMINDER,
    SEND_REMINDER_LETTER_1,
    SEND_REMINDER_LETTER_2,
    CONTACT_TENANT,
    HOME_VISIT,
    OFFER_REPAYMENT_ARRANGEMENT,
    OFFER_HELP_WITH_BENEFIT_CLAIM,
    REFER_MONEY_ADVICE,
    REFER_DHP_APPLICATION,
    REQUEST_HB_DIRECT_PAYMENT,
    REQUEST_UC_MANAGED_PAYMENT,
    REQUEST_UC_THIRD_PARTY_DEDUCTION,
    VULNERABILITY_ASSESSMENT,
    PROPORTIONALITY_ASSESSMENT,
    SERVE_NOSP,
    SERVE_SECTION_8_NOTICE,
    SERVE_NOTICE_OF_PROCEEDINGS,
    SERVE_NOTICE_TO_QUIT,
    SEND_COURT_WARNING_LETTER,
    ISSUE_POSSESSION_CLAIM,
    APPLY_FOR_WARRANT,
    MONEY_CLAIM,
    ENFORCE_JUDGMENT,
    REFER_COMPLEX_CASE_TEAM,
    TRANSFER_FORMER_TENANT_ARREARS,
    TRACE_FORMER_TENANT,
    REFER_COLLECTION_AGENCY,
    RECOMMEND_WRITE_OFF,
    NOTIFY_DEBT_ADVISER,
    CONTACT_ABOUT_CURRENT_RENT,
    SEND_BREACH_LETTER,
    END_LICENCE_WITHOUT_COURT_ORDER,
    SEND_FINAL_ACCOUNT_LETTER,
    /** Write to the personal representatives (or next of kin) of a tenant who has died, to claim the arrears from the estate. */
    CONTACT_PERSONAL_REPRESENTATIVES,
    /**
     * A step of the landlord's own (answers only): its code and category are in the answer's
     * {@code code} and {@code category}. Never sent in a request.
     */
    LANDLORD_ACTION,
    /**
     * After a breach of a postponed possession order: give the tenant written notice, then apply to the court
     * to fix the date for possession (CPR PD 55A para 10). Only then can a warrant be sought.
     */
    APPLY_TO_FIX_POSSESSION_DATE,
    /**
     * Give a section 21 notice (Housing Act 1988 s.21): possession of an assured shorthold tenancy, a housing
     * association's starter tenancy included, without a ground. Not an arrears remedy; available only where the
     * law still has it (docs/law.md#section-21).
     */
    SERVE_SECTION_21_NOTICE,
    /**
     * An officer reviews the case by hand: the policy's tables gave no answer for it (no row matched,
     * or a table failed), so the service cannot say what the policy calls for. Also a step a ladder may
     * name itself, e.g. in a catch-all row.
     */
    REFER_FOR_MANUAL_REVIEW;

    public static final Set<ActionType> NOTICES =
            EnumSet.of(SERVE_NOSP, SERVE_SECTION_8_NOTICE, SERVE_NOTICE_OF_PROCEEDINGS, SERVE_NOTICE_TO_QUIT);

    /** Steps towards taking the home back. */
    public static final Set<ActionType> POSSESSION_STEPS = EnumSet.of(SERVE_NOSP, SERVE_SECTION_8_NOTICE,
            SERVE_NOTICE_OF_PROCEEDINGS, SERVE_NOTICE_TO_QUIT, ISSUE_POSSESSION_CLAIM, APPLY_FOR_WARRANT,
            END_LICENCE_WITHOUT_COURT_ORDER, APPLY_TO_FIX_POSSESSION_DATE, SERVE_SECTION_21_NOTICE);

    /**
     * Never a value of a table's input: LANDLORD_ACTION is only in answers, and a section 21 notice is only ever
     * proposed (no table input names it: {@code noticeAction} is the notice the tenancy's arrears route requires).
     */
    public static final Set<ActionType> NEVER_SUPPLIED_TO_TABLES = EnumSet.of(LANDLORD_ACTION, SERVE_SECTION_21_NOTICE);

    public static final Set<ActionType> MONEY_REMEDIES = EnumSet.of(MONEY_CLAIM, ENFORCE_JUDGMENT);

    /** Communications that demand payment of the arrears. */
    public static final Set<ActionType> DEMANDS = EnumSet.of(SEND_SMS_REMINDER, SEND_REMINDER_LETTER_1,
            SEND_REMINDER_LETTER_2, SEND_COURT_WARNING_LETTER, SEND_BREACH_LETTER,
            SEND_FINAL_ACCOUNT_LETTER);

    /** The kind of step this is, in the law's terms; null for LANDLORD_ACTION, whose category is the landlord's declaration. */
    public ActionCategory category() {
        return switch (this) {
            case SEND_SMS_REMINDER, SEND_REMINDER_LETTER_1, SEND_REMINDER_LETTER_2, SEND_COURT_WARNING_LETTER, SEND_BREACH_LETTER,
                    SEND_FINAL_ACCOUNT_LETTER, CONTACT_PERSONAL_REPRESENTATIVES -> ActionCategory.LETTER;
            case CONTACT_TENANT, OFFER_REPAYMENT_ARRANGEMENT, CONTACT_ABOUT_CURRENT_RENT -> ActionCategory.CONTACT;
            case HOME_VISIT -> ActionCategory.VISIT;
            case SERVE_NOSP, SERVE_SECTION_8_NOTICE, SERVE_NOTICE_OF_PROCEEDINGS, SERVE_NOTICE_TO_QUIT, SERVE_SECTION_21_NOTICE ->
                    ActionCategory.NOTICE;
            case ISSUE_POSSESSION_CLAIM, MONEY_CLAIM, APPLY_TO_FIX_POSSESSION_DATE -> ActionCategory.COURT;
            case APPLY_FOR_WARRANT, ENFORCE_JUDGMENT, END_LICENCE_WITHOUT_COURT_ORDER, REFER_COLLECTION_AGENCY,
                    REQUEST_UC_THIRD_PARTY_DEDUCTION -> ActionCategory.ENFORCEMENT;
            case OFFER_HELP_WITH_BENEFIT_CLAIM, REFER_MONEY_ADVICE, REFER_DHP_APPLICATION, REQUEST_HB_DIRECT_PAYMENT,
                    REQUEST_UC_MANAGED_PAYMENT -> ActionCategory.SUPPORT;
            case NO_ACTION, VULNERABILITY_ASSESSMENT, PROPORTIONALITY_ASSESSMENT, REFER_COMPLEX_CASE_TEAM,
                    TRANSFER_FORMER_TENANT_ARREARS, TRACE_FORMER_TENANT, RECOMMEND_WRITE_OFF, NOTIFY_DEBT_ADVISER,
                    REFER_FOR_MANUAL_REVIEW -> ActionCategory.ADMIN;
            case LANDLORD_ACTION -> null;
        };
    }

    public boolean isNotice() {
        return NOTICES.contains(this);
    }

    public boolean isPossessionStep() {
        return POSSESSION_STEPS.contains(this);
    }

    public boolean isMoneyRemedy() {
        return MONEY_REMEDIES.contains(this);
    }

    public boolean isDemand() {
        return DEMANDS.contains(this);
    }

    /** Enforcement: anything a guard may have to stop. Support and contact are not enforcement. */
    public boolean isEnforcement() {
        return isPossessionStep() || isMoneyRemedy();
    }
}
