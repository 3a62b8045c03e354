package org.rentrecovery.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.rentrecovery.contract.Problem.FieldError;

/**
 * The field errors the cross-field rules find ({@link CaseConsistency}), in the order found, with the rule most
 * of them share: an event dated after asOf cannot have happened yet.
 */
final class ConsistencyErrors {
    private final LocalDate asOf;
    private final List<FieldError> errors = new ArrayList<>();

    ConsistencyErrors(LocalDate asOf) {
        this.asOf = asOf;
    }

    void notAfterAsOf(String field, LocalDate date) {
        if (date != null && date.isAfter(asOf)) {
            error(field, "is after asOf (" + asOf + "): it cannot have happened yet");
        }
    }

    /** Each of the dates (one per item of a list field) is not after asOf; the field names the item. */
    <T> void eachNotAfterAsOf(String listField, List<T> items, Function<T, LocalDate> date, String dateField) {
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            notAfterAsOf(listField + "[" + i + "]." + dateField, date.apply(items.get(i)));
        }
    }

    void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    List<FieldError> list() {
        return errors;
    }
}
