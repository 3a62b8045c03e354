package org.rentrecovery.escalation;

import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.engine.InputDoc;

/**
 * Days since each of the service's actions was last recorded in this arrears episode: part of
 * {@link LadderInputs} (a group: each component is an input of its own). Every action is daysSince +
 * its name in camel case; a test keeps one for every action type.
 */
public record StepDays(
        @InputDoc(value = "Days since SEND_SMS_REMINDER was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceSendSmsReminder,
        @InputDoc(value = "Days since CONTACT_TENANT was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceContactTenant,
        @InputDoc(value = "Days since HOME_VISIT was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceHomeVisit,
        @InputDoc(value = "Days since OFFER_REPAYMENT_ARRANGEMENT was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceOfferRepaymentArrangement,
        @InputDoc(value = "Days since OFFER_HELP_WITH_BENEFIT_CLAIM was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceOfferHelpWithBenefitClaim,
        @InputDoc(value = "Days since REFER_MONEY_ADVICE was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceReferMoneyAdvice,
        @InputDoc(value = "Days since REFER_DHP_APPLICATION was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceReferDhpApplication,
        @InputDoc(value = "Days since REQUEST_HB_DIRECT_PAYMENT was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceRequestHbDirectPayment,
        @InputDoc(value = "Days since REQUEST_UC_MANAGED_PAYMENT was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceRequestUcManagedPayment,
        @InputDoc(value = "Days since REQUEST_UC_THIRD_PARTY_DEDUCTION was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceRequestUcThirdPartyDeduction,
        @InputDoc(value = "Days since VULNERABILITY_ASSESSMENT was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceVulnerabilityAssessment,
        @InputDoc(value = "Days since PROPORTIONALITY_ASSESSMENT was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceProportionalityAssessment,
        @InputDoc(value = "Days since SERVE_NOSP was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceServeNosp,
        @InputDoc(value = "Days since SERVE_SECTION_8_NOTICE was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceServeSection8Notice,
        @InputDoc(value = "Days since SERVE_NOTICE_OF_PROCEEDINGS was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceServeNoticeOfProceedings,
        @InputDoc(value = "Days since SERVE_NOTICE_TO_QUIT was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceServeNoticeToQuit,
        @InputDoc(value = "Days since ISSUE_POSSESSION_CLAIM was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceIssuePossessionClaim,
        @InputDoc(value = "Days since APPLY_FOR_WARRANT was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceApplyForWarrant,
        @InputDoc(value = "Days since MONEY_CLAIM was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceMoneyClaim,
        @InputDoc(value = "Days since ENFORCE_JUDGMENT was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceEnforceJudgment,
        @InputDoc(value = "Days since REFER_COMPLEX_CASE_TEAM was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceReferComplexCaseTeam,
        @InputDoc(value = "Days since TRANSFER_FORMER_TENANT_ARREARS was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceTransferFormerTenantArrears,
        @InputDoc(value = "Days since TRACE_FORMER_TENANT was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceTraceFormerTenant,
        @InputDoc(value = "Days since REFER_COLLECTION_AGENCY was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceReferCollectionAgency,
        @InputDoc(value = "Days since RECOMMEND_WRITE_OFF was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceRecommendWriteOff,
        @InputDoc(value = "Days since NOTIFY_DEBT_ADVISER was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceNotifyDebtAdviser,
        @InputDoc(value = "Days since CONTACT_ABOUT_CURRENT_RENT was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceContactAboutCurrentRent,
        @InputDoc(value = "Days since SEND_BREACH_LETTER was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceSendBreachLetter,
        @InputDoc(value = "Days since END_LICENCE_WITHOUT_COURT_ORDER was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceEndLicenceWithoutCourtOrder,
        @InputDoc(value = "Days since SEND_FINAL_ACCOUNT_LETTER was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceSendFinalAccountLetter,
        @InputDoc(value = "Days since CONTACT_PERSONAL_REPRESENTATIVES was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceContactPersonalRepresentatives,
        @InputDoc(value = "Days since APPLY_TO_FIX_POSSESSION_DATE was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceApplyToFixPossessionDate,
        @InputDoc(value = "Days since SERVE_SECTION_21_NOTICE was last recorded in this arrears episode; null if not recorded.", example = "> 7")
        Long daysSinceServeSection21Notice,
        @InputDoc(value = "Days since REFER_FOR_MANUAL_REVIEW was last recorded in this arrears episode (an officer reviewed the case by hand); null if not recorded.", example = "<= 28")
        Long daysSinceReferForManualReview) {

    static StepDays of(CaseAnalysis a) {
        return new StepDays(
                /* daysSinceSendSmsReminder */ a.daysSince(ActionType.SEND_SMS_REMINDER),
                /* daysSinceContactTenant */ a.daysSince(ActionType.CONTACT_TENANT),
                /* daysSinceHomeVisit */ a.daysSince(ActionType.HOME_VISIT),
                /* daysSinceOfferRepaymentArrangement */ a.daysSince(ActionType.OFFER_REPAYMENT_ARRANGEMENT),
                /* daysSinceOfferHelpWithBenefitClaim */ a.daysSince(ActionType.OFFER_HELP_WITH_BENEFIT_CLAIM),
                /* daysSinceReferMoneyAdvice */ a.daysSince(ActionType.REFER_MONEY_ADVICE),
                /* daysSinceReferDhpApplication */ a.daysSince(ActionType.REFER_DHP_APPLICATION),
                /* daysSinceRequestHbDirectPayment */ a.daysSince(ActionType.REQUEST_HB_DIRECT_PAYMENT),
                /* daysSinceRequestUcManagedPayment */ a.daysSince(ActionType.REQUEST_UC_MANAGED_PAYMENT),
                /* daysSinceRequestUcThirdPartyDeduction */ a.daysSince(ActionType.REQUEST_UC_THIRD_PARTY_DEDUCTION),
                /* daysSinceVulnerabilityAssessment */ a.daysSince(ActionType.VULNERABILITY_ASSESSMENT),
                /* daysSinceProportionalityAssessment */ a.daysSince(ActionType.PROPORTIONALITY_ASSESSMENT),
                /* daysSinceServeNosp */ a.daysSince(ActionType.SERVE_NOSP),
                /* daysSinceServeSection8Notice */ a.daysSince(ActionType.SERVE_SECTION_8_NOTICE),
                /* daysSinceServeNoticeOfProceedings */ a.daysSince(ActionType.SERVE_NOTICE_OF_PROCEEDINGS),
                /* daysSinceServeNoticeToQuit */ a.daysSince(ActionType.SERVE_NOTICE_TO_QUIT),
                /* daysSinceIssuePossessionClaim */ a.daysSince(ActionType.ISSUE_POSSESSION_CLAIM),
                /* daysSinceApplyForWarrant */ a.daysSince(ActionType.APPLY_FOR_WARRANT),
                /* daysSinceMoneyClaim */ a.daysSince(ActionType.MONEY_CLAIM),
                /* daysSinceEnforceJudgment */ a.daysSince(ActionType.ENFORCE_JUDGMENT),
                /* daysSinceReferComplexCaseTeam */ a.daysSince(ActionType.REFER_COMPLEX_CASE_TEAM),
                /* daysSinceTransferFormerTenantArrears */ a.daysSince(ActionType.TRANSFER_FORMER_TENANT_ARREARS),
                /* daysSinceTraceFormerTenant */ a.daysSince(ActionType.TRACE_FORMER_TENANT),
                /* daysSinceReferCollectionAgency */ a.daysSince(ActionType.REFER_COLLECTION_AGENCY),
                /* daysSinceRecommendWriteOff */ a.daysSince(ActionType.RECOMMEND_WRITE_OFF),
                /* daysSinceNotifyDebtAdviser */ a.daysSince(ActionType.NOTIFY_DEBT_ADVISER),
                /* daysSinceContactAboutCurrentRent */ a.daysSince(ActionType.CONTACT_ABOUT_CURRENT_RENT),
                /* daysSinceSendBreachLetter */ a.daysSince(ActionType.SEND_BREACH_LETTER),
                /* daysSinceEndLicenceWithoutCourtOrder */ a.daysSince(ActionType.END_LICENCE_WITHOUT_COURT_ORDER),
                /* daysSinceSendFinalAccountLetter */ a.daysSince(ActionType.SEND_FINAL_ACCOUNT_LETTER),
                /* daysSinceContactPersonalRepresentatives */ a.daysSince(ActionType.CONTACT_PERSONAL_REPRESENTATIVES),
                /* daysSinceApplyToFixPossessionDate */ a.daysSince(ActionType.APPLY_TO_FIX_POSSESSION_DATE),
                /* daysSinceServeSection21Notice */ a.daysSince(ActionType.SERVE_SECTION_21_NOTICE),
                /* daysSinceReferForManualReview */ a.daysSince(ActionType.REFER_FOR_MANUAL_REVIEW));
    }
}
