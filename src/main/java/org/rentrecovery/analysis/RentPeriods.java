package org.rentrecovery.analysis;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Vocabulary.RentFrequency;

/**
 * The rent periods of a periodic tenancy as far as the case tells them, for the rule that a notice to quit
 * (and so a NoSP, HA 1985 s.83(5), and a notice of proceedings, HA 1996 s.128(4)) must end at the end of a
 * period and give at least one whole period's notice. Periods counted in weeks start on
 * {@code tenancy.periodStartDay} (or the weekday of {@code tenancy.periodStartDate}); which fortnight or four
 * weeks is known from {@code tenancy.periodStartDate}, else from {@code tenancy.startDate}. A monthly tenancy's
 * periods run from the day of the month of {@code tenancy.periodStartDate} (the rent day), else of the day it
 * began (in a shorter month, that month's last day), as the rest of the service counts them (CaseChronology). What the case does not tell is not held against a notice: an unknown boundary is
 * never a defect.
 *
 * @param weekStart the weekday periods counted in weeks start on, or null if not given
 * @param anchor a day a period started (the rent day, else the tenancy's start), or null if not known
 * @param anchorIsRentDay whether the anchor is the rent day the case gave ({@code tenancy.periodStartDate})
 */
public record RentPeriods(RentFrequency frequency, DayOfWeek weekStart, LocalDate anchor, boolean anchorIsRentDay) {

    public RentPeriods(RentFrequency frequency, DayOfWeek weekStart, LocalDate anchor) {
        this(frequency, weekStart, anchor, false);
    }

    public static RentPeriods of(CaseFacts.Tenancy tenancy) {
        return new RentPeriods(tenancy.rentFrequency(), weekdayOf(tenancy), anchorOf(tenancy), tenancy.periodStartDate() != null);
    }

    /** A day a rent period began: {@code tenancy.periodStartDate} (the rent day) when given, else the tenancy's start. */
    static LocalDate anchorOf(CaseFacts.Tenancy tenancy) {
        return tenancy.periodStartDate() != null ? tenancy.periodStartDate() : tenancy.startDate();
    }

    /** The weekday periods counted in weeks start on: {@code periodStartDay}, else the rent day's weekday; null if neither. */
    static DayOfWeek weekdayOf(CaseFacts.Tenancy tenancy) {
        if (tenancy.periodStartDay() != null) {
            return tenancy.periodStartDay();
        }
        return tenancy.periodStartDate() == null ? null : tenancy.periodStartDate().getDayOfWeek();
    }

    /** Whether the case tells the first day of every period (not only the weekday). */
    public boolean exact() {
        return switch (frequency) {
            case MONTHLY -> anchor != null;
            case WEEKLY -> weekStart != null;
            case FORTNIGHTLY, FOUR_WEEKLY -> weekStart != null && anchor != null;
        };
    }

    /** Whether anything about the boundaries is known (for weekly-based rent, at least the weekday). */
    public boolean known() {
        return frequency == RentFrequency.MONTHLY ? anchor != null : weekStart != null;
    }

    /** Whether the date can be the first or the last day of a rent period; true where the case does not tell. */
    public boolean onBoundary(LocalDate date) {
        if (!known()) {
            return true;
        }
        return startsPeriod(date) || startsPeriod(date.plusDays(1));
    }

    /** The first date on or after {@code from} that can be the first or last day of a rent period. */
    public LocalDate firstBoundary(LocalDate from) {
        LocalDate date = from;
        while (!onBoundary(date)) {
            date = date.plusDays(1);
        }
        return date;
    }

    /** The last date before {@code date} that can be the first or last day of a rent period. */
    public LocalDate lastBoundaryBefore(LocalDate date) {
        LocalDate before = date.minusDays(1);
        while (!onBoundary(before)) {
            before = before.minusDays(1);
        }
        return before;
    }

    /**
     * The earliest day one whole period's notice given on {@code servedOn} can end, where the periods are known
     * exactly: served on a period's first day, the first day of the next period (a notice's length counts the day
     * of service but not the day it ends, so ending on that period's last day is a day short of a month); served
     * later in a period, the last day of the next period. Otherwise one period's length after service (the
     * boundary, if the weekday is known, is found by {@link #firstBoundary}).
     */
    public LocalDate wholePeriodEnd(LocalDate servedOn) {
        if (frequency == RentFrequency.MONTHLY && anchor != null) {
            LocalDate start = monthlyStart(YearMonth.from(servedOn));
            if (start.equals(servedOn)) {
                return monthlyStart(YearMonth.from(servedOn).plusMonths(1));
            }
            if (start.isBefore(servedOn)) {
                start = monthlyStart(YearMonth.from(servedOn).plusMonths(1));
            }
            return monthlyStart(YearMonth.from(start).plusMonths(1)).minusDays(1);
        }
        return switch (frequency) {
            case WEEKLY -> servedOn.plusWeeks(1);
            case FORTNIGHTLY -> servedOn.plusWeeks(2);
            case FOUR_WEEKLY -> servedOn.plusWeeks(4);
            case MONTHLY -> servedOn.plusMonths(1);
        };
    }

    /** In words, for a notice's conditions: how the boundary was found. */
    public String describe() {
        if (frequency == RentFrequency.MONTHLY) {
            return anchor == null ? "the tenancy's start date is not given, so the day of the month rent periods start on is not known"
                    : "monthly rent periods start on day " + anchor.getDayOfMonth() + " of each month ("
                            + (anchorIsRentDay ? "the rent day given is " : "the tenancy began on ") + anchor + "; in a shorter month, its last day)";
        }
        if (weekStart == null) {
            return "the day rent periods start on is not given";
        }
        String day = weekStart.name().charAt(0) + weekStart.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        return "rent periods start on " + day + (!exact() ? "" : anchorIsRentDay ? ", counted from the rent day " + anchor : ", counted from the tenancy's start");
    }

    private boolean startsPeriod(LocalDate date) {
        if (frequency == RentFrequency.MONTHLY) {
            return date.equals(monthlyStart(YearMonth.from(date)));
        }
        if (date.getDayOfWeek() != weekStart) {
            return false;
        }
        int weeks = frequency == RentFrequency.FORTNIGHTLY ? 2 : frequency == RentFrequency.FOUR_WEEKLY ? 4 : 1;
        if (weeks == 1 || anchor == null) {
            return true;
        }
        LocalDate first = anchor.with(TemporalAdjusters.nextOrSame(weekStart));
        return Math.floorMod(ChronoUnit.WEEKS.between(first, date), weeks) == 0;
    }

    private LocalDate monthlyStart(YearMonth month) {
        return month.atDay(Math.min(anchor.getDayOfMonth(), month.lengthOfMonth()));
    }
}
