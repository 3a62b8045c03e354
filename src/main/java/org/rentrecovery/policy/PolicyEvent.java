package org.rentrecovery.policy;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A lifecycle event, recorded in the same write as the change it describes and never altered:
 * who did what to which version, and when.
 *
 * @param sequence increasing across the store; the highest one is the store's revision
 */
public record PolicyEvent(
        @Schema(description = "Increasing across every version's events; the highest is the policy store's revision") long sequence,
        @Schema(description = "The version the event is about, e.g. 2026.11.30-1") String versionId,
        @Schema(description = "What happened: SEEDED, DRAFT_CREATED, MODEL_UPLOADED, VALIDATED, SUITE_UPLOADED, SUITE_EXPECTATIONS_ACCEPTED, SUITE_REMOVED, APPROVED, ACTIVATED, ROLLED_BACK or CONTRACT_UPGRADED") Type type,
        @Schema(description = "The user who did it, from their token (\"release\" for the seed shipped with the service)") String actor,
        @Schema(description = "When it was recorded (UTC)") Instant at,
        @Schema(description = "What the event changed, e.g. the model file uploaded or the approver's note") String detail) {

    public enum Type {
        SEEDED, DRAFT_CREATED, MODEL_UPLOADED, SUITE_UPLOADED, SUITE_EXPECTATIONS_ACCEPTED, SUITE_REMOVED, VALIDATED, APPROVED, ACTIVATED, ROLLED_BACK, CONTRACT_UPGRADED
    }
}
