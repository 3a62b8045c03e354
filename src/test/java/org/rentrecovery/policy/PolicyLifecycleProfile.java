package org.rentrecovery.policy;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * An application of its own for tests that activate versions, so that no other test class sees
 * their timeline (its store is a fresh folder, as every test run's is).
 */
public class PolicyLifecycleProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("rentrecovery.policy.directory", "target/policy-stores/lifecycle");
    }
}
