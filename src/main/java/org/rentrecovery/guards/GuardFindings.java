package org.rentrecovery.guards;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rentrecovery.casefacts.ActionType;

/** Collects the guards' verdicts during one evaluation, and which rules fired. */
public final class GuardFindings {
    private final Map<StepUnderReview, List<GuardBlock>> blocks = new IdentityHashMap<>();
    private final Set<String> rulesFired = new LinkedHashSet<>();

    public void block(StepUnderReview step, String guard, String rule, String text, String reference,
            LocalDate until, ActionType... requires) {
        blocks.computeIfAbsent(step, s -> new ArrayList<>())
                .add(new GuardBlock(guard, rule, text, reference, until, List.of(requires)));
        rulesFired.add(rule);
    }

    public List<GuardBlock> blocksFor(StepUnderReview step) {
        return blocks.getOrDefault(step, List.of());
    }

    public List<GuardBlock> allBlocks() {
        return blocks.values().stream().flatMap(List::stream).toList();
    }

    public Set<String> rulesFired() {
        return rulesFired;
    }
}
