package org.rentrecovery.decision;

import java.util.List;

import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.analysis.LegalPosition;
import org.rentrecovery.benefitcap.BenefitCapAssessment;
import org.rentrecovery.benefitcap.IncomeFirst;
import org.rentrecovery.engine.ModelSet;
import org.rentrecovery.escalation.EscalationOutcome;
import org.rentrecovery.escalation.EscalationPolicy;
import org.rentrecovery.escalation.PolicyAction;
import org.rentrecovery.routing.RoutingOutcome;
import org.rentrecovery.routing.TeamRouting;
import org.rentrecovery.writeoff.WriteOffAssessment;

/**
 * The landlord's policy for one case, read from one policy version: the escalation ladder (or, for a
 * former tenancy, the former tenant pathway), the write-off and benefit cap tables and the team routing.
 * Policy only recommends: what the law holds back is decided afterwards by the guards.
 */
final class PolicyEvaluation {
    private final EscalationPolicy escalation;
    private final TeamRouting routing;
    private final WriteOffAssessment writeOffs;
    private final BenefitCapAssessment benefitCap;

    PolicyEvaluation(EscalationPolicy escalation, TeamRouting routing, WriteOffAssessment writeOffs, BenefitCapAssessment benefitCap) {
        this.escalation = escalation;
        this.routing = routing;
        this.writeOffs = writeOffs;
        this.benefitCap = benefitCap;
    }

    /**
     * What every table of the policy says about the case.
     *
     * @param ladder  the escalation step and its actions (the pathway's step in place of them for a former tenancy)
     * @param actions the steps recommended, income-maximisation steps merged into the ladder's
     */
    record Reading(EscalationOutcome ladder, WriteOffAssessment.Outcome writeOff, RoutingOutcome route,
            BenefitCapAssessment.Result cap, List<PolicyAction> actions) {
    }

    Reading evaluate(ModelSet models, CaseAnalysis analysis, LegalPosition today) {
        EscalationOutcome ladder = escalation.decide(models, analysis, today);
        WriteOffAssessment.Outcome writeOff = writeOffs.assess(models, analysis, today);
        if (analysis.formerTenancy()) {
            // The ladder hands a former tenancy to the former tenant pathway (its FORMER_TENANCY row),
            // whose table decides the step from here.
            ladder = formerTenantPathway(ladder, writeOffs.pathwayStep(models, analysis, writeOff.decision()));
        }
        RoutingOutcome route = routing.route(models, analysis, today, ladder.step());
        BenefitCapAssessment.Result cap = benefitCap.assess(models, analysis);
        // Income-maximisation steps join the ladder's, ahead of enforcement where the cap policy says so.
        List<PolicyAction> actions = IncomeFirst.merge(ladder.actions(), cap.benefitCap().incomeActions(), cap.repaymentPlan());
        return new Reading(ladder, writeOff, route, cap, actions);
    }

    /** The ladder's step for a former tenancy, with the pathway's step in place of the ladder's actions. */
    private static EscalationOutcome formerTenantPathway(EscalationOutcome ladder, PolicyAction step) {
        return new EscalationOutcome(ladder.step(), ladder.stage(), ladder.explanation(), ladder.stepRow(), List.of(step),
                ladder.rowsMatched(), ladder.helperRows(), ladder.reference());
    }
}
