package org.rentrecovery.decision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rentrecovery.contract.DecisionAnswer;
import org.rentrecovery.contract.PolicyVersion;
import org.rentrecovery.contract.Reason;

/** The answer of POST /api/decisions/escalation: the escalation part of the full decision, with all its reasons. */
@Schema(name = "EscalationDecision")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EscalationDecision(
        String decisionId,
        String caseRef,
        LocalDate asOf,
        OffsetDateTime decidedAt,
        PolicyVersion policy,
        Decision.Escalation escalation,
        Decision.NextAction nextAction,
        List<Decision.RecommendedAction> recommendedActions,
        List<Decision.BlockedAction> blockedActions,
        Decision.Arrears arrears,
        Decision.ProposedActionCheck proposedActionCheck,
        List<Reason> reasons) implements DecisionAnswer {

    static EscalationDecision of(Decision full) {
        return new EscalationDecision(full.decisionId(), full.caseRef(), full.asOf(), full.decidedAt(), full.policy(),
                full.escalation(), full.nextAction(), full.recommendedActions(), full.blockedActions(), full.arrears(),
                full.proposedActionCheck(), full.reasons());
    }
}
