package org.rentrecovery.policy;

import java.util.List;
import java.util.Map;

/**
 * What one lifecycle step writes, all in one transaction: new or changed versions, model and suite
 * bytes not yet stored (by SHA-256), timeline entries and the events that record the step.
 */
record PolicyChange<T>(List<PolicyVersion> versions, Map<String, byte[]> modelBytes, Map<String, byte[]> suiteBytes,
        List<Activation> activations, List<PolicyEvent> events, T result) {

    /** A step that stores no suite file. */
    PolicyChange(List<PolicyVersion> versions, Map<String, byte[]> modelBytes, List<Activation> activations,
            List<PolicyEvent> events, T result) {
        this(versions, modelBytes, Map.of(), activations, events, result);
    }
}
