package org.rentrecovery.audit;

import java.util.UUID;

/**
 * A stored decision whose payload no longer decompresses (damaged bytes, or a dictionary that is not the one it was
 * written with). The store is up and the other records read; only this one cannot be served. The message names the
 * decision and the technical reason, never the record's content.
 */
public class UnreadableAuditRecordException extends RuntimeException {
    private final UUID decisionId;
    private final String caseRef;

    public UnreadableAuditRecordException(UUID decisionId, String caseRef, Throwable cause) {
        super("The recorded decision " + (decisionId == null ? "" : decisionId + " ") + "could not be read back: "
                + cause.getMessage(), cause);
        this.decisionId = decisionId;
        this.caseRef = caseRef;
    }

    public UUID decisionId() {
        return decisionId;
    }

    /** The case the record belongs to, where the store could tell it without the payload. */
    public String caseRef() {
        return caseRef;
    }
}
