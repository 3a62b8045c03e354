package org.rentrecovery.audit;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the audit's access log, newest first, as served by {@code GET /api/decisions/access-log}. */
@Schema(name = "AccessLog", description = "Who read the decision audit, newest first")
public record AccessLog(
        @Schema(description = "The case filter, as given (absent: every case)") String caseRef,
        @Schema(description = "The user filter, as given (absent: every user)") String user,
        @Schema(description = "This page's number, from 0") int page,
        @Schema(description = "Entries per page") int size,
        @Schema(description = "How many entries match the filters, on every page") long total,
        @Schema(description = "This page's entries, newest first") List<AuditAccess> accesses) {
}
