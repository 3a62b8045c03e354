package org.rentrecovery.limitation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
    private final boolean derivedFromTenancyEnd;
    private boolean mergedIntoJudgment;
    private String restartedBy;
    private boolean bindsOnlySigner;
    private final List<LocalDate> lateAcknowledgments = new ArrayList<>();
    /** Rule name to the sentence it contributed, in firing order. */
    private final Map<String, String> explanations = new LinkedHashMap<>();
    /** For a rule that fires once per acknowledgment: the date its kept sentence is about. */
    private final Map<String, LocalDate> explainedDates = new HashMap<>();

    public ChargeLimit(LocalDate dueDate, BigDecimal amount) {
        this(dueDate, amount, false);
    }

    /**
     * @param derivedFromTenancyEnd no charges were listed: the whole balance stands as one charge due on the
     *        day the tenancy ended, the latest day any of it can have fallen due
     */
    public ChargeLimit(LocalDate dueDate, BigDecimal amount, boolean derivedFromTenancyEnd) {
        this.dueDate = dueDate;
        this.amount = amount;
        this.derivedFromTenancyEnd = derivedFromTenancyEnd;
    }

    public LocalDate getDueDate() { return dueDate; }
    public BigDecimal getAmount() { return amount; }
    public LocalDate getLastDayToSue() { return lastDayToSue; }
    public boolean isHeldOpen() { return heldOpen; }
    public LocalDate getRestartedOn() { return restartedOn; }
    public boolean isExtendedByBreathingSpace() { return extendedByBreathingSpace; }
    public boolean isDerivedFromTenancyEnd() { return derivedFromTenancyEnd; }
    public boolean isMergedIntoJudgment() { return mergedIntoJudgment; }
    public String getRestartedBy() { return restartedBy; }
    public boolean isBindsOnlySigner() { return bindsOnlySigner; }
    public List<LocalDate> getLateAcknowledgments() { return lateAcknowledgments.stream().sorted().toList(); }
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
    public void setMergedIntoJudgment(boolean merged) { this.mergedIntoJudgment = merged; }
    public void setRestartedBy(String tenantId) { this.restartedBy = tenantId; }
    public void setBindsOnlySigner(boolean only) { this.bindsOnlySigner = only; }

    public void explain(String rule, String sentence) {
        explanations.put(rule, sentence);
    }

    /**
     * For a rule that fires once per payment or acknowledgment, in an order the engine does not fix: keep
     * the sentence about the latest date (on the same date, the greater sentence), so the same case always
     * gets the same answer.
     */
    public void explainLatest(String rule, LocalDate about, String sentence) {
        LocalDate kept = explainedDates.get(rule);
        boolean later = kept == null || about.isAfter(kept)
                || (about.equals(kept) && sentence.compareTo(explanations.get(rule)) > 0);
        if (later) {
            explainedDates.put(rule, about);
            explanations.put(rule, sentence);
        }
    }

    public void noteLateAcknowledgment(LocalDate date) {
        if (!lateAcknowledgments.contains(date)) {
            lateAcknowledgments.add(date);
        }
    }

    ChargeOutcome outcome() {
        return new ChargeOutcome(dueDate, amount, heldOpen || mergedIntoJudgment ? null : lastDayToSue, heldOpen, restartedOn,
                extendedByBreathingSpace, getLateAcknowledgments(), new LinkedHashMap<>(explanations), mergedIntoJudgment,
                restartedBy, bindsOnlySigner, derivedFromTenancyEnd);
    }

    /** The settled result for one charge. */
    public record ChargeOutcome(LocalDate dueDate, BigDecimal amount, LocalDate lastDayToSue, boolean heldOpen,
            LocalDate restartedOn, boolean extendedByBreathingSpace, List<LocalDate> lateAcknowledgments,
            Map<String, String> explanations, boolean mergedIntoJudgment, String restartedBy, boolean bindsOnlySigner,
            boolean derivedFromTenancyEnd) {

        /**
         * Barred on the date: the last day to sue has passed (never while a moratorium holds it open, nor once
         * the rent has gone into a judgment). Against every tenant: an acknowledgment keeps the charge alive
         * at least against its signer.
         */
        public boolean barredOn(LocalDate on) {
            return !heldOpen && !mergedIntoJudgment && on.isAfter(lastDayToSue);
        }

        /** Still open to a claim on the date, and the period runs (not held open, not in a judgment). */
        public boolean running() {
            return !heldOpen && !mergedIntoJudgment;
        }
    }
}
