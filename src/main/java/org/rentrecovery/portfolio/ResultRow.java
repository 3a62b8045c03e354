package org.rentrecovery.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.rentrecovery.contract.ActionType;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.routing.Team;

/**
 * One decided case of a portfolio run, as a team works from it: who has it, what to do next and
 * by when. {@code decisionId} leads to the full recorded decision ({@code GET /api/decisions/{id}}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"line", "caseRef", "decisionId", "team", "nextAction", "owner", "dueBy", "escalationStep", "balance",
        "weeksOfRent"})
public record ResultRow(long line, String caseRef, String decisionId, Team team, ActionType nextAction, String owner,
        LocalDate dueBy, String escalationStep, BigDecimal balance, BigDecimal weeksOfRent) {

    static ResultRow of(long line, Decision d) {
        return new ResultRow(line, d.caseRef(), d.decisionId(), d.routing() == null ? null : d.routing().team(),
                d.nextAction() == null ? null : d.nextAction().type(), d.nextAction() == null ? null : d.nextAction().owner(),
                d.nextAction() == null ? null : d.nextAction().dueBy(), d.escalation() == null ? null : d.escalation().step(),
                d.arrears() == null ? null : d.arrears().balance(), d.arrears() == null ? null : d.arrears().weeksOfRent());
    }
}
