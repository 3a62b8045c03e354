package org.rentrecovery.escalation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.analysis.LegalPosition;
import org.rentrecovery.analysis.NoticeAssessment;
import org.rentrecovery.contract.ActionCategory;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Vocabulary.CourtOrderType;
import org.rentrecovery.contract.Vocabulary.HousingCostSupport;
import org.rentrecovery.contract.Vocabulary.TenancyType;
import org.rentrecovery.contract.Vocabulary.ArrangementStatus;
import org.rentrecovery.contract.Vocabulary.AssessmentStatus;
import org.rentrecovery.contract.Vocabulary.RentFrequency;
import org.rentrecovery.engine.InputDoc;
import org.rentrecovery.engine.InputGroups;

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
        NoticeAssessment.Status noticeStatus,
        @InputDoc(value = "Days since the notice on file was served; null if none.", example = ">= 28")
        Long daysSinceNoticeServed,
        @InputDoc(value = "Days since SEND_COURT_WARNING_LETTER in this arrears episode; null if not sent.", example = ">= 14")
        Long daysSinceCourtWarning,
        @InputDoc(value = "True when a possession claim has been issued.", example = "true")
        boolean claimIssued,
        @InputDoc(value = "The possession order: NONE, OUTRIGHT, SUSPENDED or POSTPONED.", example = "\"SUSPENDED\"", valuesOf = CourtOrderType.class, alsoValues = "NONE")
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
        @InputDoc(value = "Help with the rent: NONE, HOUSING_BENEFIT or UNIVERSAL_CREDIT; NOT_KNOWN when the request does not say.", example = "\"UNIVERSAL_CREDIT\"", valuesOf = HousingCostSupport.class, alsoValues = "NOT_KNOWN")
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
        CaseEvents events,
        StepDays days,
        StepHistory history,
        BalanceWindows balanceWindows,
        ArrearsSinceSteps arrearsSinceSteps) {

    /**
     * The ladder's inputs for a case, with the legal position on asOf, every group built.
     *
     * @param landlordCodes the policy's own action codes and their categories, for the recorded steps
     */
    public static LadderInputs of(CaseAnalysis a, LegalPosition today, Map<String, ActionCategory> landlordCodes) {
        return of(a, today, landlordCodes, InputGroups.ALL);
    }

    /**
     * The ladder's inputs for a case, with the legal position on asOf; a group the ladder in use reads no input of is
     * a placeholder ({@link InputGroups}): the seed ladder reads none of them, and they were 5-6% of a decision.
     *
     * @param landlordCodes the policy's own action codes and their categories, for the recorded steps
     * @param groups the groups the ladder model reads ({@code ModelSet.inputGroups})
     */
    public static LadderInputs of(CaseAnalysis a, LegalPosition today, Map<String, ActionCategory> landlordCodes, InputGroups groups) {
        CaseFacts.Benefits b = a.facts().benefits();
        StepsAndBalances shared = new StepsAndBalances(a, landlordCodes);
        return new LadderInputs(
                /* formerTenancy */ a.formerTenancy(),
                /* balance */ a.balance(), /* weeksInArrears */ a.realWeeksOfRent(),
                /* arrangementStatus */ a.arrangementStatus(),
                /* anyRecoveryStepThisEpisode */ a.anyRecoveryStepThisEpisode(),
                /* daysSinceLetter1 */ a.daysSince(ActionType.SEND_REMINDER_LETTER_1),
                /* daysSinceLetter2 */ a.daysSince(ActionType.SEND_REMINDER_LETTER_2),
                /* noticeStatus */ today.notice().status(),
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
                /* vulnerabilityReviewOpen */ a.assessment() == AssessmentStatus.OPEN,
                /* decisionDate */ a.asOf(), /* rentFrequency */ a.facts().tenancy().rentFrequency(),
                /* rentPerPeriod */ a.facts().tenancy().rentPerPeriod(),
                /* tenancyType */ today.tenancy().type(),
                /* housingCostSupport */ b == null || b.housingCostSupport() == null ? "NOT_KNOWN" : b.housingCostSupport().name(),
                /* paidDirectToLandlord */ b == null ? null : b.paidDirectToLandlord(),
                /* weeklyRent */ a.weeklyRent(), /* monthlyRent */ a.monthlyRent(), /* realArrears */ a.realArrears(),
                /* weeksOfRentOwed */ a.weeksOfRent(),
                /* monthsInArrears */ a.realMonthsOfRent(),
                groups.build(CaseEvents.class, () -> CaseEvents.of(a)), groups.build(StepDays.class, () -> StepDays.of(a)),
                groups.build(StepHistory.class, () -> StepHistory.of(shared)),
                groups.build(BalanceWindows.class, () -> BalanceWindows.of(shared.balances())),
                groups.build(ArrearsSinceSteps.class, () -> ArrearsSinceSteps.of(shared)));
    }
}
