package org.rentrecovery.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One read of the decision audit: who read what, and when. Reading a tenant's recorded decisions is
 * itself processing of their personal data (health and vulnerability flags included), so every read
 * leaves one of these, kept as long as the decisions themselves (docs/data-protection.md).
 *
 * <p>The case reference is kept as sent, as the decision records keep it: the access log answers
 * "who has read this tenant's records" for a subject-access request, which a hash could only do if
 * the reference were hashed the same way everywhere, and it is read only by the auditor role.
 *
 * @param user           the name the bearer token carried ({@code upn}, else {@code preferred_username}, else {@code sub})
 * @param caseRef        the case read, or null when a decision id was asked for that is not recorded
 * @param decisionId     the decision read, or null for a list, an export or a read of the access log
 * @param recordsServed  how many decision records (or access entries) the answer held
 */
@Schema(name = "AuditAccess", description = "One read of the decision audit: who read what, and when")
public record AuditAccess(
        @Schema(description = "This entry's id") UUID accessId,
        @Schema(description = "When the read was answered (UTC)") OffsetDateTime accessedAt,
        @Schema(description = "The user the bearer token named (upn, else preferred_username, else sub)") String user,
        @Schema(description = "What was read: READ_DECISION, LIST_DECISIONS, REPLAY_DECISION, SUBJECT_ACCESS_EXPORT or READ_ACCESS_LOG")
        Kind kind,
        @Schema(description = "The case whose records were read; absent for an unknown decision id or an unfiltered access-log read")
        String caseRef,
        @Schema(description = "The decision read (READ_DECISION, REPLAY_DECISION); absent otherwise") UUID decisionId,
        @Schema(description = "How many decision records (for READ_ACCESS_LOG: access entries) the answer held; 0 when nothing was found")
        int recordsServed) {

    /** What was read. */
    @Schema(name = "AuditAccessKind", description = "What was read")
    public enum Kind {
        /** {@code GET /api/decisions/{id}} */
        READ_DECISION,
        /** {@code GET /api/decisions?caseRef=} */
        LIST_DECISIONS,
        /** {@code POST /api/decisions/{id}/replay}: reads the recorded request and answer */
        REPLAY_DECISION,
        /** {@code GET /api/decisions/subject-access?caseRef=}: every record of a case */
        SUBJECT_ACCESS_EXPORT,
        /** {@code GET /api/decisions/access-log}: the access log itself names cases and people */
        READ_ACCESS_LOG
    }

    /** One page of the access log, newest first. */
    public record Page(long total, List<AuditAccess> accesses) {
    }

    /** Which entries to list: either filter may be null (all). */
    public record Filter(String caseRef, String user) {
        boolean matches(AuditAccess access) {
            return (caseRef == null || caseRef.equals(access.caseRef())) && (user == null || user.equals(access.user()));
        }
    }
}
