package org.rentrecovery.decision;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rentrecovery.analysis.LegalPosition;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.escalation.PolicyAction;
import org.rentrecovery.guards.GuardBlock;
import org.rentrecovery.guards.GuardFindings;
import org.rentrecovery.guards.GuardReview;
import org.rentrecovery.guards.StepUnderReview;

/**
 * Steps the law needs first (protocol steps, assessments) are recommended in place of the step they
 * unlock, when doing them would unlock it, and are themselves put to the guards. A step the policy
 * already recommends that another needs first moves up to the priority of the step it unlocks.
 */
final class PrerequisitePlanner {
    private final GuardReview guards;

    PrerequisitePlanner(GuardReview guards) {
        this.guards = guards;
    }

    /**
     * @param steps    each prerequisite the policy did not already recommend, as put to the guards
     * @param findings the guards' findings on those steps; null when there are none
     */
    record Plan(Map<StepUnderReview, PolicyAction> steps, GuardFindings findings) {
        List<GuardBlock> blocksFor(StepUnderReview step) {
            return findings.blocksFor(step);
        }
    }

    /** Plans the prerequisites of the reviewed steps; raises the priority of recommended ones in the review's map. */
    Plan plan(GuardedSteps.Review review, LegalPosition today) {
        Map<StepUnderReview, PolicyAction> recommended = review.recommended();
        Map<StepUnderReview, PolicyAction> prerequisites = new LinkedHashMap<>();
        Set<ActionType> alreadyRecommended = EnumSet.noneOf(ActionType.class);
        recommended.forEach((s, a) -> {
            if (!a.landlords()) {
                alreadyRecommended.add(s.getAction());
            }
        });
        // The copied entries are the map's own: a promotion below is seen by the later steps it unlocks.
        for (Map.Entry<StepUnderReview, PolicyAction> entry : List.copyOf(recommended.entrySet())) {
            List<GuardBlock> blocks = review.findings().blocksFor(entry.getKey());
            if (blocks.stream().anyMatch(b -> b.requires().isEmpty())) {
                continue; // held for a reason no step of ours can cure: doing the prerequisites now would not unblock it
            }
            for (GuardBlock block : blocks) {
                for (ActionType required : block.requires()) {
                    if (!alreadyRecommended.add(required)) {
                        promote(recommended, required, entry.getValue().priority());
                    } else {
                        prerequisites.put(new StepUnderReview(required, today, null, false), needed(required, entry.getValue(), block));
                    }
                }
            }
        }
        return new Plan(prerequisites, prerequisites.isEmpty() ? null : guards.review(new ArrayList<>(prerequisites.keySet())));
    }

    /** The prerequisite as a step of its own, at the priority, owner and time of the step it unlocks. */
    private static PolicyAction needed(ActionType required, PolicyAction unlocks, GuardBlock block) {
        return new PolicyAction(required, unlocks.priority(), unlocks.owner(), unlocks.dueInDays(), null,
                "Needed before " + unlocks.action() + ": " + block.text(), block.reference(),
                ReasonCollector.GUARD_RULE_PREFIX + block.rule());
    }

    /** A step the policy already recommends, needed before a more urgent one, moves up to it. */
    private static void promote(Map<StepUnderReview, PolicyAction> recommended, ActionType type, int priority) {
        recommended.replaceAll((step, a) -> a.action() == type && a.priority() > priority ? a.withPriority(priority) : a);
    }
}
