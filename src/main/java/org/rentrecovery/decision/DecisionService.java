package org.rentrecovery.decision;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.analysis.LegalPosition;
import org.rentrecovery.benefitcap.BenefitCapAssessment;
import org.rentrecovery.benefitcap.BenefitCapDecision;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.StepCodes;
import org.rentrecovery.contract.InvalidRequestException;
import org.rentrecovery.contract.Reason;
import org.rentrecovery.engine.ModelSet;
import org.rentrecovery.engine.PolicyModels;
import org.rentrecovery.engine.PolicyVersionInfo;
import org.rentrecovery.engine.UnknownPolicyVersionException;
import org.rentrecovery.escalation.EscalationPolicy;
import org.rentrecovery.guards.GuardReview;
import org.rentrecovery.routing.TeamRouting;
import org.rentrecovery.writeoff.WriteOffAssessment;

/**
 * Composes one decision: derived facts, then the landlord's policy tables, then the legal guards,
 * which can only remove or hold steps. The next action is the highest-priority step the law permits.
 * Each step of the decision is a collaborator of its own; {@link #decide(CaseFacts, ModelSet)} reads as their sequence.
 */
@ApplicationScoped
public class DecisionService {
    private final PolicyVersionInfo version;
    private final WriteOffAssessment writeOffs;
    private final BenefitCapAssessment benefitCap;
    private final PolicyModels policies;
    private final PolicyEvaluation policyEvaluation;
    private final GuardedSteps guardedSteps;
    private final PrerequisitePlanner prerequisitePlanner;

    /** Outside a CDI container (plain unit tests): the other rule units and tables are built from the same files. */
    public DecisionService(EscalationPolicy escalation, GuardReview guards, PolicyVersionInfo version) {
        this(escalation, guards, version, new TeamRouting(), WriteOffAssessment.standalone(), BenefitCapAssessment.standalone(),
                PolicyModels.seeded(version.current().version()));
    }

    @Inject
    public DecisionService(EscalationPolicy escalation, GuardReview guards, PolicyVersionInfo version, TeamRouting routing,
            WriteOffAssessment writeOffs, BenefitCapAssessment benefitCap, PolicyModels policies) {
        this.policies = policies;
        this.version = version;
        this.writeOffs = writeOffs;
        this.benefitCap = benefitCap;
        this.policyEvaluation = new PolicyEvaluation(escalation, routing, writeOffs, benefitCap);
        this.guardedSteps = new GuardedSteps(guards);
        this.prerequisitePlanner = new PrerequisitePlanner(guards);
    }

    /** The policy timeline this service decides under (what else a caller scores with the same decision's policy reads). */
    public PolicyModels policies() {
        return policies;
    }

    /** A decision under the policy version the request pins, else the one in force on the case's asOf. */
    public Decision decide(CaseFacts facts) {
        return decide(facts, modelsFor(facts));
    }

    /** The one policy version every table of this decision is read from. */
    public ModelSet modelsFor(CaseFacts facts) {
        if (pinsNoVersion(facts)) {
            return policies.forDate(facts.asOf());
        }
        try {
            return policies.pinned(facts.policyVersion());
        } catch (UnknownPolicyVersionException e) {
            throw new InvalidRequestException("policyVersion", "names no policy version this service can use ("
                    + facts.policyVersion() + "); leave it out to use the version in force on asOf, or see GET /api/policies");
        }
    }

    /**
     * Whether this case's models are compiled already: those in force on its date, or a pinned version on the
     * timeline. A version pinned off the timeline (a draft, an approved one not yet in force) may first be read from
     * the policy store and compiled ({@link PolicyModels#pinned}).
     */
    public boolean decidesWithCompiledModels(CaseFacts facts) {
        return pinsNoVersion(facts) || policies.onTimeline(facts.policyVersion());
    }

    private static boolean pinsNoVersion(CaseFacts facts) {
        return facts.policyVersion() == null || facts.policyVersion().isBlank();
    }

    /** A decision under the given policy version: every table of the decision is read from this one set. */
    public Decision decide(CaseFacts facts, ModelSet models) {
        StepCodes.declaredIn(facts, models.landlordActions(), models.versionId());
        // The landlord's recorded codes count in the law as the steps their declared categories are.
        CaseAnalysis analysis = new CaseAnalysis(facts, models.landlordActions());
        LegalPosition today = analysis.positionOn(facts.asOf());
        PolicyEvaluation.Reading policy = policyEvaluation.evaluate(models, analysis, today);
        GuardedSteps.Review review = guardedSteps.review(policy.actions(), analysis, today, models.landlordActions());
        PrerequisitePlanner.Plan prerequisites = prerequisitePlanner.plan(review, today);
        ActionPlan plan = ActionPlan.of(review, prerequisites, analysis);
        List<Reason> reasons = DecisionExplanation.explain(analysis, today, policy, review, prerequisites);
        return DecisionAssembler.assemble(analysis, today, version.of(models), policy, review, plan, reasons);
    }

    /** The escalation part alone (POST /api/decisions/escalation). */
    public EscalationDecision decideEscalation(CaseFacts facts) {
        return EscalationDecision.of(decide(facts));
    }

    /** The routing part alone (POST /api/decisions/routing), with the table rows that decided it. */
    public RoutingDecision decideRouting(CaseFacts facts) {
        return RoutingDecision.of(decide(facts));
    }

    /** The benefit cap and repayment parts alone (POST /api/decisions/benefit-cap). */
    public BenefitCapDecision decideBenefitCap(CaseFacts facts) {
        ModelSet models = modelsFor(facts);
        BenefitCapAssessment.Result result = benefitCap.assess(models, new CaseAnalysis(facts));
        return new BenefitCapDecision(DecisionIds.next(), facts.caseRef(), facts.asOf(),
                OffsetDateTime.now(ZoneOffset.UTC), version.of(models), result.benefitCap(), result.repaymentPlan(),
                result.explanations());
    }

    /** The write-off part alone (POST /api/decisions/write-off): the same facts and rules, nothing else. */
    public WriteOffAnswer decideWriteOff(CaseFacts facts) {
        CaseAnalysis analysis = new CaseAnalysis(facts);
        ModelSet models = modelsFor(facts);
        WriteOffAssessment.Outcome writeOff = writeOffs.assess(models, analysis, analysis.positionOn(facts.asOf()));
        return new WriteOffAnswer(DecisionIds.next(), facts.caseRef(), facts.asOf(), OffsetDateTime.now(ZoneOffset.UTC),
                version.of(models), writeOff.decision(), DecisionExplanation.explainWriteOff(analysis, writeOff));
    }
}
