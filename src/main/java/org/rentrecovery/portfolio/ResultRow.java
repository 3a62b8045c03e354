package org.rentrecovery.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.rentrecovery.contract.ActionCategory;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.routing.Team;
import org.rentrecovery.worklist.PriorityFacts;
import org.rentrecovery.worklist.WorklistEntry;
import org.rentrecovery.worklist.RowFields;

/**
 * One decided case of a portfolio run, as a team works from it: who has it, what to do next and
 * by when, its officer when the input names one, and the facts its worklist priority is scored from
 * ({@code priority}, docs/worklists.md). {@code decisionId} leads to the full recorded decision ({@code GET /api/decisions/{id}}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"line", "caseRef", "decisionId", "team", "nextAction", "nextActionCode", "nextActionCategory", "owner", "dueBy", "escalationStep", "balance",
        "weeksOfRent", "officer", "priority"})
public record ResultRow(
        @Schema(description = "The case's line in the run's input (1-based)") long line,
        @Schema(description = RowFields.CASE_REF) String caseRef,
        @Schema(description = RowFields.DECISION_ID) String decisionId,
        @Schema(description = RowFields.TEAM) Team team,
        @Schema(description = RowFields.NEXT_ACTION) ActionType nextAction,
        @Schema(description = RowFields.OWNER) String owner,
        @Schema(description = RowFields.DUE_BY) LocalDate dueBy,
        @Schema(description = RowFields.ESCALATION_STEP) String escalationStep,
        @Schema(description = RowFields.BALANCE) BigDecimal balance,
        @Schema(description = RowFields.WEEKS_OF_RENT) BigDecimal weeksOfRent,
        @Schema(description = RowFields.OFFICER) String officer,
        @Schema(description = "The dated facts the account's worklist priority is scored from, so a worklist can rank it for any later day") PriorityFacts priority,
        @Schema(description = RowFields.NEXT_ACTION_CODE) String nextActionCode,
        @Schema(description = RowFields.NEXT_ACTION_CATEGORY) ActionCategory nextActionCategory) {

    static ResultRow of(long line, CaseFacts facts, Decision d) {
        WorklistEntry e = WorklistEntry.of(facts, d);
        return new ResultRow(line, e.caseRef(), e.decisionId(), e.team(), e.nextAction(), e.owner(), e.dueBy(),
                e.escalationStep(), e.balance(), e.weeksOfRent(), e.officer(), e.priority(), e.nextActionCode(), e.nextActionCategory());
    }

    /** The row as a worklist ranks it. */
    public WorklistEntry toWorklistEntry() {
        // Results written before the code and category were recorded read them from the action.
        if (nextActionCode == null && nextAction != null) {
            return new WorklistEntry(caseRef, decisionId, team, officer, nextAction, owner, dueBy, escalationStep, balance,
                    weeksOfRent, priority);
        }
        return new WorklistEntry(caseRef, decisionId, team, officer, nextAction, owner, dueBy, escalationStep, balance,
                weeksOfRent, priority, nextActionCode, nextActionCategory);
    }
}
