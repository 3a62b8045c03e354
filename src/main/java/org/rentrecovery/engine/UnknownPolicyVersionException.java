package org.rentrecovery.engine;

/** A decision asked for a policy version that is not installed, or for a date before any version is in force. */
public class UnknownPolicyVersionException extends RuntimeException {
    public UnknownPolicyVersionException(String message) {
        super(message);
    }
}
