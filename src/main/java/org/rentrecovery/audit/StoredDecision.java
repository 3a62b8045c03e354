package org.rentrecovery.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rentrecovery.contract.PolicyVersion;

/** A recorded decision as served by {@code GET /api/decisions/{decisionId}}. */
@Schema(name = "StoredDecision", description = "What the service was asked, what it answered, when and under which policy")
public record StoredDecision(
        @Schema(description = "The decision's id, as in its answer") String decisionId,
        @Schema(description = "The case reference the case system sent") String caseRef,
        @Schema(description = "The endpoint that answered, e.g. next-action or escalation") String endpoint,
        @Schema(description = "When the decision was made (UTC), as in the answer") OffsetDateTime decidedAt,
        @Schema(description = "The date the decision was made for") LocalDate asOf,
        @Schema(description = "The policy version and build it was made under") PolicyVersion policy,
        @Schema(description = "Time to read the case and decide, in microseconds (recording excluded)") long evaluationMicros,
        @Schema(description = "The decision-table rows and rules behind the answer, as named in its reasons") List<String> rulesFired,
        @Schema(type = SchemaType.OBJECT, description = "The case as the case system sent it") @JsonRawValue String request,
        @Schema(type = SchemaType.OBJECT, description = "The answer exactly as the service returned it") @JsonRawValue String response) {

    public static StoredDecision of(AuditRecord r) {
        return new StoredDecision(r.decisionId().toString(), r.caseRef(), r.endpoint(), r.decidedAt(), r.asOf(),
                new PolicyVersion(r.policyVersion(), r.policyBuild()), r.evaluationMicros(), r.rulesFired(),
                r.requestJson(), r.responseJson());
    }
}
