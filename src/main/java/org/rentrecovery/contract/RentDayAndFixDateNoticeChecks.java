package org.rentrecovery.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rentrecovery.contract.Problem.FieldError;

/**
 * Cross-field rules for the rent day ({@code tenancy.periodStartDate}) and the notice before an application to
 * fix the date for possession ({@code recovery.courtOrder.fixDateNoticeGivenOn}); kept apart from
 * {@link CaseConsistency} so that each stays small. Each rule names the field to correct.
 */
final class RentDayAndFixDateNoticeChecks {
    private RentDayAndFixDateNoticeChecks() {
    }

    static List<FieldError> check(CaseFacts facts) {
        List<FieldError> errors = new ArrayList<>();
        CaseFacts.Tenancy t = facts.tenancy();
        LocalDate rentDay = t.periodStartDate();
        if (rentDay != null) {
            if (t.startDate() != null && rentDay.isBefore(t.startDate())) {
                errors.add(new FieldError("tenancy.periodStartDate", "is before tenancy.startDate: no rent period began before the tenancy"));
            }
            if (t.periodStartDay() != null && t.rentFrequency() != Vocabulary.RentFrequency.MONTHLY
                    && rentDay.getDayOfWeek() != t.periodStartDay()) {
                errors.add(new FieldError("tenancy.periodStartDate", "is a " + dayName(rentDay) + ", but tenancy.periodStartDay is "
                        + t.periodStartDay() + ": a rent period starts on that weekday"));
            }
        }
        var order = facts.recovery() == null ? null : facts.recovery().courtOrder();
        LocalDate notice = order == null ? null : order.fixDateNoticeGivenOn();
        if (notice != null) {
            String field = "recovery.courtOrder.fixDateNoticeGivenOn";
            if (notice.isAfter(facts.asOf())) {
                errors.add(new FieldError(field, "is after asOf (" + facts.asOf() + "): it cannot have happened yet"));
            }
            if (order.type() != Vocabulary.CourtOrderType.POSTPONED) {
                errors.add(new FieldError(field, "is only for a POSTPONED order: only a postponed order leaves the date for"
                        + " possession to be fixed (CPR PD 55A para 10)"));
            } else if (order.madeOn() != null && notice.isBefore(order.madeOn())) {
                errors.add(new FieldError(field, "is before recovery.courtOrder.madeOn: the notice is of a breach of the order"));
            }
        }
        return errors;
    }

    private static String dayName(LocalDate date) {
        String name = date.getDayOfWeek().name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
