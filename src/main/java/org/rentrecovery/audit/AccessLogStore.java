package org.rentrecovery.audit;

import java.time.OffsetDateTime;

/** Where the audit's access log goes: beside the decision records, in the same kind of store. */
public interface AccessLogStore {

    /** Records one read of the audit; returns once it is durable, else throws {@link AuditUnavailableException}. */
    void record(AuditAccess access);

    /** The access log, newest first, filtered by case and or user. */
    AuditAccess.Page list(AuditAccess.Filter filter, int page, int size);

    /** Deletes entries made before {@code cutoff}; answers how many went. */
    long purgeAccessedBefore(OffsetDateTime cutoff, int batchSize);
}
