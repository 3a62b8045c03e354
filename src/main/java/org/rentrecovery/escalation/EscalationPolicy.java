package org.rentrecovery.escalation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.analysis.LegalPosition;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.engine.DecisionTableRuntime;

/**
 * The landlord's escalation ladder (decision-tables/escalation/escalation-ladder.dmn): which rung
 * the case is on and which steps that rung calls for. Policy only; the law is applied afterwards.
 */
@ApplicationScoped
public class EscalationPolicy {
    public static final String MODEL_LOCATION = "decision-tables/escalation/escalation-ladder.dmn";
    public static final String NAMESPACE = "https://rentrecovery.org/dmn/escalation-ladder";
    public static final String MODEL_NAME = "EscalationLadder";

    private final DecisionTableRuntime tables;

    public EscalationPolicy() {
        this(new DecisionTableRuntime(MODEL_LOCATION, NAMESPACE, MODEL_NAME));
    }

    public EscalationPolicy(DecisionTableRuntime tables) {
        this.tables = tables;
    }

    public DecisionTableRuntime tables() {
        return tables;
    }

    public EscalationOutcome decide(CaseAnalysis analysis) {
        return decide(analysis, analysis.positionOn(analysis.asOf()));
    }

    /** @param today the legal position on asOf, already derived by the caller */
    public EscalationOutcome decide(CaseAnalysis analysis, LegalPosition today) {
        DecisionTableRuntime.Evaluation evaluation = tables.evaluate(inputs(analysis, today));
        @SuppressWarnings("unchecked")
        Map<String, Object> step = (Map<String, Object>) evaluation.result().getDecisionResultByName("EscalationStep").getResult();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) evaluation.result()
                .getDecisionResultByName("EscalationActions").getResult();
        List<DecisionTableRuntime.RowHit> actionRows = evaluation.rowsMatched().stream()
                .filter(hit -> hit.table().equals("EscalationActions")).toList();
        DecisionTableRuntime.RowHit stepRow = evaluation.rowsMatched().stream()
                .filter(hit -> hit.table().equals("EscalationStep")).findFirst().orElseThrow();
        List<PolicyAction> actions = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            actions.add(new PolicyAction(ActionType.valueOf((String) row.get("action")), number(row.get("priority")),
                    (String) row.get("owner"), number(row.get("dueInDays")), (String) row.get("approval"),
                    (String) row.get("reason"), (String) row.get("reference"), actionRows.get(i).id()));
        }
        actions.sort(Comparator.comparing(PolicyAction::priority));
        return new EscalationOutcome((String) step.get("step"), number(step.get("stage")),
                (String) step.get("explanation"), stepRow.id(), actions, evaluation.rowsMatched());
    }

    static Map<String, Object> inputs(CaseAnalysis a, LegalPosition today) {
        Map<String, Object> in = new HashMap<>();
        in.put("formerTenancy", a.formerTenancy());
        in.put("balance", a.balance());
        in.put("weeksInArrears", a.realWeeksOfRent());
        in.put("arrangementStatus", a.arrangementStatus().name());
        in.put("anyRecoveryStepThisEpisode", a.anyRecoveryStepThisEpisode());
        in.put("daysSinceLetter1", decimal(a.daysSince(ActionType.SEND_REMINDER_LETTER_1)));
        in.put("daysSinceLetter2", decimal(a.daysSince(ActionType.SEND_REMINDER_LETTER_2)));
        in.put("noticeStatus", today.notice().status().name());
        in.put("daysSinceNoticeServed", decimal(a.daysSinceNoticeServed()));
        in.put("daysSinceCourtWarning", decimal(a.daysSince(ActionType.SEND_COURT_WARNING_LETTER)));
        in.put("claimIssued", a.claimIssued());
        in.put("courtOrder", a.courtOrderType() == null ? "NONE" : a.courtOrderType().name());
        in.put("courtOrderBreached", a.courtOrderBreached());
        in.put("noticeAction", today.notice().requiredAction().name());
        in.put("courtOrderNeeded", !today.tenancy().interimLicence());
        in.put("breathingSpaceActive", today.moratorium().active());
        in.put("apaEligible", a.apaEligibleToRequest());
        in.put("tpdEligible", a.tpdEligibleToRequest());
        in.put("hbDirectPaymentMandatory", a.hbDirectPaymentMandatory());
        in.put("vulnerabilityAssessmentNeeded", a.vulnerabilityAssessmentNeeded());
        // Escalation pauses (brief 3.1): every tenant dead (recover from the estate), a pending benefit
        // claim meeting the protocol's three conditions, and an open vulnerability review.
        in.put("allTenantsDeceased", a.allTenantsDeceased());
        in.put("benefitClaimPending", today.protocol().pendingBenefitBar());
        in.put("vulnerabilityReviewOpen", "OPEN".equals(a.assessmentStatus()));
        return in;
    }

    private static BigDecimal decimal(Long value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    private static Integer number(Object value) {
        return value == null ? null : ((BigDecimal) value).intValueExact();
    }
}
