package org.rentrecovery.decision;

import java.util.ArrayList;
import java.util.List;

import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.analysis.LegalPosition;
import org.rentrecovery.analysis.RoutingTrigger;
import org.rentrecovery.contract.Reason;
import org.rentrecovery.contract.RentArithmetic;
import org.rentrecovery.escalation.EscalationOutcome;
import org.rentrecovery.escalation.PolicyAction;
import org.rentrecovery.routing.RoutingOutcome;
import org.rentrecovery.routing.TeamRouting;
import org.rentrecovery.writeoff.WriteOffAssessment;

/**
 * Why the decision says what it says, in the order it was reached: the facts derived, the ladder's step
 * and actions, the routing, the benefit cap, the legal guards that fired and the write-off findings.
 */
final class DecisionExplanation {
    private DecisionExplanation() {
    }

    static List<Reason> explain(CaseAnalysis analysis, LegalPosition today, PolicyEvaluation.Reading policy,
            GuardedSteps.Review review, PrerequisitePlanner.Plan prerequisites) {
        ReasonCollector reasons = new ReasonCollector().add(arrears(analysis));
        if (today.tenancy().statusExplanation() != null) {
            reasons.add("facts#tenancy-status", today.tenancy().statusExplanation(),
                    "Housing Act 1996 s.125, s.125A, s.130; docs/law.md#introductory-tenancies");
        }
        ClaimReadiness.hearingTiming(analysis.facts()).ifPresent(reasons::add);
        EscalationOutcome ladder = policy.ladder();
        String ladderReference = ladder.reference();
        for (EscalationOutcome.HelperRow helper : ladder.helperRows()) {
            reasons.add(helper.row(), helperSentence(helper), ladderReference);
        }
        reasons.add(ladder.stepRow(), ladder.explanation(), ladderReference);
        for (PolicyAction action : ladder.actions()) {
            reasons.add(action.row(), action.code() + ": " + action.reason(), action.reference());
        }
        reasons.addAll(routing(policy.route()));
        reasons.addAll(policy.cap().explanations());
        reasons.addGuards(review.findings()).addGuards(prerequisites.findings());
        return reasons.addAll(policy.writeOff().reasons()).list();
    }

    /** A helper row's own note; a row whose table keeps no notes is still named, so the answer shows what fed the rung. */
    static String helperSentence(EscalationOutcome.HelperRow helper) {
        if (helper.note() != null) {
            return helper.note();
        }
        int slash = helper.row().lastIndexOf('/');
        return "The ladder's table " + helper.row().substring(0, slash) + " selected its row " + helper.row().substring(slash + 1)
                + " (the table has no note column saying why).";
    }

    /** The reasons of the write-off part alone: the arrears and the write-off findings. */
    static List<Reason> explainWriteOff(CaseAnalysis analysis, WriteOffAssessment.Outcome writeOff) {
        return new ReasonCollector().add(arrears(analysis)).addAll(writeOff.reasons()).list();
    }

    /** The routing rows that fired: the complex-case trigger (when any is present) and the team. */
    static List<Reason> routing(RoutingOutcome r) {
        List<Reason> out = new ArrayList<>();
        List<String> complex = r.triggers().stream().filter(RoutingTrigger::isComplexCase)
                .map(t -> t.name() + (t.hactPersonAlert() == null ? " (no HACT person alert)" : " (HACT person alert " + t.hactPersonAlert() + ")"))
                .toList();
        if (!complex.isEmpty()) {
            out.add(new Reason(r.triggerRow(), "Complex-case triggers present: " + String.join(", ", complex)
                    + ". They need a person's judgement before any enforcement.", "docs/policy.md#team-routing: " + TeamRouting.MODEL_LOCATION));
        }
        out.add(new Reason(r.teamRow(), "Routed to " + r.team() + " by " + r.decidingTrigger()
                + (r.escalationPaused() ? ", escalation paused" : "") + ": " + r.instruction(), r.reference()));
        return out;
    }

    private static Reason arrears(CaseAnalysis a) {
        return new Reason("facts#arrears", arrearsSentence(a), "docs/law.md#thresholds");
    }

    private static String arrearsSentence(CaseAnalysis a) {
        if (a.balance().signum() <= 0) {
            return "The balance is " + a.balance() + ": the account is clear or in credit.";
        }
        return "Arrears of " + a.balance() + " are " + RentArithmetic.twoPlaces(a.weeksOfRent()) + " weeks' rent ("
                + RentArithmetic.twoPlaces(a.monthsOfRent()) + " months') at a weekly rent of "
                + RentArithmetic.pounds(a.weeklyRent()) + "; real arrears, without technical arrears, are "
                + RentArithmetic.pounds(a.realArrears()) + ".";
    }
}
