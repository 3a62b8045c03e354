package org.rentrecovery.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rentrecovery.contract.PolicyVersion;

/** One page of a case's recorded decisions, newest first, as served by {@code GET /api/decisions?caseRef=}. */
@Schema(name = "DecisionHistory", description = "One page of a case's recorded decisions, newest first")
public record DecisionHistory(
        @Schema(description = "The case reference asked for") String caseRef,
        @Schema(description = "This page's number, from 0") int page,
        @Schema(description = "Decisions per page") int size,
        @Schema(description = "How many decisions are recorded for the case, on every page") long total,
        @Schema(description = "This page's decisions, newest first (decidedAt, then decisionId)") List<Summary> decisions) {

    /** A recorded decision without its request and response; {@code href} fetches them. */
    @Schema(name = "DecisionSummary", description = "A recorded decision without its request and answer")
    public record Summary(
            @Schema(description = "The decision's id, as in its answer") String decisionId,
            @Schema(description = "The endpoint that answered, e.g. next-action or escalation") String endpoint,
            @Schema(description = "When the decision was made (UTC)") OffsetDateTime decidedAt,
            @Schema(description = "The date the decision was made for") LocalDate asOf,
            @Schema(description = "The policy version and build it was made under") PolicyVersion policy,
            @Schema(description = "The next action it recommended (absent for an endpoint that answers none)") String nextAction,
            @Schema(description = "Where the full record is: GET this path") String href) {
    }
}
