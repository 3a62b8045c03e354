package org.rentrecovery.policy;

/** The store cannot be read or written just now (503, Retry-After): nothing was changed. */
public class PolicyStoreUnavailableException extends RuntimeException {
    public PolicyStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
