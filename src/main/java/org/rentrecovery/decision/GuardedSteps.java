package org.rentrecovery.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.analysis.LegalPosition;
import org.rentrecovery.contract.ActionCategory;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.escalation.PolicyAction;
import org.rentrecovery.guards.GuardFindings;
import org.rentrecovery.guards.GuardReview;
import org.rentrecovery.guards.LandlordSteps;
import org.rentrecovery.guards.StepUnderReview;

/**
 * Puts every step the policy recommends, and the step the case system proposes (if any), to the legal
 * guards on the day each would be taken. The guards can only hold or remove steps, never add one.
 */
final class GuardedSteps {
    private final GuardReview guards;

    GuardedSteps(GuardReview guards) {
        this.guards = guards;
    }

    /**
     * @param recommended each policy step as put to the guards, in the policy's order (its priorities may be
     *                    raised by {@link PrerequisitePlanner})
     * @param proposal    the case system's proposed step on its planned date, as put to the guards (a landlord's
     *                    code as the step of its category); null when none was proposed
     * @param proposalCategory the proposed step's category; for a landlord's code, the one its policy declares
     */
    record Review(Map<StepUnderReview, PolicyAction> recommended, StepUnderReview proposal, ActionCategory proposalCategory,
            GuardFindings findings) {
    }

    /** @param landlordCodes the policy's own action codes and their categories, by which a proposed landlord step is judged */
    Review review(List<PolicyAction> policyActions, CaseAnalysis analysis, LegalPosition today, Map<String, ActionCategory> landlordCodes) {
        Map<StepUnderReview, PolicyAction> recommended = new LinkedHashMap<>();
        for (PolicyAction action : policyActions) {
            if (action.action() != ActionType.NO_ACTION) {
                // A landlord's own code is put to the guards as the step of its category (LandlordSteps).
                ActionType judgedAs = action.landlords() ? LandlordSteps.judgedAs(action.category(), today) : action.action();
                recommended.put(new StepUnderReview(judgedAs, today, null, false), action);
            }
        }
        CaseFacts.ProposedAction proposed = analysis.facts().proposedAction();
        ActionCategory category = proposed == null ? null
                : proposed.type() == ActionType.LANDLORD_ACTION ? landlordCodes.get(proposed.code()) : proposed.type().category();
        StepUnderReview proposal = proposal(analysis, today, category);
        List<StepUnderReview> firstPass = new ArrayList<>(recommended.keySet());
        if (proposal != null) {
            firstPass.add(proposal);
        }
        return new Review(recommended, proposal, category, guards.review(firstPass));
    }

    /** The proposed step, judged on the law of its planned date (asOf when none is given). */
    private static StepUnderReview proposal(CaseAnalysis analysis, LegalPosition today, ActionCategory category) {
        CaseFacts.ProposedAction proposed = analysis.facts().proposedAction();
        if (proposed == null) {
            return null;
        }
        LocalDate asOf = analysis.asOf();
        LocalDate planned = proposed.plannedDate() == null ? asOf : proposed.plannedDate();
        LegalPosition position = planned.equals(asOf) ? today : analysis.positionForPlannedStep(planned);
        ActionType judgedAs = proposed.type() == ActionType.LANDLORD_ACTION ? LandlordSteps.judgedAs(category, position) : proposed.type();
        return new StepUnderReview(judgedAs, position, proposed.grounds(), true);
    }
}
