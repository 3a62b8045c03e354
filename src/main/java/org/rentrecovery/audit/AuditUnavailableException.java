package org.rentrecovery.audit;

/**
 * The decision could not be recorded, so it is not answered: the caller gets 503 with Retry-After
 * and tries again. A decision is never returned without its record.
 */
public class AuditUnavailableException extends RuntimeException {
    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public AuditUnavailableException(String message) {
        super(message);
    }
}
