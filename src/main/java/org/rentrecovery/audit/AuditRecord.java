package org.rentrecovery.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What the service answered, when, on what facts and under which policy: one row in PostgreSQL or
 * one line in the journal. {@code requestJson} and {@code responseJson} are complete JSON documents
 * on one line (the request as the case system sent it, the response as the service returned it).
 * No tenant names: the request contract has none, so none can be recorded. {@code runId} names the
 * portfolio run that made the decision, and is null for a decision asked for over the API. The answer is held as
 * {@link AnswerText}, so a decision's answer reaches the store as the bytes it was written as ({@link #responseJson()}
 * gives its text).
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
        AnswerText response,
        UUID runId) implements GroupCommitQueue.Identified {

    public AuditRecord {
        rulesFired = List.copyOf(rulesFired);
    }

    public AuditRecord(UUID decisionId, String caseRef, String endpoint, OffsetDateTime decidedAt, LocalDate asOf,
            String policyVersion, String policyBuild, long evaluationMicros, List<String> rulesFired, String requestJson,
            String responseJson, UUID runId) {
        this(decisionId, caseRef, endpoint, decidedAt, asOf, policyVersion, policyBuild, evaluationMicros, rulesFired,
                requestJson, AnswerText.of(responseJson), runId);
    }

    /** A decision asked for over the API, not by a portfolio run. */
    public AuditRecord(UUID decisionId, String caseRef, String endpoint, OffsetDateTime decidedAt, LocalDate asOf,
            String policyVersion, String policyBuild, long evaluationMicros, List<String> rulesFired, String requestJson,
            String responseJson) {
        this(decisionId, caseRef, endpoint, decidedAt, asOf, policyVersion, policyBuild, evaluationMicros, rulesFired,
                requestJson, responseJson, null);
    }

    /** The answer as the service returned it: one line of JSON. */
    public String responseJson() {
        return response == null ? null : response.text();
    }
}
