package org.rentrecovery.policy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of the policy timeline: from {@code effectiveFrom} on, decisions use {@code versionId},
 * replacing for those dates whatever earlier entries said. Entries are only ever appended; a
 * rollback is a new entry, so what applied on any past day is never rewritten.
 *
 * @param sequence order of appending (1 = the seed); a later entry wins from its date on
 */
public record Activation(long sequence, String versionId, LocalDate effectiveFrom, String activatedBy,
        Instant activatedAt, String note, boolean rollback) {
}
