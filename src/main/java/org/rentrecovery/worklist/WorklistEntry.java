package org.rentrecovery.worklist;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.routing.Team;

/** One decided account as a worklist is built from it: who has it, what to do next and by when, and its priority facts. */
public record WorklistEntry(String caseRef, String decisionId, Team team, String officer, ActionType nextAction,
        String owner, LocalDate dueBy, String escalationStep, BigDecimal balance, BigDecimal weeksOfRent,
        PriorityFacts priority) {

    /** The entry of one decided case. */
    public static WorklistEntry of(CaseFacts facts, Decision d) {
        Decision.NextAction next = d.nextAction();
        return new WorklistEntry(d.caseRef(), d.decisionId(), d.routing() == null ? null : d.routing().team(), facts.officer(),
                next == null ? null : next.type(), next == null ? null : next.owner(), next == null ? null : next.dueBy(),
                d.escalation() == null ? null : d.escalation().step(), d.arrears() == null ? null : d.arrears().balance(),
                d.arrears() == null ? null : d.arrears().weeksOfRent(), PriorityFacts.of(facts, d));
    }
}
