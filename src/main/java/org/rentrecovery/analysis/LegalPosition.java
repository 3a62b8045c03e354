package org.rentrecovery.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.RentArithmetic;
import org.rentrecovery.contract.Vocabulary.AssessmentStatus;
import org.rentrecovery.contract.Vocabulary.BreathingSpaceType;
import org.rentrecovery.contract.Vocabulary.CourtOrderType;
import org.rentrecovery.contract.Vocabulary.Ground;
import org.rentrecovery.contract.Vocabulary.HousingCostSupport;
import org.rentrecovery.contract.Vocabulary.InsolvencyType;
import org.rentrecovery.contract.Vocabulary.TenancyType;

/**
 * The legal facts of a case on one date, as the guards read them, one small record per area of
 * law. A proposed action is judged on its planned date, so Breathing Space, notice life and
 * Ground 8 thresholds are those of that date. The rules read the records' accessors as
 * properties ({@code position.moratorium.active}) and compare enums as enums
 * ({@code position.insolvency.type == InsolvencyType.DRO}). A new fact is one component on its
 * area's record and the line of {@link PositionOnDate} (or of its area's class) that works it out.
 */
public record LegalPosition(
        LocalDate date,
        BigDecimal balance,
        Tenancy tenancy,
        Moratorium moratorium,
        Notice notice,
        Ground8 ground8,
        Insolvency insolvency,
        Judgment judgment,
        Limitation limitation,
        Court court,
        Protocol protocol,
        Vulnerability vulnerability,
        Benefits benefits) {

    /**
     * The tenancy on the date; {@code former} once it has ended. {@code type} is its status on the date
     * (an introductory tenancy past its trial period is SECURE), {@code statusExplanation} says why
     * where the law changed it (null otherwise).
     */
    public record Tenancy(TenancyType type, boolean former, String statusExplanation, Section21 section21) {
        public boolean assured() { return type.isAssured(); }
        public boolean secure() { return type.isSecure(); }
        public boolean interimLicence() { return type == TenancyType.LICENCE_INTERIM_S188; }
        /**
         * A secure or introductory tenancy with no one to succeed is ended by a notice to quit to the personal
         * representatives (HA 1985 s.89; HA 1996 s.133); an assured one devolves and needs possession proceedings.
         */
        public boolean endsByNoticeToQuitOnDeath() { return type.isSecure() || type == TenancyType.INTRODUCTORY; }
    }

    /** A Breathing Space or mental health crisis moratorium (SI 2020/1311) on the date; {@code type} null if none. */
    public record Moratorium(boolean active, BreathingSpaceType type, LocalDate until, boolean courtPermission) {
        public boolean mentalHealthCrisis() { return type == BreathingSpaceType.MENTAL_HEALTH_CRISIS; }
    }

    /**
     * The notice this tenancy needs, the one on file and its grounds: {@code standing} is its life on the
     * date, {@code grounds} those written on it and {@code groundsStanding} those that still support a claim;
     * the Ground 8 figures are those for its service date. {@code availableGrounds}: those the arrears
     * support for a notice served on the date.
     */
    public record Notice(ActionType requiredAction, boolean neededBeforeClaim, NoticeAssessment.Standing standing,
            List<Ground> availableGrounds, List<Ground> grounds, List<Ground> groundsStanding,
            BigDecimal arrearsAtService, BigDecimal ground8ThresholdAtService, String ground8ReferenceAtService) {
        public Notice {
            availableGrounds = List.copyOf(availableGrounds);
            grounds = List.copyOf(grounds);
            groundsStanding = List.copyOf(groundsStanding);
        }

        public boolean inForce() { return standing.inForce(); }
        public NoticeAssessment.Status status() { return standing.status(); }
        public boolean groundsListed() { return !grounds.isEmpty(); }
        public boolean groundStanding() { return !groundsStanding.isEmpty(); }
    }

    /**
     * The Ground 8 threshold for a notice served on the date, the law that sets it (with the test applied, in
     * words) and the arrears it counts (the balance, less any rent the law in force leaves out).
     */
    public record Ground8(BigDecimal threshold, String reference, BigDecimal arrearsCounted) {
        /** The threshold as quoted: the first sum in pounds and pence that meets it. */
        public BigDecimal quoted() {
            return RentArithmetic.threshold(threshold);
        }
    }

    /**
     * A bankruptcy, DRO or individual voluntary arrangement in force on the date ({@code type} null if none);
     * {@code coversBalance} when it covers the whole balance (no later arrears).
     */
    public record Insolvency(InsolvencyType type, LocalDate date, boolean coversBalance) {
    }

    /** A money judgment on file ({@code date} null if none): six years on, it needs the court's permission. */
    public record Judgment(LocalDate date, boolean needsPermission, boolean predatesInsolvency) {
    }

    /** What the Limitation Act 1980 bars on the date. */
    public record Limitation(BigDecimal barredAmount, boolean allArrearsBarred) {
    }

    /**
     * The possession claim and order: {@code awaitingPossessionDate} a breached postponed order with no date
     * for possession fixed yet (CPR PD 55A para 10); {@code orderSixYearsOld} an order made six or more
     * years before the date (CPR 83.2(3)(a)); {@code fixDateNoticeDefect} why an application to fix the date on
     * the date cannot rely on the notice to the tenant on file (null when it can, or none is on file), and
     * {@code fixDateApplicationFrom} the first day it can (PD 55A para 10.3).
     */
    public record Court(boolean claimIssued, boolean possessionOrderEnforceable, CourtOrderType orderType, LocalDate orderMadeOn,
            LocalDate possessionDate, boolean awaitingPossessionDate, boolean orderSixYearsOld, String fixDateNoticeDefect,
            LocalDate fixDateApplicationFrom) {
        public boolean postponedOrder() { return orderType == CourtOrderType.POSTPONED; }
    }

    /** The Pre-Action Protocol's steps and the arrangement. */
    /**
     * The Pre-Action Protocol's steps and the arrangement. {@code contactAfterNotice}: a contact on or after the
     * day the notice on file was served (true when none is on file); {@code benefitPaymentStep}: the request for
     * payment of the arrears from benefit the protocol still needs (the tenant meets the criteria and it has not
     * been asked for in this arrears episode), or null.
     */
    public record Protocol(boolean contactMade, boolean arrangementOffered, boolean arrangementKept,
            boolean benefitsHelpOffered, boolean pendingBenefitBar, boolean contactAfterNotice, ActionType benefitPaymentStep,
            java.time.LocalDate noticeServedOn) {
        public boolean benefitPaymentOwed() { return benefitPaymentStep != null; }
    }

    /** Vulnerability, its assessment and the complex-case triggers of the facts. */
    public record Vulnerability(boolean vulnerable, AssessmentStatus assessment, Set<RoutingTrigger> complexCaseTriggers) {
        public Vulnerability {
            Set<RoutingTrigger> ordered = EnumSet.noneOf(RoutingTrigger.class);
            ordered.addAll(complexCaseTriggers);
            complexCaseTriggers = Collections.unmodifiableSet(ordered); // declaration order = the table's precedence
        }

        public boolean assessmentCompleted() { return assessment == AssessmentStatus.COMPLETED; }
        public boolean assessmentOpen() { return assessment == AssessmentStatus.OPEN; }
        public boolean complexCase() { return !complexCaseTriggers.isEmpty(); }
        /** A physical or learning disability is recorded: a possession step needs an Equality Act proportionality assessment. */
        public boolean disabled() { return complexCaseTriggers.contains(RoutingTrigger.DISABILITY); }

        /** The triggers present, in the precedence order of the ComplexCaseTrigger table, for a sentence. */
        public String triggersInWords() {
            return complexCaseTriggers.stream().map(Enum::name).collect(Collectors.joining(", "));
        }
    }

    /**
     * Housing costs (HB or UC) and the thresholds of the payment routes: {@code housingCostsAwarded} is
     * awarded, not merely claimed, with the tenancy not ended (what a DHP needs); {@code apaTier1Need} a DWP
     * APA "Tier 1" need (BenefitEligibility.APA_TIER_1_FLAGS).
     */
    public record Benefits(HousingCostSupport housingCostSupport, boolean housingCostsInPayment, boolean housingCostsAwarded,
            boolean hbRentAllowance, boolean apaThresholdMet, boolean apaTier1Need, boolean tpdThresholdMet,
            boolean hbDirectThresholdMet, boolean tpdEarningsBar) {
        public boolean universalCredit() { return housingCostSupport == HousingCostSupport.UNIVERSAL_CREDIT; }
        public boolean housingBenefit() { return housingCostSupport == HousingCostSupport.HOUSING_BENEFIT; }
    }

    public boolean inArrears() {
        return balance.signum() > 0;
    }

    public boolean ground8ThresholdMet() {
        return tenancy.assured() && ground8.arrearsCounted().compareTo(ground8.threshold()) >= 0;
    }

    /** The notice on file in a sentence, with its grounds and which still stand on the date. */
    public String noticeExplanation() {
        if (notice.grounds().isEmpty()) {
            return notice.standing().explanation();
        }
        return notice.standing().explanation() + " Grounds on it: " + notice.grounds() + "; still standing on " + date + ": "
                + (notice.groundsStanding().isEmpty() ? "none" : notice.groundsStanding().toString()) + groundsNote();
    }

    private String groundsNote() {
        StringBuilder note = new StringBuilder(".");
        if (notice.grounds().contains(Ground.GROUND_8) && !notice.groundsStanding().contains(Ground.GROUND_8)) {
            BigDecimal atService = notice.arrearsAtService();
            note.append(" Ground 8 needs arrears of at least ")
                    .append(RentArithmetic.threshold(notice.ground8ThresholdAtService()))
                    .append(" (the threshold for a notice served then) at service (")
                    .append(atService == null ? "not given" : RentArithmetic.pounds(atService).toPlainString())
                    .append(") and now (").append(RentArithmetic.pounds(balance).toPlainString()).append(").");
        }
        return note.toString();
    }
}
