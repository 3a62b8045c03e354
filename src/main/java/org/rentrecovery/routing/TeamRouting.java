package org.rentrecovery.routing;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.analysis.LegalPosition;
import org.rentrecovery.analysis.RoutingTrigger;
import org.rentrecovery.engine.DecisionTableRuntime;

/**
 * The landlord's routing policy (decision-tables/routing/team-routing.dmn): which team has the case
 * and whether its escalation is paused. Policy only; the legal guards hold enforcement on their own.
 */
@ApplicationScoped
public class TeamRouting {
    public static final String MODEL_LOCATION = "decision-tables/routing/team-routing.dmn";
    public static final String NAMESPACE = "https://rentrecovery.org/dmn/team-routing";
    public static final String MODEL_NAME = "TeamRouting";

    /** DMN input name for each complex-case trigger (the table's columns). */
    private static final Map<RoutingTrigger, String> INPUTS = Map.ofEntries(
            Map.entry(RoutingTrigger.MENTAL_HEALTH_CRISIS_BREATHING_SPACE, "mentalHealthCrisisBreathingSpace"),
            Map.entry(RoutingTrigger.DECEASED_SOLE_TENANT, "deceasedSoleTenant"),
            Map.entry(RoutingTrigger.UNDER_18, "under18"),
            Map.entry(RoutingTrigger.CAPACITY_CONCERN, "capacityConcern"),
            Map.entry(RoutingTrigger.SAFEGUARDING, "safeguarding"),
            Map.entry(RoutingTrigger.DOMESTIC_ABUSE, "domesticAbuse"),
            Map.entry(RoutingTrigger.TERMINAL_ILLNESS, "terminalIllness"),
            Map.entry(RoutingTrigger.HOSPITAL_OR_CARE_HOME, "hospitalOrCareHome"),
            Map.entry(RoutingTrigger.MENTAL_HEALTH, "mentalHealth"),
            Map.entry(RoutingTrigger.DISABILITY, "disability"),
            Map.entry(RoutingTrigger.COMMUNITY_CARE_ASSESSMENT_PENDING, "communityCareAssessmentPending"),
            Map.entry(RoutingTrigger.LANGUAGE_OR_COMMUNICATION_NEED, "languageOrCommunicationNeed"));

    private final DecisionTableRuntime tables;

    public TeamRouting() {
        this(new DecisionTableRuntime(MODEL_LOCATION, NAMESPACE, MODEL_NAME));
    }

    public TeamRouting(DecisionTableRuntime tables) {
        this.tables = tables;
    }

    /**
     * @param today          the legal position on asOf (its complex-case triggers and Breathing Space)
     * @param escalationStep the rung of the escalation ladder the case is on
     */
    public RoutingOutcome route(CaseAnalysis analysis, LegalPosition today, String escalationStep) {
        Set<RoutingTrigger> complex = new LinkedHashSet<>();
        complex.addAll(today.vulnerability().complexCaseTriggers());
        Map<String, Object> in = new HashMap<>();
        INPUTS.forEach((trigger, input) -> in.put(input, complex.contains(trigger)));
        in.put("formerTenancy", analysis.formerTenancy());
        in.put("assessment", analysis.assessmentStatus());
        in.put("tenancyType", analysis.facts().tenancy().type().name());
        in.put("escalationStep", escalationStep);
        in.put("breathingSpaceActive", today.moratorium().active());

        DecisionTableRuntime.Evaluation evaluation = tables.evaluate(in);
        @SuppressWarnings("unchecked")
        Map<String, Object> team = (Map<String, Object>) evaluation.result().getDecisionResultByName("RoutingTeam").getResult();
        RoutingTrigger deciding = RoutingTrigger.valueOf((String) team.get("decidingTrigger"));

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
        return new RoutingOutcome(Team.valueOf((String) team.get("team")), deciding, List.copyOf(triggers),
                Boolean.TRUE.equals(team.get("escalationPaused")), (String) team.get("instruction"),
                (String) team.get("reference"), row(evaluation, "ComplexCaseTrigger"), row(evaluation, "RoutingTeam"));
    }

    private static String row(DecisionTableRuntime.Evaluation evaluation, String table) {
        return evaluation.rowsMatched().stream().filter(hit -> hit.table().equals(table)).findFirst()
                .map(DecisionTableRuntime.RowHit::id).orElseThrow(() -> new IllegalStateException(table + ": no row matched"));
    }
}
