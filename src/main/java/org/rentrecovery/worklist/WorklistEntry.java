package org.rentrecovery.worklist;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.rentrecovery.contract.ActionCategory;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.routing.Team;

/**
 * One decided account as a worklist is built from it: who has it, what to do next and by when, and its priority facts.
 *
 * @param nextActionCode     the next step's name: nextAction's, or the landlord's own code when nextAction is LANDLORD_ACTION
 * @param nextActionCategory the kind of step in the law's terms (a landlord's code is judged by it)
 */
public record WorklistEntry(String caseRef, String decisionId, Team team, String officer, ActionType nextAction,
        String owner, LocalDate dueBy, String escalationStep, BigDecimal balance, BigDecimal weeksOfRent,
        PriorityFacts priority, String nextActionCode, ActionCategory nextActionCategory) {

    /** An entry for one of the service's own actions: its code is its name, its category the action's. */
    public WorklistEntry(String caseRef, String decisionId, Team team, String officer, ActionType nextAction, String owner,
            LocalDate dueBy, String escalationStep, BigDecimal balance, BigDecimal weeksOfRent, PriorityFacts priority) {
        this(caseRef, decisionId, team, officer, nextAction, owner, dueBy, escalationStep, balance, weeksOfRent, priority,
                nextAction == null ? null : nextAction.name(), nextAction == null ? null : nextAction.category());
    }

    /** The entry of one decided case. */
    public static WorklistEntry of(CaseFacts facts, Decision d) {
        Decision.NextAction next = d.nextAction();
        return new WorklistEntry(d.caseRef(), d.decisionId(), d.routing() == null ? null : d.routing().team(), facts.officer(),
                next == null ? null : next.type(), next == null ? null : next.owner(), next == null ? null : next.dueBy(),
                d.escalation() == null ? null : d.escalation().step(), d.arrears() == null ? null : d.arrears().balance(),
                d.arrears() == null ? null : d.arrears().weeksOfRent(), PriorityFacts.of(facts, d),
                next == null ? null : next.code(), next == null ? null : next.category());
    }
}
