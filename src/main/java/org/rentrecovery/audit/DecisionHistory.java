package org.rentrecovery.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rentrecovery.contract.PolicyVersion;

/** One page of a case's recorded decisions, newest first, as served by {@code GET /api/decisions?caseRef=}. */
@Schema(name = "DecisionHistory")
public record DecisionHistory(String caseRef, int page, int size, long total, List<Summary> decisions) {

    /** A recorded decision without its request and response; {@code href} fetches them. */
    public record Summary(String decisionId, String endpoint, OffsetDateTime decidedAt, LocalDate asOf,
            PolicyVersion policy, String nextAction, String href) {
    }
}
