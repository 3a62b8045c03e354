package org.rentrecovery.portfolio;

/** A portfolio run was refused because as many runs as allowed are already queued or running (429, Retry-After). */
public class RunQueueFullException extends RuntimeException {
    public RunQueueFullException(String message) {
        super(message);
    }
}
