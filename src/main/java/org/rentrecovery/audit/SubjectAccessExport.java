package org.rentrecovery.audit;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything the service holds about one case, for a subject-access request (UK GDPR Art. 15): every
 * recorded decision in full and every read of them, this export included.
 */
@Schema(name = "SubjectAccessExport", description = "Every record the service holds for one case reference, and who has read them")
public record SubjectAccessExport(
        @Schema(description = "The case reference exported") String caseRef,
        @Schema(description = "When this export was made (UTC)") OffsetDateTime exportedAt,
        @Schema(description = "The user who made it, as recorded in the access log") String exportedBy,
        @Schema(description = "How many days a record is kept after its decision (rentrecovery.audit.retention-days); older ones "
                + "have been deleted and cannot be exported") int retentionDays,
        @Schema(description = "Every recorded decision for the case, newest first, each with its request and answer in full")
        List<StoredDecision> decisions,
        @Schema(description = "Every recorded read of the case's decisions, newest first, this export included") List<AuditAccess> accesses) {
}
