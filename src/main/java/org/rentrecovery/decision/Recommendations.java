package org.rentrecovery.decision;

import java.time.LocalDate;
import java.util.List;

import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.escalation.PolicyAction;

/** A permitted step as the officer sees it: due date, references, and for a notice its grounds and conditions. */
final class Recommendations {
    /** The row that sends rent statements for the hearing: its due date is held to the protocol's deadline. */
    static final String RENT_STATEMENTS_ROW = "EscalationActions/claim-issued-contact";
    /** Pre-Action Protocol for Possession Claims by Social Landlords: rent statements at least 10 days before the hearing. */
    static final int RENT_STATEMENT_DAYS_BEFORE_HEARING = 10;

    private Recommendations() {
    }

    static Decision.RecommendedAction of(PolicyAction a, CaseAnalysis analysis, LocalDate asOf) {
        boolean notice = a.action().isNotice();
        LocalDate dueBy = a.dueInDays() == null ? null : asOf.plusDays(a.dueInDays());
        String reason = a.reason();
        var claim = analysis.facts().recovery() == null ? null : analysis.facts().recovery().claim();
        if (RENT_STATEMENTS_ROW.equals(a.row()) && claim != null && claim.hearingDate() != null) {
            LocalDate deadline = claim.hearingDate().minusDays(RENT_STATEMENT_DAYS_BEFORE_HEARING);
            if (dueBy == null || dueBy.isAfter(deadline)) {
                dueBy = deadline.isBefore(asOf) ? asOf : deadline;
            }
            reason += " Rent statements must reach the tenant and the court at least " + RENT_STATEMENT_DAYS_BEFORE_HEARING
                    + " days before the hearing on " + claim.hearingDate() + ", so by " + deadline
                    + (deadline.isBefore(asOf) ? ": that day has passed, so send them today and tell the court."
                            : " (Pre-Action Protocol for Possession Claims by Social Landlords; docs/law.md#pre-action-protocol).");
        }
        return new Decision.RecommendedAction(a.action(), a.priority(), a.owner(),
                dueBy, a.approval(), reason,
                a.reference() == null ? List.of() : List.of(a.reference()),
                notice ? analysis.availableGrounds(asOf) : null,
                notice || a.action() == ActionType.APPLY_TO_FIX_POSSESSION_DATE || a.action() == ActionType.ISSUE_POSSESSION_CLAIM
                        ? NoticeConditions.forAction(a.action(), analysis, asOf) : null,
                a.code(), a.category());
    }
}
