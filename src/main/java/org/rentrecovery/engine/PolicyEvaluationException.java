package org.rentrecovery.engine;

/**
 * A model that compiled failed on a live evaluation (e.g. a value outside its type). The compile
 * checks exist so this does not happen; when it does, the message names the model and decision.
 */
public class PolicyEvaluationException extends RuntimeException {
    public PolicyEvaluationException(String message) {
        super(message);
    }
}
