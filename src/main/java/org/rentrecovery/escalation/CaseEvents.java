package org.rentrecovery.escalation;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.analysis.CaseChronology;
import org.rentrecovery.contract.Vocabulary.AgreementKind;
import org.rentrecovery.contract.Vocabulary.AgreementState;
import org.rentrecovery.contract.Vocabulary.CourtOutcomeType;
import org.rentrecovery.engine.InputDoc;

/**
 * The case's events measured from the decision date (payments, the claim and hearing, the order, the
 * agreement, a warrant, an eviction, an officer's pause): part of {@link LadderInputs}, a group whose
 * every component is an input of its own.
 */
public record CaseEvents(
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
        @InputDoc(value = "The latest hearing outcome that was not an order: NONE, ADJOURNED, ADJOURNED_ON_TERMS, STRUCK_OUT, WITHDRAWN or STAYED.", example = "\"ADJOURNED_ON_TERMS\"", valuesOf = CourtOutcomeType.class, alsoValues = "NONE")
        String courtOutcome,
        @InputDoc(value = "Days since that outcome; null without one.", example = "> 28")
        Long daysSinceCourtOutcome,
        @InputDoc(value = "Days since the possession order was made; null without an order or its date.", example = ">= 28")
        Long daysSinceOrder,
        @InputDoc(value = "The repayment agreement's kind: FORMAL, INFORMAL, or NONE when not given.", example = "\"FORMAL\"", valuesOf = AgreementKind.class, alsoValues = "NONE")
        String agreementKind,
        @InputDoc(value = "The repayment agreement's state: LIVE, BREACHED, CANCELLED, COMPLETED, or NONE when not given.", example = "\"BREACHED\"", valuesOf = AgreementState.class, alsoValues = "NONE")
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
        @InputDoc(value = "Pounds the arrangement pays towards the arrears each rent period, on top of the rent (arrangement.amountPerPeriod); null without one; 0 for one of current rent only. With realArrears it tells how long it takes to clear them: if arrangementAmountPerPeriod > 0 then realArrears / arrangementAmountPerPeriod else null (rent periods).", example = ">= 5")
        BigDecimal arrangementAmountPerPeriod,
        @InputDoc(value = "Days since a benefit claim not yet decided was made (benefits.claimPending.since), whether or not it meets the Pre-Action Protocol conditions of benefitClaimPending; null without one or its date.", example = ">= 0")
        Long daysSinceBenefitClaim) {

    static CaseEvents of(CaseAnalysis a) {
        CaseChronology c = new CaseChronology(a.facts());
        return new CaseEvents(
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
                /* arrangementAmountPerPeriod */ a.facts().arrangement() == null ? null : a.facts().arrangement().amountPerPeriod(),
                /* daysSinceBenefitClaim */ c.daysSince(a.facts().benefits() == null || a.facts().benefits().claimPending() == null
                        ? null : a.facts().benefits().claimPending().since()));
    }
}
