package org.rentrecovery.contract;

/** The request body is over the size a single case can reasonably have. */
public class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(String message) {
        super(message);
    }
}
