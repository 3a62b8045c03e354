package org.rentrecovery.worklist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Vocabulary.Ground;
import org.rentrecovery.decision.Decision;

/**
 * What the worklist priority table needs from one decided case, kept with the case's portfolio result row: dates
 * rather than day counts, so a worklist can be ranked for any date after the run ({@link WorklistPriority}).
 *
 * @param decidedOn          the decision's asOf
 * @param nextStatuteBarDate the next day an unpaid charge becomes statute-barred (the oldest charge's limitation
 *                           date, after acknowledgments and Breathing Space); null when none will
 * @param noticeLapsesOn     when the notice in force stops supporting a claim; null when none is in force
 * @param breathingSpaceEnds the last day of a Breathing Space in force; null when none, or its end is not yet known
 * @param lastContact        the last CONTACT_TENANT or HOME_VISIT in recovery.actions; null when none is recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PriorityFacts(
        @Schema(description = "The decision's asOf") LocalDate decidedOn,
        @Schema(description = "The arrears in weeks of rent on that day (the ARREARS component)") BigDecimal weeksInArrears,
        @Schema(description = "RISING, STEADY, FALLING or NOT_KNOWN: the balance against about 28 days before, moved by more than half a week's rent") ArrearsTrend arrearsTrend,
        @Schema(description = "The next day an unpaid charge becomes statute-barred (Limitation Act 1980 s.19), absent when none will") LocalDate nextStatuteBarDate,
        @Schema(description = "When the notice in force stops supporting a claim, absent when none is in force") LocalDate noticeLapsesOn,
        @Schema(description = "The last day of a Breathing Space in force, absent when none is or its end is not known") LocalDate breathingSpaceEnds,
        @Schema(description = "The possession hearing's date, when a claim has one") LocalDate hearingDate,
        @Schema(description = "For a hearing ahead on a Ground 8 notice: MET or BELOW the arrears threshold today; NOT_RELEVANT otherwise") Ground8AtHearing ground8AtHearing,
        @Schema(description = "The benefit cap early-intervention score (benefitCap.priorityScore), 0 when none") int benefitCapPoints,
        @Schema(description = "The last CONTACT_TENANT or HOME_VISIT recorded, absent when none is") LocalDate lastContact,
        @Schema(description = "True for a vulnerability flag, a capacity concern or a tenant under 18") boolean vulnerable,
        @Schema(description = "SUPPORT, DEMAND, ENFORCEMENT or NONE: the kind of work the next action is") WorkKind workKind) {

    /** Contact with the tenant as the Pre-Action Protocol means it: speaking to them, not a letter. */
    static final Set<ActionType> CONTACT = EnumSet.of(ActionType.CONTACT_TENANT, ActionType.HOME_VISIT);
    /** How far back the trend looks, and how much the balance must move (in weeks of rent) to count as a trend. */
    static final int TREND_DAYS = 28;
    static final BigDecimal TREND_WEEKS = new BigDecimal("0.5");

    public static PriorityFacts of(CaseFacts facts, Decision decision) {
        LocalDate asOf = facts.asOf();
        Decision.Legal legal = decision.legal();
        LocalDate hearing = facts.recovery() == null || facts.recovery().claim() == null ? null
                : facts.recovery().claim().hearingDate();
        boolean hearingAhead = hearing != null && !hearing.isBefore(asOf);
        boolean reliesOnGround8 = facts.recovery() != null && facts.recovery().notice() != null
                && facts.recovery().notice().grounds() != null && facts.recovery().notice().grounds().contains(Ground.GROUND_8);
        Ground8AtHearing ground8 = !hearingAhead || !reliesOnGround8 ? Ground8AtHearing.NOT_RELEVANT
                : legal != null && legal.ground8ThresholdMet() ? Ground8AtHearing.MET : Ground8AtHearing.BELOW;
        return new PriorityFacts(asOf,
                decision.arrears() == null ? BigDecimal.ZERO : decision.arrears().weeksOfRent(),
                trend(facts, decision),
                decision.writeOff() == null ? null : decision.writeOff().nextStatuteBarDate(),
                legal != null && legal.noticeInForce() ? legal.noticeExpiresOn() : null,
                legal != null && legal.breathingSpaceActive() ? legal.breathingSpaceUntil() : null,
                hearing,
                ground8,
                decision.benefitCap() == null ? 0 : decision.benefitCap().priorityScore(),
                lastContact(facts),
                new CaseAnalysis(facts).vulnerable(),
                decision.nextAction() == null ? WorkKind.NONE
                        : WorkKind.of(decision.nextAction().type(), decision.nextAction().category()));
    }

    /**
     * Today's balance against the balance about four weeks earlier: the last point of account.balanceHistory on or
     * before asOf less 28 days, or, when the history starts later, its first point before asOf.
     */
    static ArrearsTrend trend(CaseFacts facts, Decision decision) {
        List<CaseFacts.BalancePoint> history = facts.account().balanceHistory();
        BigDecimal weekly = decision.arrears() == null ? null : decision.arrears().weeklyRent();
        if (history == null || history.isEmpty() || weekly == null || weekly.signum() <= 0) {
            return ArrearsTrend.NOT_KNOWN;
        }
        LocalDate asOf = facts.asOf();
        LocalDate from = asOf.minusDays(TREND_DAYS);
        List<CaseFacts.BalancePoint> earlier = history.stream().filter(p -> p.date().isBefore(asOf))
                .sorted(Comparator.comparing(CaseFacts.BalancePoint::date)).toList();
        if (earlier.isEmpty()) {
            return ArrearsTrend.NOT_KNOWN;
        }
        CaseFacts.BalancePoint base = earlier.get(0);
        for (CaseFacts.BalancePoint p : earlier) {
            if (!p.date().isAfter(from)) {
                base = p;
            }
        }
        BigDecimal moved = facts.account().balance().subtract(base.balance());
        BigDecimal threshold = weekly.multiply(TREND_WEEKS);
        if (moved.compareTo(threshold) > 0) {
            return ArrearsTrend.RISING;
        }
        return moved.compareTo(threshold.negate()) < 0 ? ArrearsTrend.FALLING : ArrearsTrend.STEADY;
    }

    static LocalDate lastContact(CaseFacts facts) {
        if (facts.recovery() == null || facts.recovery().actions() == null) {
            return null;
        }
        return facts.recovery().actions().stream().filter(a -> CONTACT.contains(a.type()) && !a.date().isAfter(facts.asOf()))
                .map(CaseFacts.RecoveryAction::date).max(Comparator.naturalOrder()).orElse(null);
    }
}
