package org.rentrecovery.benefitcap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.rentrecovery.contract.ActionType;
import org.rentrecovery.engine.DecisionTableRuntime;

/**
 * The landlord's benefit cap policy (decision-tables/benefitcap/benefit-cap-policy.dmn): the
 * early-intervention score and band, the income-maximisation steps and the repayment limits. Policy
 * only: legal eligibility arrives as inputs, and the legal guards still judge every step.
 */
@ApplicationScoped
public class BenefitCapPolicy {
    public static final String MODEL_LOCATION = "decision-tables/benefitcap/benefit-cap-policy.dmn";
    public static final String NAMESPACE = "https://rentrecovery.org/dmn/benefit-cap-policy";
    public static final String MODEL_NAME = "BenefitCapPolicy";

    public record Contribution(String condition, int points, String reason, String reference, String row) {
    }

    public record IncomeAction(ActionType action, int priority, boolean beforeEnforcement, String reason, String reference,
            String row) {
    }

    public record RepaymentLimits(BigDecimal shareOfSurplus, BigDecimal floorPerWeek, BigDecimal ceilingPerWeek,
            String reason, String row) {
    }

    public record Outcome(List<Contribution> contributions, int score, String band, boolean earlyIntervention,
            String bandReason, String bandRow, List<IncomeAction> incomeActions, RepaymentLimits repaymentLimits) {
    }

    private final DecisionTableRuntime tables;

    public BenefitCapPolicy() {
        this(new DecisionTableRuntime(MODEL_LOCATION, NAMESPACE, MODEL_NAME));
    }

    public BenefitCapPolicy(DecisionTableRuntime tables) {
        this.tables = tables;
    }

    @SuppressWarnings("unchecked")
    public Outcome evaluate(Map<String, Object> inputs) {
        DecisionTableRuntime.Evaluation evaluation = tables.evaluate(inputs);
        var result = evaluation.result();
        List<Map<String, Object>> contributionRows = (List<Map<String, Object>>) result
                .getDecisionResultByName("PriorityContributions").getResult();
        List<String> contributionHits = hits(evaluation, "PriorityContributions");
        List<Contribution> contributions = new ArrayList<>();
        for (int i = 0; i < contributionRows.size(); i++) {
            Map<String, Object> row = contributionRows.get(i);
            contributions.add(new Contribution((String) row.get("condition"), number(row.get("points")),
                    (String) row.get("reason"), (String) row.get("reference"), contributionHits.get(i)));
        }
        int score = number(result.getDecisionResultByName("PriorityScore").getResult());
        Map<String, Object> band = (Map<String, Object>) result.getDecisionResultByName("PriorityBand").getResult();

        List<Map<String, Object>> actionRows = (List<Map<String, Object>>) result
                .getDecisionResultByName("IncomeMaximisation").getResult();
        List<String> actionHits = hits(evaluation, "IncomeMaximisation");
        List<IncomeAction> actions = new ArrayList<>();
        for (int i = 0; i < actionRows.size(); i++) {
            Map<String, Object> row = actionRows.get(i);
            actions.add(new IncomeAction(ActionType.valueOf((String) row.get("action")), number(row.get("priority")),
                    Boolean.TRUE.equals(row.get("beforeEnforcement")), (String) row.get("reason"),
                    (String) row.get("reference"), actionHits.get(i)));
        }
        Map<String, Object> limits = (Map<String, Object>) result.getDecisionResultByName("RepaymentLimits").getResult();
        RepaymentLimits repaymentLimits = new RepaymentLimits((BigDecimal) limits.get("shareOfSurplus"),
                (BigDecimal) limits.get("floorPerWeek"), (BigDecimal) limits.get("ceilingPerWeek"),
                (String) limits.get("reason"), hits(evaluation, "RepaymentLimits").get(0));
        return new Outcome(contributions, score, (String) band.get("band"), Boolean.TRUE.equals(band.get("earlyIntervention")),
                (String) band.get("reason"), hits(evaluation, "PriorityBand").get(0), actions, repaymentLimits);
    }

    private static List<String> hits(DecisionTableRuntime.Evaluation evaluation, String table) {
        return evaluation.rowsMatched().stream().filter(h -> h.table().equals(table)).map(DecisionTableRuntime.RowHit::id).toList();
    }

    private static int number(Object value) {
        return ((BigDecimal) value).intValueExact();
    }
}
