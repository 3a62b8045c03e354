package org.rentrecovery.analysis;

import java.time.LocalDate;

import org.rentrecovery.law.LegalParameters;

/**
 * The landlord's written notice to the tenant before applying to fix the date for possession under a postponed
 * order (CPR PD 55A para 10.3): it must be given at least 14 days and not more than 3 months before the
 * application. Days are clear days (CPR 2.8): neither the day the notice is given nor the day of the application
 * counts, so the first day to apply is 15 days after the notice. docs/law.md#postponed-possession-orders.
 *
 * @param givenOn the day the notice was given
 * @param applyFrom the first day an application may be made on it
 * @param applyBy the last day an application may be made on it
 */
public record FixDateNotice(LocalDate givenOn, LocalDate applyFrom, LocalDate applyBy) {

    /** The window of a notice given on the day; null when no notice is recorded. */
    public static FixDateNotice givenOn(LocalDate givenOn, LegalParameters law) {
        if (givenOn == null) {
            return null;
        }
        return new FixDateNotice(givenOn, givenOn.plusDays(law.fixed("fixDateNoticeClearDays") + 1L),
                givenOn.plusMonths(law.fixed("fixDateNoticeMaxMonths")));
    }

    /** Why an application on the day cannot rely on this notice, or null when it can. */
    public String defectOn(LocalDate on) {
        if (on.isBefore(applyFrom)) {
            return "The notice of the intention to apply was given on " + givenOn + ": an application to fix the date for possession"
                    + " needs at least 14 clear days after it, so the first day to apply is " + applyFrom + ".";
        }
        if (on.isAfter(applyBy)) {
            return "The notice of the intention to apply was given on " + givenOn + ", more than 3 months before " + on
                    + " (the last day to apply on it was " + applyBy + "): give the tenant a fresh notice and apply 14 clear days"
                    + " to 3 months after it.";
        }
        return null;
    }
}
