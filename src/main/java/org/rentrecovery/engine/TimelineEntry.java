package org.rentrecovery.engine;

import java.time.LocalDate;
import java.util.Objects;

/** A policy version in force from a date (inclusive) until the next entry's date. */
public record TimelineEntry(String versionId, LocalDate effectiveFrom, ModelSet models) {
    public TimelineEntry {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(models, "models");
    }
}
