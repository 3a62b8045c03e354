package org.rentrecovery.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What the service answered, when, on what facts and under which policy: one row in PostgreSQL or
 * one line in the journal. {@code requestJson} and {@code responseJson} are complete JSON documents
 * on one line (the request as the case system sent it, the response as the service returned it).
 * No tenant names: the request contract has none, so none can be recorded.
 */
public record AuditRecord(
        UUID decisionId,
        String caseRef,
        String endpoint,
        OffsetDateTime decidedAt,
        LocalDate asOf,
        String policyVersion,
        String policyBuild,
        long evaluationMicros,
        List<String> rulesFired,
        String requestJson,
        String responseJson) {

    public AuditRecord {
        rulesFired = List.copyOf(rulesFired);
    }
}
