package org.rentrecovery.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.rentrecovery.casefacts.CaseFacts;

/**
 * Limitation Act 1980 s.19 and s.29: each unpaid charge can be sued for until six years after it
 * fell due (the day it fell due is not counted, so the sixth anniversary is the last day). A
 * written acknowledgment or part payment made while the charge is still recoverable restarts the
 * six years from its date (s.29(5)); one made after expiry revives nothing (s.29(7)). A Breathing
 * Space that is running when a period would expire, or ended less than 8 weeks before, extends it
 * to 8 weeks after the moratorium ends (SI 2020/1311 reg 8).
 */
public final class Limitation {
    private static final int BREATHING_SPACE_EXTENSION_DAYS = 56;

    private Limitation() {
    }

    public static LocalDate lastDayToSue(LocalDate dueDate, List<CaseFacts.Acknowledgment> acknowledgments,
            LocalDate breathingSpaceStart, LocalDate breathingSpaceEnd) {
        int years = LegalParameters.current().fixed("limitationYears");
        LocalDate lastDay = dueDate.plusYears(years);
        if (acknowledgments != null) {
            for (CaseFacts.Acknowledgment ack : acknowledgments.stream()
                    .sorted(Comparator.comparing(CaseFacts.Acknowledgment::date)).toList()) {
                if (!ack.date().isBefore(dueDate) && !ack.date().isAfter(lastDay)) {
                    LocalDate restarted = ack.date().plusYears(years);
                    if (restarted.isAfter(lastDay)) {
                        lastDay = restarted;
                    }
                }
            }
        }
        if (breathingSpaceStart != null && !lastDay.isBefore(breathingSpaceStart)) {
            LocalDate extendedTo = breathingSpaceEnd == null ? null : breathingSpaceEnd.plusDays(BREATHING_SPACE_EXTENSION_DAYS);
            if (extendedTo == null) {
                return LocalDate.MAX;
            }
            if (!lastDay.isAfter(extendedTo)) {
                lastDay = extendedTo;
            }
        }
        return lastDay;
    }

    /** The part of the unpaid charges that can no longer be sued for on the date. */
    public static BigDecimal statuteBarredAmount(CaseFacts facts, LocalDate on, LocalDate bsStart, LocalDate bsEnd) {
        List<CaseFacts.UnpaidCharge> charges = facts.account().unpaidCharges();
        if (charges == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal barred = BigDecimal.ZERO.setScale(2);
        for (CaseFacts.UnpaidCharge charge : charges) {
            LocalDate lastDay = lastDayToSue(charge.dueDate(), facts.account().acknowledgments(), bsStart, bsEnd);
            if (on.isAfter(lastDay)) {
                barred = barred.add(charge.amount());
            }
        }
        return barred;
    }
}
