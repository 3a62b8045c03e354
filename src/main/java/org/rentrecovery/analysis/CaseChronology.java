package org.rentrecovery.analysis;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Vocabulary.RentFrequency;

/**
 * The case's events measured from asOf, for policy tables: payments in the current rent period,
 * the hearing (to come or past), the order, the agreement against the order, a warrant, an
 * eviction date and an officer's pause. Day counts are whole days; "days to" is null once the day
 * has passed and "days since" is null before it, so a past hearing never reads as a future one.
 */
public final class CaseChronology {
    private final CaseFacts facts;
    private final LocalDate asOf;

    public CaseChronology(CaseFacts facts) {
        this.facts = facts;
        this.asOf = facts.asOf();
    }

    /** Days from the date to asOf (0 on the day), or null if no date or the date is after asOf. */
    public Long daysSince(LocalDate date) {
        return date == null || date.isAfter(asOf) ? null : ChronoUnit.DAYS.between(date, asOf);
    }

    /** Days from asOf to the date (0 on the day), or null if no date or the date is before asOf. */
    public Long daysTo(LocalDate date) {
        return date == null || date.isBefore(asOf) ? null : ChronoUnit.DAYS.between(asOf, date);
    }

    /**
     * The first day of the rent period asOf falls in. Weekly-based rents start on
     * {@code tenancy.periodStartDay} (else the rent day's weekday; Monday if neither is given); fortnightly and
     * four-weekly periods count whole periods from the rent day ({@code tenancy.periodStartDate}) or the tenancy's
     * start. Monthly rent starts on that day's day of the month (the 1st if not known; the month's last day when shorter).
     */
    public LocalDate currentPeriodStart() {
        CaseFacts.Tenancy tenancy = facts.tenancy();
        RentFrequency frequency = tenancy.rentFrequency();
        LocalDate periodBegan = RentPeriods.anchorOf(tenancy);
        if (frequency == RentFrequency.MONTHLY) {
            int day = periodBegan == null ? 1 : periodBegan.getDayOfMonth();
            LocalDate thisMonth = asOf.withDayOfMonth(Math.min(day, asOf.lengthOfMonth()));
            if (!thisMonth.isAfter(asOf)) {
                return thisMonth;
            }
            LocalDate previous = asOf.minusMonths(1);
            return previous.withDayOfMonth(Math.min(day, previous.lengthOfMonth()));
        }
        DayOfWeek startDay = RentPeriods.weekdayOf(tenancy) == null ? DayOfWeek.MONDAY : RentPeriods.weekdayOf(tenancy);
        LocalDate weekStart = asOf.with(TemporalAdjusters.previousOrSame(startDay));
        int weeks = frequency == RentFrequency.FORTNIGHTLY ? 2 : frequency == RentFrequency.FOUR_WEEKLY ? 4 : 1;
        LocalDate anchor = periodBegan == null ? null : periodBegan.with(TemporalAdjusters.nextOrSame(startDay));
        if (weeks == 1 || anchor == null || anchor.isAfter(weekStart)) {
            return weekStart;
        }
        long weeksIn = ChronoUnit.WEEKS.between(anchor, weekStart) % weeks;
        return weekStart.minusWeeks(weeksIn);
    }

    /** Sum of the payments dated from the start of the current rent period to asOf. */
    public BigDecimal paidThisPeriod() {
        return paidFrom(currentPeriodStart());
    }

    /** Sum of the payments dated in the 7 days ending on asOf. */
    public BigDecimal paidLast7Days() {
        return paidFrom(asOf.minusDays(6));
    }

    private BigDecimal paidFrom(LocalDate first) {
        List<CaseFacts.Payment> payments = facts.account().payments();
        BigDecimal paid = BigDecimal.ZERO;
        if (payments != null) {
            for (CaseFacts.Payment payment : payments) {
                if (!payment.date().isBefore(first) && !payment.date().isAfter(asOf)) {
                    paid = paid.add(payment.amount());
                }
            }
        }
        return paid;
    }

    /** The latest payment date: account.lastPaymentDate or the latest of account.payments. */
    public LocalDate lastPaymentDate() {
        LocalDate last = facts.account().lastPaymentDate();
        if (facts.account().payments() != null) {
            for (CaseFacts.Payment payment : facts.account().payments()) {
                if (last == null || payment.date().isAfter(last)) {
                    last = payment.date();
                }
            }
        }
        return last;
    }

    public LocalDate hearingDate() {
        CaseFacts.Recovery r = facts.recovery();
        return r == null || r.claim() == null ? null : r.claim().hearingDate();
    }

    public LocalDate claimIssuedOn() {
        CaseFacts.Recovery r = facts.recovery();
        return r == null || r.claim() == null ? null : r.claim().issuedOn();
    }

    public LocalDate orderMadeOn() {
        CaseFacts.Recovery r = facts.recovery();
        return r == null || r.courtOrder() == null ? null : r.courtOrder().madeOn();
    }

    public CaseFacts.CourtOutcome courtOutcome() {
        return facts.recovery() == null ? null : facts.recovery().courtOutcome();
    }

    public LocalDate evictionDate() {
        return facts.recovery() == null ? null : facts.recovery().evictionDate();
    }

    /**
     * Days from the order to the agreement's start: negative when the agreement predates the order,
     * null without both dates.
     */
    public Long agreementStartAfterOrderDays() {
        LocalDate order = orderMadeOn();
        LocalDate start = facts.arrangement() == null ? null : facts.arrangement().startDate();
        return order == null || start == null ? null : ChronoUnit.DAYS.between(order, start);
    }

    /**
     * A warrant applied for: an APPLY_FOR_WARRANT step recorded on or after the order (any recorded
     * one when the order's date is not known). A warrant needs an order, so none without one.
     */
    public boolean warrantApplied() {
        CaseFacts.Recovery r = facts.recovery();
        if (r == null || r.courtOrder() == null || r.actions() == null) {
            return false;
        }
        LocalDate order = r.courtOrder().madeOn();
        return r.actions().stream().anyMatch(a -> a.type() == ActionType.APPLY_FOR_WARRANT
                && (order == null || !a.date().isBefore(order)));
    }

    /** The officer's pause holds on asOf: set (or not dated) by asOf and not yet over. */
    public boolean pauseActive() {
        CaseFacts.Pause pause = facts.pause();
        return pause != null && !pause.until().isBefore(asOf) && (pause.setOn() == null || !pause.setOn().isAfter(asOf));
    }
}
