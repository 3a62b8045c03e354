package org.rentrecovery.policy;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One entry of the policy timeline: from {@code effectiveFrom} on, decisions use {@code versionId},
 * replacing for those dates whatever earlier entries said. Entries are only ever appended; a
 * rollback is a new entry, so what applied on any past day is never rewritten.
 *
 * @param sequence order of appending (1 = the seed); a later entry wins from its date on
 */
public record Activation(
        @Schema(description = "Order in the timeline, 1 being the seed; a later entry wins from its effectiveFrom on") long sequence,
        @Schema(description = "The version in force from effectiveFrom, e.g. 2026.11.30-1") String versionId,
        @Schema(description = "The first day (asOf) decided under the version, ISO date") LocalDate effectiveFrom,
        @Schema(description = "The user who activated it (a policy-approver), from their token") String activatedBy,
        @Schema(description = "When the activation was recorded (UTC)") Instant activatedAt,
        @Schema(description = "Why, as the approver wrote it") String note,
        @Schema(description = "True when the entry rolls back to an earlier version rather than bringing in a new one") boolean rollback) {
}
