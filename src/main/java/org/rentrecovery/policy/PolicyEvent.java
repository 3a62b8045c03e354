package org.rentrecovery.policy;

import java.time.Instant;

/**
 * A lifecycle event, recorded in the same write as the change it describes and never altered:
 * who did what to which version, and when.
 *
 * @param sequence increasing across the store; the highest one is the store's revision
 */
public record PolicyEvent(long sequence, String versionId, Type type, String actor, Instant at, String detail) {

    public enum Type {
        SEEDED, DRAFT_CREATED, MODEL_UPLOADED, VALIDATED, APPROVED, ACTIVATED, ROLLED_BACK, CONTRACT_UPGRADED
    }
}
