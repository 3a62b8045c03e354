package org.rentrecovery.decision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rentrecovery.contract.DecisionAnswer;
import org.rentrecovery.contract.DecisionFields;
import org.rentrecovery.contract.PolicyVersion;
import org.rentrecovery.contract.Reason;

/** The answer of POST /api/decisions/escalation: the escalation part of the full decision, with all its reasons. */
@Schema(name = "EscalationDecision")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EscalationDecision(
        @Schema(description = DecisionFields.DECISION_ID) String decisionId,
        @Schema(description = DecisionFields.CASE_REF) String caseRef,
        @Schema(description = DecisionFields.AS_OF) LocalDate asOf,
        @Schema(description = DecisionFields.DECIDED_AT) OffsetDateTime decidedAt,
        @Schema(description = DecisionFields.POLICY) PolicyVersion policy,
        @Schema(description = "The rung of the escalation ladder the case is on") Decision.Escalation escalation,
        @Schema(description = "The one step to take next: the highest-priority recommended action the law permits") Decision.NextAction nextAction,
        @Schema(description = "Every step the ladder recommends that the law permits today, priority 1 first") List<Decision.RecommendedAction> recommendedActions,
        @Schema(description = "Steps the ladder recommends that the law forbids or holds on asOf, each with the guards that block it") List<Decision.BlockedAction> blockedActions,
        @Schema(description = "The arrears in money, weeks and months of rent, which the ladder's thresholds read") Decision.Arrears arrears,
        @Schema(description = "Whether the request's proposedAction is lawful on its planned date (absent without one)") Decision.ProposedActionCheck proposedActionCheck,
        @Schema(description = "Every reason behind the escalation answer: derived facts, ladder rows, then the legal guards") List<Reason> reasons) implements DecisionAnswer {

    static EscalationDecision of(Decision full) {
        return new EscalationDecision(full.decisionId(), full.caseRef(), full.asOf(), full.decidedAt(), full.policy(),
                full.escalation(), full.nextAction(), full.recommendedActions(), full.blockedActions(), full.arrears(),
                full.proposedActionCheck(), full.reasons());
    }
}
