package org.rentrecovery.escalation;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.analysis.CaseChronology;
import org.rentrecovery.analysis.LegalPosition;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Vocabulary.TenancyType;
import org.rentrecovery.contract.Vocabulary.ArrangementStatus;
import org.rentrecovery.contract.Vocabulary.RentFrequency;
import org.rentrecovery.engine.InputDoc;

/**
 * Every fact the escalation ladder's tables may use, one component per input data node a ladder
 * model may declare (a model uses any of them, by name). The table of inputs in
 * docs/ladder-inputs.md is generated from these components and their {@link InputDoc}; a test keeps
 * it up to date. Days since a recorded action count within the current arrears episode (steps
 * before the account was last clear belong to an earlier one); the three older names
 * daysSinceLetter1, daysSinceLetter2 and daysSinceCourtWarning stand for SEND_REMINDER_LETTER_1,
 * SEND_REMINDER_LETTER_2 and SEND_COURT_WARNING_LETTER, every other action is daysSince + its name
 * in camel case.
 */
public record LadderInputs(
        @InputDoc(value = "True when the tenancy ended on or before the decision date.", example = "false")
        boolean formerTenancy,
        @InputDoc(value = "The account balance in pounds: positive = arrears, negative = in credit.", example = "> 250")
        BigDecimal balance,
        @InputDoc(value = "Real arrears (balance less technical arrears) in weeks of rent.", example = ">= 4")
        BigDecimal weeksInArrears,
        @InputDoc(value = "The repayment arrangement: NONE, KEPT or BROKEN.", example = "\"BROKEN\"")
        ArrangementStatus arrangementStatus,
        @InputDoc(value = "True when any recovery step is recorded since the account was last clear.", example = "true")
        boolean anyRecoveryStepThisEpisode,
        @InputDoc(value = "Days since SEND_REMINDER_LETTER_1 in this arrears episode; null if not sent.", example = ">= 14")
        Long daysSinceLetter1,
        @InputDoc(value = "Days since SEND_REMINDER_LETTER_2 in this arrears episode; null if not sent.", example = ">= 14")
        Long daysSinceLetter2,
        @InputDoc(value = "The notice on file under the law: NONE, PENDING, IN_FORCE, LAPSED, WRONG_TYPE, PERIOD_TOO_SHORT, DATE_NOT_PERIOD_BOUNDARY or VOID_SERVED_IN_MORATORIUM.", example = "\"IN_FORCE\"")
        String noticeStatus,
        @InputDoc(value = "Days since the notice on file was served; null if none.", example = ">= 28")
        Long daysSinceNoticeServed,
        @InputDoc(value = "Days since SEND_COURT_WARNING_LETTER in this arrears episode; null if not sent.", example = ">= 14")
        Long daysSinceCourtWarning,
        @InputDoc(value = "True when a possession claim has been issued.", example = "true")
        boolean claimIssued,
        @InputDoc(value = "The possession order: NONE, OUTRIGHT, SUSPENDED or POSTPONED.", example = "\"SUSPENDED\"")
        String courtOrder,
        @InputDoc(value = "True when the terms of a suspended or postponed order are breached.", example = "true")
        boolean courtOrderBreached,
        @InputDoc(value = "The notice step the tenancy type requires (SERVE_NOSP, SERVE_SECTION_8_NOTICE, SERVE_NOTICE_OF_PROCEEDINGS or SERVE_NOTICE_TO_QUIT).", example = "\"SERVE_NOSP\"")
        ActionType noticeAction,
        @InputDoc(value = "False only for an interim (s.188) licence, which the Protection from Eviction Act 1977 does not protect.", example = "true")
        boolean courtOrderNeeded,
        @InputDoc(value = "True while a Breathing Space or mental health crisis moratorium is in force on the decision date.", example = "false")
        boolean breathingSpaceActive,
        @InputDoc(value = "A Universal Credit claimant whose arrears meet the DWP threshold for a managed payment request.", example = "true")
        boolean apaEligible,
        @InputDoc(value = "A Universal Credit claimant in occupation whose arrears meet the DWP threshold for a third-party deduction.", example = "true")
        boolean tpdEligible,
        @InputDoc(value = "A rent allowance with arrears of at least 8 weeks (HB Regs 2006 reg 95).", example = "true")
        boolean hbDirectPaymentMandatory,
        @InputDoc(value = "A vulnerability flag, capacity concern or under-18 tenant, and no assessment yet.", example = "true")
        boolean vulnerabilityAssessmentNeeded,
        @InputDoc(value = "Every named tenant has died: recovery is from the estate.", example = "true")
        boolean allTenantsDeceased,
        @InputDoc(value = "A benefit claim is pending with the evidence given, eligibility reasonably expected and the shortfall paid (the Pre-Action Protocol conditions).", example = "true")
        boolean benefitClaimPending,
        @InputDoc(value = "A vulnerability and proportionality assessment is OPEN.", example = "true")
        boolean vulnerabilityReviewOpen,
        @InputDoc(value = "The date the decision is made for (the request's asOf).", example = "date(\"2026-12-01\")")
        LocalDate decisionDate,
        @InputDoc(value = "How often rent is charged: WEEKLY, FORTNIGHTLY, FOUR_WEEKLY or MONTHLY.", example = "\"MONTHLY\"")
        RentFrequency rentFrequency,
        @InputDoc(value = "The full charge for one rent period, in pounds.", example = "> 500")
        BigDecimal rentPerPeriod,
        @InputDoc(value = "The tenancy as the law sees it on the decision date (an introductory tenancy past its trial period is SECURE): SECURE, FLEXIBLE, INTRODUCTORY, ASSURED, ASSURED_SHORTHOLD, STARTER, LICENCE_BASIC_PROTECTION or LICENCE_INTERIM_S188.", example = "\"INTRODUCTORY\"")
        TenancyType tenancyType,
        @InputDoc(value = "Help with the rent: NONE, HOUSING_BENEFIT or UNIVERSAL_CREDIT; NOT_KNOWN when the request does not say.", example = "\"UNIVERSAL_CREDIT\"")
        String housingCostSupport,
        @InputDoc(value = "The housing costs are paid to the landlord (HB direct payment, a UC managed payment); null when the request does not say.", example = "false")
        Boolean paidDirectToLandlord,
        @InputDoc(value = "The rent for one week in pounds (monthly rent x 12 / 52).", example = "balance >= weeklyRent")
        BigDecimal weeklyRent,
        @InputDoc(value = "The rent for one calendar month in pounds (weekly rent x 52 / 12).", example = "balance >= 3 * monthlyRent")
        BigDecimal monthlyRent,
        @InputDoc(value = "The balance less technical arrears (timing differences such as HB or UC paid in arrears), in pounds.", example = "> 0")
        BigDecimal realArrears,
        @InputDoc(value = "The whole balance (technical arrears included) in weeks of rent.", example = ">= 8")
        BigDecimal weeksOfRentOwed,
        @InputDoc(value = "Real arrears in calendar months of rent.", example = ">= 2")
        BigDecimal monthsInArrears,
        @InputDoc(value = "Days since the latest payment (account.lastPaymentDate or account.payments); null if none is recorded.", example = "> 28")
        Long daysSinceLastPayment,
        @InputDoc(value = "The first day of the rent period the decision date falls in.", example = "date(\"2026-11-30\")")
        LocalDate currentPeriodStart,
        @InputDoc(value = "Pounds paid (account.payments) from the start of the current rent period to the decision date; 0 if none.", example = "> 0")
        BigDecimal paidThisPeriod,
        @InputDoc(value = "Pounds paid (account.payments) in the 7 days ending on the decision date; 0 if none.", example = ">= weeklyRent")
        BigDecimal paidLast7Days,
        @InputDoc(value = "Days since the latest recovery step of any type in this arrears episode; null if none.", example = "< 7")
        Long daysSinceLastAction,
        @InputDoc(value = "Days since the possession claim was issued; null without one.", example = ">= 0")
        Long daysSinceClaimIssued,
        @InputDoc(value = "The hearing date of the claim; null if none is listed.", example = "date(\"2026-12-10\")")
        LocalDate hearingDate,
        @InputDoc(value = "Days from the decision date to the hearing (0 on the day); null when none is listed or it has passed.", example = "<= 14")
        Long daysToHearing,
        @InputDoc(value = "Days since the hearing (0 on the day); null when none is listed or it is still to come.", example = "> 0")
        Long daysSinceHearing,
        @InputDoc(value = "The latest hearing outcome that was not an order: NONE, ADJOURNED, ADJOURNED_ON_TERMS, STRUCK_OUT, WITHDRAWN or STAYED.", example = "\"ADJOURNED_ON_TERMS\"")
        String courtOutcome,
        @InputDoc(value = "Days since that outcome; null without one.", example = "> 28")
        Long daysSinceCourtOutcome,
        @InputDoc(value = "Days since the possession order was made; null without an order or its date.", example = ">= 28")
        Long daysSinceOrder,
        @InputDoc(value = "The repayment agreement's kind: FORMAL, INFORMAL, or NONE when not given.", example = "\"FORMAL\"")
        String agreementKind,
        @InputDoc(value = "The repayment agreement's state: LIVE, BREACHED, CANCELLED, COMPLETED, or NONE when not given.", example = "\"BREACHED\"")
        String agreementState,
        @InputDoc(value = "Days from the possession order to the agreement's start (negative when the agreement came first); null without both dates.", example = "> 0")
        Long agreementStartAfterOrderDays,
        @InputDoc(value = "An APPLY_FOR_WARRANT step is recorded on or after the possession order.", example = "false")
        boolean warrantApplied,
        @InputDoc(value = "The date the bailiffs are booked to evict; null if none.", example = "date(\"2027-01-15\")")
        LocalDate evictionDate,
        @InputDoc(value = "Days from the decision date to the eviction (0 on the day); null if none or it has passed.", example = "<= 7")
        Long daysToEviction,
        @InputDoc(value = "An officer's pause (request pause) covers the decision date. Policy only: the legal guards ignore it.", example = "true")
        boolean pauseActive,
        @InputDoc(value = "The last day of the officer's pause, past or future; null without one.", example = "date(\"2026-12-14\")")
        LocalDate pauseUntil,
        @InputDoc(value = "The landlord's reason code for the pause, as sent; null without one.", example = "\"AWAITING_HB_DECISION\"")
        String pauseReason,
        @InputDoc(value = "Days from the decision date to the pause's last day; null when no pause is active.", example = "<= 3")
        Long daysToPauseEnd,
        @InputDoc(value = "Payments missed under the agreement; null if not given.", example = ">= 2")
        Integer missedPayments,
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
        @InputDoc(value = "Days since SERVE_SECTION_21_NOTICE was last recorded in this arrears episode; null if not recorded.", example = "> 7") Long daysSinceServeSection21Notice,
        @InputDoc(value = "Days since REFER_FOR_MANUAL_REVIEW was last recorded in this arrears episode (an officer reviewed the case by hand); null if not recorded.", example = "<= 28")
        Long daysSinceReferForManualReview) {

    /** The ladder's inputs for a case, with the legal position on asOf. */
    public static LadderInputs of(CaseAnalysis a, LegalPosition today) {
        CaseChronology c = new CaseChronology(a.facts());
        CaseFacts.Benefits b = a.facts().benefits();
        return new LadderInputs(
                /* formerTenancy */ a.formerTenancy(),
                /* balance */ a.balance(), /* weeksInArrears */ a.realWeeksOfRent(),
                /* arrangementStatus */ a.arrangementStatus(),
                /* anyRecoveryStepThisEpisode */ a.anyRecoveryStepThisEpisode(),
                /* daysSinceLetter1 */ a.daysSince(ActionType.SEND_REMINDER_LETTER_1),
                /* daysSinceLetter2 */ a.daysSince(ActionType.SEND_REMINDER_LETTER_2),
                /* noticeStatus */ today.notice().status().name(),
                /* daysSinceNoticeServed */ a.daysSinceNoticeServed(),
                /* daysSinceCourtWarning */ a.daysSince(ActionType.SEND_COURT_WARNING_LETTER),
                /* claimIssued */ a.claimIssued(), /* courtOrder */ a.courtOrderType() == null ? "NONE" : a.courtOrderType().name(),
                /* courtOrderBreached */ a.courtOrderBreached(),
                /* noticeAction */ today.notice().requiredAction(),
                /* courtOrderNeeded */ !today.tenancy().interimLicence(),
                /* breathingSpaceActive */ today.moratorium().active(),
                /* apaEligible */ a.apaEligibleToRequest(),
                /* tpdEligible */ a.tpdEligibleToRequest(),
                /* hbDirectPaymentMandatory */ a.hbDirectPaymentMandatory(),
                /* vulnerabilityAssessmentNeeded */ a.vulnerabilityAssessmentNeeded(),
                /* allTenantsDeceased */ a.allTenantsDeceased(),
                /* benefitClaimPending */ today.protocol().pendingBenefitBar(),
                /* vulnerabilityReviewOpen */ "OPEN".equals(a.assessmentStatus()),
                /* decisionDate */ a.asOf(), /* rentFrequency */ a.facts().tenancy().rentFrequency(),
                /* rentPerPeriod */ a.facts().tenancy().rentPerPeriod(),
                /* tenancyType */ today.tenancy().type(),
                /* housingCostSupport */ b == null || b.housingCostSupport() == null ? "NOT_KNOWN" : b.housingCostSupport().name(),
                /* paidDirectToLandlord */ b == null ? null : b.paidDirectToLandlord(),
                /* weeklyRent */ a.weeklyRent(), /* monthlyRent */ a.monthlyRent(), /* realArrears */ a.realArrears(),
                /* weeksOfRentOwed */ a.weeksOfRent(),
                /* monthsInArrears */ a.realMonthsOfRent(),
                /* daysSinceLastPayment */ c.daysSince(c.lastPaymentDate()),
                /* currentPeriodStart */ c.currentPeriodStart(),
                /* paidThisPeriod */ c.paidThisPeriod(),
                /* paidLast7Days */ c.paidLast7Days(),
                /* daysSinceLastAction */ a.daysSinceLastAction(),
                /* daysSinceClaimIssued */ c.daysSince(c.claimIssuedOn()),
                /* hearingDate */ c.hearingDate(),
                /* daysToHearing */ c.daysTo(c.hearingDate()),
                /* daysSinceHearing */ c.daysSince(c.hearingDate()),
                /* courtOutcome */ c.courtOutcome() == null ? "NONE" : c.courtOutcome().type().name(),
                /* daysSinceCourtOutcome */ c.daysSince(c.courtOutcome() == null ? null : c.courtOutcome().date()),
                /* daysSinceOrder */ c.daysSince(c.orderMadeOn()),
                /* agreementKind */ a.facts().arrangement() == null || a.facts().arrangement().kind() == null ? "NONE" : a.facts().arrangement().kind().name(),
                /* agreementState */ a.facts().arrangement() == null || a.facts().arrangement().state() == null ? "NONE" : a.facts().arrangement().state().name(),
                /* agreementStartAfterOrderDays */ c.agreementStartAfterOrderDays(),
                /* warrantApplied */ c.warrantApplied(),
                /* evictionDate */ c.evictionDate(),
                /* daysToEviction */ c.daysTo(c.evictionDate()),
                /* pauseActive */ c.pauseActive(),
                /* pauseUntil */ a.facts().pause() == null ? null : a.facts().pause().until(),
                /* pauseReason */ a.facts().pause() == null ? null : a.facts().pause().reason(),
                /* daysToPauseEnd */ c.pauseActive() ? c.daysTo(a.facts().pause().until()) : null,
                /* missedPayments */ a.facts().arrangement() == null ? null : a.facts().arrangement().missedPayments(),
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
                /* daysSinceApplyToFixPossessionDate, ...ServeSection21Notice */ a.daysSince(ActionType.APPLY_TO_FIX_POSSESSION_DATE), a.daysSince(ActionType.SERVE_SECTION_21_NOTICE),
                /* daysSinceReferForManualReview */ a.daysSince(ActionType.REFER_FOR_MANUAL_REVIEW));
    }
}
