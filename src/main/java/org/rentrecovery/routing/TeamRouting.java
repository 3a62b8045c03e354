package org.rentrecovery.routing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rentrecovery.contract.Vocabulary.AssessmentStatus;
import org.rentrecovery.contract.Vocabulary.TenancyType;
import org.rentrecovery.engine.Evaluation;
import org.rentrecovery.engine.Fired;
import org.rentrecovery.engine.ModelContract;
import org.rentrecovery.engine.ModelContracts;
import org.rentrecovery.engine.ModelContract.Output;
import org.rentrecovery.engine.ModelSet;
import org.rentrecovery.engine.PolicyModels;
import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.analysis.LegalPosition;
import org.rentrecovery.analysis.RoutingTrigger;

/**
 * The landlord's routing policy (decision-tables/routing/team-routing.dmn): which team has the case
 * and whether its escalation is paused. Policy only; the legal guards hold enforcement on their own.
 */
@ApplicationScoped
public class TeamRouting {
    public static final String MODEL_LOCATION = "decision-tables/routing/team-routing.dmn";

    /** The routing model's inputs, one per input data node. */
    public record RoutingInputs(boolean mentalHealthCrisisBreathingSpace, boolean deceasedSoleTenant, boolean under18,
            boolean capacityConcern, boolean safeguarding, boolean domesticAbuse, boolean terminalIllness,
            boolean hospitalOrCareHome, boolean mentalHealth, boolean disability, boolean communityCareAssessmentPending,
            boolean languageOrCommunicationNeed, boolean formerTenancy, AssessmentStatus assessment, TenancyType tenancyType,
            String escalationStep, boolean breathingSpaceActive) {
    }

    /** A row of ComplexCaseTrigger (its instruction and reference are read through RoutingTeam). */
    public record TriggerRow(String trigger) {
    }

    /** A row of RoutingTeam. */
    public record TeamRow(Team team, RoutingTrigger decidingTrigger, boolean escalationPaused, String instruction,
            String reference) {
    }

    public static final Output<TriggerRow> TRIGGER = Output.row("ComplexCaseTrigger", TriggerRow.class)
            .orSafe(failure -> new TriggerRow("NONE"));
    /** Without an answer from the tables: stage 2, escalation paused, until a person has looked at the case. */
    public static final Output<TeamRow> TEAM = Output.row("RoutingTeam", TeamRow.class)
            .orSafe(failure -> new TeamRow(Team.STAGE_2, RoutingTrigger.MANUAL_REVIEW, true, "Review the case by hand: " + failure.sentence(),
                    "docs/policy-authoring.md#when-a-table-has-no-answer"));
    /** The ladder's step is passed on as escalationStep, so every step the ladder can output must be one routing takes. */
    public static final ModelContract<RoutingInputs> ROUTING = ModelContract.of("TeamRouting", RoutingInputs.class, TRIGGER, TEAM)
            .fedBy("escalationStep", "EscalationLadder", "EscalationStep", "step");

    /** Lets the engine check this capability's models on every compile (listed in META-INF/services). */
    public static final class Contracts implements ModelContracts {
        @Override
        public List<ModelContract<?>> contracts() {
            return List.of(ROUTING);
        }
    }

    private final PolicyModels models;

    @Inject
    public TeamRouting(PolicyModels models) {
        this.models = models;
    }

    /** Outside a CDI container (plain unit tests): the packaged tables. */
    public TeamRouting() {
        this(PolicyModels.seeded());
    }

    public RoutingOutcome route(CaseAnalysis analysis, LegalPosition today, String escalationStep) {
        return route(models.forDate(analysis.asOf()), analysis, today, escalationStep);
    }

    /**
     * @param today          the legal position on asOf (its complex-case triggers and Breathing Space)
     * @param escalationStep the rung of the escalation ladder the case is on
     */
    public RoutingOutcome route(ModelSet policy, CaseAnalysis analysis, LegalPosition today, String escalationStep) {
        Set<RoutingTrigger> complex = new LinkedHashSet<>();
        complex.addAll(today.vulnerability().complexCaseTriggers());
        RoutingInputs in = new RoutingInputs(complex.contains(RoutingTrigger.MENTAL_HEALTH_CRISIS_BREATHING_SPACE),
                complex.contains(RoutingTrigger.DECEASED_SOLE_TENANT), complex.contains(RoutingTrigger.UNDER_18),
                complex.contains(RoutingTrigger.CAPACITY_CONCERN), complex.contains(RoutingTrigger.SAFEGUARDING),
                complex.contains(RoutingTrigger.DOMESTIC_ABUSE), complex.contains(RoutingTrigger.TERMINAL_ILLNESS),
                complex.contains(RoutingTrigger.HOSPITAL_OR_CARE_HOME), complex.contains(RoutingTrigger.MENTAL_HEALTH),
                complex.contains(RoutingTrigger.DISABILITY), complex.contains(RoutingTrigger.COMMUNITY_CARE_ASSESSMENT_PENDING),
                complex.contains(RoutingTrigger.LANGUAGE_OR_COMMUNICATION_NEED), analysis.formerTenancy(),
                analysis.assessment(), today.tenancy().type(), escalationStep, today.moratorium().active());
        Evaluation evaluation = policy.evaluate(ROUTING, in);
        Fired<TeamRow> team = evaluation.row(TEAM);
        String triggerRow = evaluation.row(TRIGGER).row();
        RoutingTrigger deciding = team.value().decidingTrigger();

        Set<RoutingTrigger> triggers = new LinkedHashSet<>();
        triggers.add(deciding);
        if (analysis.formerTenancy()) {
            triggers.add(RoutingTrigger.FORMER_TENANCY);
        }
        triggers.addAll(complex);
        if (analysis.facts().tenancy().type().isLicence() && !analysis.formerTenancy()) {
            triggers.add(RoutingTrigger.TEMPORARY_ACCOMMODATION_LICENCE);
        }
        if (today.moratorium().active() && !complex.contains(RoutingTrigger.MENTAL_HEALTH_CRISIS_BREATHING_SPACE)) {
            triggers.add(RoutingTrigger.BREATHING_SPACE);
        }
        TeamRow row = team.value();
        return new RoutingOutcome(row.team(), deciding, List.copyOf(triggers), row.escalationPaused(), row.instruction(),
                row.reference(), triggerRow, team.row());
    }
}
