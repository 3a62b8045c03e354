package org.rentrecovery.limitation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One unpaid charge and the last day it can be sued for, as the limitation rules work it out.
 * {@code lastDayToSue == null} until the first rule sets the basic period; {@link #isHeldOpen()}
 * while a moratorium with no known end keeps it from expiring.
 */
public final class ChargeLimit {
    private final LocalDate dueDate;
    private final BigDecimal amount;
    private LocalDate lastDayToSue;
    private boolean heldOpen;
    private LocalDate restartedOn;
    private boolean extendedByBreathingSpace;
    private final List<LocalDate> lateAcknowledgments = new ArrayList<>();
    /** Rule name to the sentence it contributed, in firing order. */
    private final Map<String, String> explanations = new LinkedHashMap<>();

    public ChargeLimit(LocalDate dueDate, BigDecimal amount) {
        this.dueDate = dueDate;
        this.amount = amount;
    }

    public LocalDate getDueDate() { return dueDate; }
    public BigDecimal getAmount() { return amount; }
    public LocalDate getLastDayToSue() { return lastDayToSue; }
    public boolean isHeldOpen() { return heldOpen; }
    public LocalDate getRestartedOn() { return restartedOn; }
    public boolean isExtendedByBreathingSpace() { return extendedByBreathingSpace; }
    public List<LocalDate> getLateAcknowledgments() { return List.copyOf(lateAcknowledgments); }
    public Map<String, String> getExplanations() { return Map.copyOf(explanations); }

    /** Whether the acknowledgment, made on the date, falls inside the period as it now stands. */
    public boolean isWithinPeriod(LocalDate date) {
        return lastDayToSue != null && !date.isBefore(dueDate) && (heldOpen || !date.isAfter(lastDayToSue));
    }

    // Called by rule consequences (inside modify blocks).
    public void setLastDayToSue(LocalDate lastDay) { this.lastDayToSue = lastDay; }
    public void setHeldOpen(boolean heldOpen) { this.heldOpen = heldOpen; }
    public void setRestartedOn(LocalDate restartedOn) { this.restartedOn = restartedOn; }
    public void setExtendedByBreathingSpace(boolean extended) { this.extendedByBreathingSpace = extended; }

    public void explain(String rule, String sentence) {
        explanations.put(rule, sentence);
    }

    public void noteLateAcknowledgment(LocalDate date) {
        if (!lateAcknowledgments.contains(date)) {
            lateAcknowledgments.add(date);
        }
    }

    ChargeOutcome outcome() {
        return new ChargeOutcome(dueDate, amount, heldOpen ? null : lastDayToSue, heldOpen, restartedOn,
                extendedByBreathingSpace, getLateAcknowledgments(), new LinkedHashMap<>(explanations));
    }

    /** The settled result for one charge. */
    public record ChargeOutcome(LocalDate dueDate, BigDecimal amount, LocalDate lastDayToSue, boolean heldOpen,
            LocalDate restartedOn, boolean extendedByBreathingSpace, List<LocalDate> lateAcknowledgments,
            Map<String, String> explanations) {

        /** Barred on the date: the last day to sue has passed (never while a moratorium holds it open). */
        public boolean barredOn(LocalDate on) {
            return !heldOpen && on.isAfter(lastDayToSue);
        }
    }
}
