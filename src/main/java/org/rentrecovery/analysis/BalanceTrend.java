package org.rentrecovery.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.rentrecovery.contract.CaseFacts;

/**
 * The balance over time from account.balanceHistory and today's balance: what it was some weeks ago
 * and which way the arrears are going, for a landlord's table ("arrears rising over 4 weeks").
 */
public final class BalanceTrend {

    /** A balance on a day, with how many days before the decision date it was. */
    public record Point(LocalDate date, BigDecimal balance, long daysAgo) {
    }

    private final List<Point> points;

    public BalanceTrend(CaseFacts facts) {
        LocalDate asOf = facts.asOf();
        List<Point> found = new ArrayList<>();
        found.add(new Point(asOf, facts.account().balance(), 0));
        if (facts.account().balanceHistory() != null) {
            for (CaseFacts.BalancePoint point : facts.account().balanceHistory()) {
                if (point.date().isBefore(asOf)) {
                    found.add(new Point(point.date(), point.balance(), ChronoUnit.DAYS.between(point.date(), asOf)));
                }
            }
        }
        found.sort(Comparator.comparing(Point::date).reversed());
        this.points = List.copyOf(found);
    }

    /** Today's balance, then each recorded one, newest first. */
    public List<Point> points() {
        return points;
    }

    /** The balance on the latest recorded day at least {@code weeks} weeks before the decision date; null if none is recorded. */
    public BigDecimal weeksAgo(int weeks) {
        return on(points.get(0).date().minusWeeks(weeks));
    }

    /** Today's balance less the one {@code weeks} weeks ago: positive when the arrears grew; null when not known. */
    public BigDecimal changeOver(int weeks) {
        return changeSince(points.get(0).date().minusWeeks(weeks));
    }

    /**
     * The balance on a day: the latest one recorded on or before it (today's balance for the decision date or
     * later); null when none is recorded that early.
     */
    public BigDecimal on(LocalDate day) {
        for (Point point : points) {
            if (!point.date().isAfter(day)) {
                return point.balance();
            }
        }
        return null;
    }

    /** Today's balance less the one {@link #on(LocalDate) on the day}: positive when the arrears grew since; null when not known. */
    public BigDecimal changeSince(LocalDate day) {
        BigDecimal then = on(day);
        return then == null ? null : points.get(0).balance().subtract(then);
    }

    /** RISING, FALLING or FLAT over the weeks; NOT_KNOWN without a balance recorded that long ago. */
    public String direction(int weeks) {
        BigDecimal change = changeOver(weeks);
        if (change == null) {
            return "NOT_KNOWN";
        }
        return change.signum() > 0 ? "RISING" : change.signum() < 0 ? "FALLING" : "FLAT";
    }
}
