package org.rentrecovery.guards;

import java.util.List;

/** The guards' verdicts on the steps of one review. */
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
}
