package org.rentrecovery.portfolio;

/** What was asked of a run needs it finished, and it is still queued or running (409). */
public class RunActiveException extends RuntimeException {
    public RunActiveException(String message) {
        super(message);
    }
}
