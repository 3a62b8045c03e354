package org.rentrecovery.analysis;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.rentrecovery.contract.ActionCategory;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Vocabulary.StepOutcome;

/**
 * The recovery steps recorded in the current arrears episode, the service's and the landlord's own
 * codes alike, newest first, each with its category and outcome: what a landlord's table counts
 * ("two failed calls", "letters since the visit") or measures ("days since our own code").
 */
public final class EpisodeSteps {

    /** One recorded step, as a table sees it. */
    public record Step(String code, ActionCategory category, LocalDate date, long daysAgo, StepOutcome outcome) {
    }

    private final List<Step> steps;

    /**
     * @param landlordCodes the policy's own codes and their categories (a code it does not declare has none)
     */
    public EpisodeSteps(CaseFacts facts, LocalDate episodeStart, Map<String, ActionCategory> landlordCodes) {
        List<Step> found = new ArrayList<>();
        List<CaseFacts.RecoveryAction> actions = facts.recovery() == null ? null : facts.recovery().actions();
        if (actions != null) {
            for (CaseFacts.RecoveryAction action : actions) {
                if (episodeStart != null && !action.date().isAfter(episodeStart)) {
                    continue;
                }
                boolean landlords = action.type() == ActionType.LANDLORD_ACTION;
                String code = landlords ? action.code() : action.type().name();
                ActionCategory category = landlords ? landlordCodes.get(code) : action.type().category();
                found.add(new Step(code, category, action.date(), ChronoUnit.DAYS.between(action.date(), facts.asOf()), action.outcome()));
            }
        }
        // Newest first; on one day, the later entry of the request first (the order it was recorded in).
        List<Step> ordered = new ArrayList<>(found);
        java.util.Collections.reverse(ordered);
        ordered.sort(Comparator.comparing(Step::date).reversed());
        this.steps = List.copyOf(ordered);
    }

    public List<Step> steps() {
        return steps;
    }

    /** Days since each code was last recorded in this episode. */
    public Map<String, Long> daysSinceEach() {
        Map<String, Long> days = new TreeMap<>();
        for (Step step : steps) {
            days.putIfAbsent(step.code(), step.daysAgo());
        }
        return days;
    }

    /** How often each code was recorded in this episode; with {@code outcome}, only those with it. */
    public Map<String, Long> timesEach(StepOutcome outcome) {
        Map<String, Long> times = new TreeMap<>();
        for (Step step : steps) {
            if (outcome == null || step.outcome() == outcome) {
                times.merge(step.code(), 1L, Long::sum);
            }
        }
        return times;
    }

    /** Steps of the category recorded in this episode. */
    public long count(ActionCategory category) {
        return steps.stream().filter(s -> s.category() == category).count();
    }

    /**
     * Failed attempts to reach the tenant in a row: contact and visit steps recorded FAILED, counted back
     * from the latest, until one that did not fail (succeeded, or its outcome is not known).
     */
    public long failedContactAttemptsInARow() {
        long failed = 0;
        for (Step step : steps) {
            if (step.category() != ActionCategory.CONTACT && step.category() != ActionCategory.VISIT) {
                continue;
            }
            if (step.outcome() != StepOutcome.FAILED) {
                break;
            }
            failed++;
        }
        return failed;
    }
}
