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

/**
 * The answer of POST /api/decisions/routing: the team that has the case, with the reasons from the rows
 * that decided it (the escalation step, the complex-case trigger and the team).
 */
@Schema(name = "RoutingDecision")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoutingDecision(
        @Schema(description = DecisionFields.DECISION_ID) String decisionId,
        @Schema(description = DecisionFields.CASE_REF) String caseRef,
        @Schema(description = DecisionFields.AS_OF) LocalDate asOf,
        @Schema(description = DecisionFields.DECIDED_AT) OffsetDateTime decidedAt,
        @Schema(description = DecisionFields.POLICY) PolicyVersion policy,
        @Schema(description = "The team that should have the case, and why") Decision.Routing routing,
        @Schema(description = "The rows that decided the team: the escalation step, any complex-case trigger and the RoutingTeam row") List<Reason> reasons) implements DecisionAnswer {

    private static final List<String> TABLES = List.of("EscalationStep", "ComplexCaseTrigger", "RoutingTeam");

    static RoutingDecision of(Decision full) {
        List<Reason> reasons = full.reasons().stream().filter(RoutingDecision::fromRoutingTable).toList();
        return new RoutingDecision(full.decisionId(), full.caseRef(), full.asOf(), full.decidedAt(), full.policy(),
                full.routing(), reasons);
    }

    /** A row of one of the tables routing reads, cited by name ({@code Table/row-name}). */
    private static boolean fromRoutingTable(Reason reason) {
        String rule = reason.rule();
        return rule != null && TABLES.stream().anyMatch(table -> rule.startsWith(table + "/"));
    }
}
