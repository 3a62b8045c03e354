package org.rentrecovery.limitation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last day each unpaid charge can be sued for, as the limitation rules decided it, and what
 * follows on any date: the statute-barred amount and when the next amount becomes barred.
 */
public record LimitationSchedule(List<ChargeLimit.ChargeOutcome> charges, String reference) {
    public static final String RULE_PREFIX = "LimitationRules: ";

    public static LimitationSchedule none(String reference) {
        return new LimitationSchedule(List.of(), reference);
    }

    /** The part of the unpaid charges that can no longer be sued for on the date. */
    public BigDecimal barredAmount(LocalDate on) {
        return charges.stream().filter(c -> c.barredOn(on)).map(ChargeLimit.ChargeOutcome::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** The first day after {@code on} on which a further charge becomes barred; null if none will (yet). */
    public LocalDate nextBarDate(LocalDate on) {
        return charges.stream().filter(c -> c.running() && !c.barredOn(on)).map(c -> c.lastDayToSue().plusDays(1))
                .min(Comparator.naturalOrder()).orElse(null);
    }

    /** The amount that becomes barred on {@link #nextBarDate(LocalDate)}. */
    public BigDecimal nextBarAmount(LocalDate on) {
        LocalDate next = nextBarDate(on);
        if (next == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        return charges.stream().filter(c -> c.running() && c.lastDayToSue().plusDays(1).equals(next))
                .map(ChargeLimit.ChargeOutcome::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** Each limitation rule that fired, with one sentence it produced (the first charge it concerned). */
    public Map<String, String> rulesFired() {
        Map<String, String> fired = new LinkedHashMap<>();
        for (ChargeLimit.ChargeOutcome c : charges) {
            c.explanations().forEach((rule, text) -> fired.putIfAbsent(RULE_PREFIX + rule, text));
        }
        return fired;
    }
}
