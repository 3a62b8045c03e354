package org.rentrecovery.worklist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.rentrecovery.contract.ActionCategory;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.routing.Team;

/**
 * One account in a ranked worklist: its rank, next action and due date, and its priority explained
 * ({@code priorityScore}, {@code band} and each scoring component with its table row). {@code decisionId} leads
 * to the full recorded decision ({@code GET /api/decisions/{decisionId}}). {@code nextActionCode} is the step's name,
 * the landlord's own code when {@code nextAction} is LANDLORD_ACTION, and {@code nextActionCategory} its kind in the law's terms.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"rank", "caseRef", "decisionId", "team", "officer", "nextAction", "nextActionCode", "nextActionCategory", "owner", "dueBy", "escalationStep",
        "balance", "weeksOfRent", "priorityScore", "band", "bandReason", "bandRule", "components"})
public record WorklistRow(int rank, String caseRef, String decisionId, Team team, String officer, ActionType nextAction,
        String owner, LocalDate dueBy, String escalationStep, BigDecimal balance, BigDecimal weeksOfRent, int priorityScore,
        int band, String bandReason, String bandRule, List<PriorityScore.Component> components,
        @Schema(description = NEXT_ACTION_CODE) String nextActionCode,
        @Schema(description = NEXT_ACTION_CATEGORY) ActionCategory nextActionCategory) {

    /** Field descriptions the portfolio run's rows share. */
    public static final String NEXT_ACTION_CODE = "The next step's own name: the landlord's action code when nextAction is LANDLORD_ACTION, otherwise the step the ladder named";
    public static final String NEXT_ACTION_CATEGORY = "What kind of step the next action is in the law's terms (letter, contact, visit, notice, court, enforcement, admin, support): the legal guards judge a landlord's own code by it";

    static WorklistRow of(int rank, WorklistEntry e, PriorityScore s) {
        return new WorklistRow(rank, e.caseRef(), e.decisionId(), e.team(), e.officer(), e.nextAction(), e.owner(), e.dueBy(),
                e.escalationStep(), e.balance(), e.weeksOfRent(), s.score(), s.band(), s.bandReason(), s.bandRule(),
                s.components(), e.nextActionCode(), e.nextActionCategory());
    }

    WorklistRow ranked(int newRank) {
        return new WorklistRow(newRank, caseRef, decisionId, team, officer, nextAction, owner, dueBy, escalationStep, balance,
                weeksOfRent, priorityScore, band, bandReason, bandRule, components, nextActionCode, nextActionCategory);
    }
}
