package org.rentrecovery.guards;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The guards' verdicts on the steps of one review, and which rules fired. */
public final class GuardFindings {
    private final List<StepUnderReview> steps;

    GuardFindings(List<StepUnderReview> steps) {
        this.steps = List.copyOf(steps);
    }

    public List<GuardBlock> blocksFor(StepUnderReview step) {
        return step.blocks();
    }

    public List<GuardBlock> allBlocks() {
        return steps.stream().flatMap(s -> s.blocks().stream()).toList();
    }

    public Set<String> rulesFired() {
        Set<String> rules = new LinkedHashSet<>();
        allBlocks().forEach(b -> rules.add(b.rule()));
        return rules;
    }
}
