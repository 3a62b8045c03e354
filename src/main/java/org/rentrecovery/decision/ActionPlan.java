package org.rentrecovery.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.escalation.EscalationOutcome;
import org.rentrecovery.escalation.PolicyAction;
import org.rentrecovery.guards.GuardBlock;
import org.rentrecovery.guards.GuardFindings;
import org.rentrecovery.guards.StepUnderReview;

/**
 * The steps of the decision in priority order (prerequisites ahead of the steps they unlock at the same
 * priority), each either permitted or blocked with the guards' reasons, and the next action: the first
 * permitted step, else a wait with the reason the first blocked step is held.
 */
record ActionPlan(List<Decision.RecommendedAction> permitted, List<Decision.BlockedAction> blocked) {

    private record Candidate(PolicyAction action, List<GuardBlock> blocks, int order) {
    }

    static ActionPlan of(GuardedSteps.Review review, PrerequisitePlanner.Plan prerequisites, CaseAnalysis analysis) {
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<StepUnderReview, PolicyAction> e : prerequisites.steps().entrySet()) {
            candidates.add(new Candidate(e.getValue(), prerequisites.blocksFor(e.getKey()), candidates.size()));
        }
        GuardFindings findings = review.findings();
        for (Map.Entry<StepUnderReview, PolicyAction> e : review.recommended().entrySet()) {
            candidates.add(new Candidate(e.getValue(), findings.blocksFor(e.getKey()), candidates.size()));
        }
        candidates.sort(Comparator.comparing((Candidate c) -> c.action.priority()).thenComparing(c -> c.order));

        List<Decision.RecommendedAction> permitted = new ArrayList<>();
        List<Decision.BlockedAction> blocked = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.blocks.isEmpty()) {
                permitted.add(Recommendations.of(c.action, analysis, analysis.asOf()));
            } else {
                blocked.add(new Decision.BlockedAction(c.action.action(), c.action.owner(),
                        c.blocks.stream().map(ActionPlan::block).toList(), c.action.code(), c.action.category()));
            }
        }
        return new ActionPlan(permitted, blocked);
    }

    static Decision.Block block(GuardBlock b) {
        return new Decision.Block(b.guard(), b.rule(), b.text(), b.reference(), b.until(), b.requires());
    }

    boolean permits(ActionType type) {
        return permitted.stream().anyMatch(r -> r.type() == type);
    }

    /** Whether a permitted step carries this code (a landlord's own, or a service action's name). */
    boolean permitsCode(String code) {
        return permitted.stream().anyMatch(r -> code.equals(r.code()));
    }

    Decision.NextAction nextAction(EscalationOutcome policy, LocalDate asOf) {
        if (!permitted.isEmpty()) {
            Decision.RecommendedAction first = permitted.get(0);
            return new Decision.NextAction(first.type(), first.owner(), first.dueBy(), first.approval(), first.reason(),
                    first.code(), first.category());
        }
        String owner = policy.actions().isEmpty() ? "STAGE_1_OFFICER" : policy.actions().get(0).owner();
        if (!blocked.isEmpty()) {
            Decision.BlockedAction held = blocked.get(0);
            Decision.Block why = held.blockedBy().get(0);
            return new Decision.NextAction(ActionType.NO_ACTION, owner, why.until(), null,
                    "Nothing can be done yet: " + held.code() + " is held. " + why.text(), ActionType.NO_ACTION.name(),
                    ActionType.NO_ACTION.category());
        }
        String reason = policy.actions().isEmpty() ? policy.explanation() : policy.actions().get(0).reason();
        // A policy row that says "wait" may say until when (e.g. 28 days after the final account letter).
        Integer waitDays = policy.actions().isEmpty() ? null : policy.actions().get(0).dueInDays();
        return new Decision.NextAction(ActionType.NO_ACTION, owner, waitDays == null ? null : asOf.plusDays(waitDays), null, reason,
                ActionType.NO_ACTION.name(), ActionType.NO_ACTION.category());
    }
}
