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
public record WorklistRow(
        @Schema(description = "The account's place in the worklist, 1 first: by band, then score, then due date and case ref") int rank,
        @Schema(description = RowFields.CASE_REF) String caseRef,
        @Schema(description = RowFields.DECISION_ID) String decisionId,
        @Schema(description = RowFields.TEAM) Team team,
        @Schema(description = RowFields.OFFICER) String officer,
        @Schema(description = RowFields.NEXT_ACTION) ActionType nextAction,
        @Schema(description = RowFields.OWNER) String owner,
        @Schema(description = RowFields.DUE_BY) LocalDate dueBy,
        @Schema(description = RowFields.ESCALATION_STEP) String escalationStep,
        @Schema(description = RowFields.BALANCE) BigDecimal balance,
        @Schema(description = RowFields.WEEKS_OF_RENT) BigDecimal weeksOfRent,
        @Schema(description = "The sum of the components' points on the worklist's asOf, never below 0; ranks accounts within a band, highest first") int priorityScore,
        @Schema(description = "The band the account is ranked in (WorklistBand), 1 first; the band comes before the score") int band,
        @Schema(description = "Why the account is in that band, in a sentence") String bandReason,
        @Schema(description = "The WorklistBand row that placed it, e.g. WorklistBand/by-score") String bandRule,
        @Schema(description = "Each part of the score that counted, with the WorklistPriorityComponents row that gave it") List<PriorityScore.Component> components,
        @Schema(description = RowFields.NEXT_ACTION_CODE) String nextActionCode,
        @Schema(description = RowFields.NEXT_ACTION_CATEGORY) ActionCategory nextActionCategory) {

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
