package org.rentrecovery.workbench;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * An application of its own for the workbench journey, which activates a version: no other test
 * class sees its timeline, and each run starts from the packaged tables in a fresh store folder.
 */
public class WorkbenchJourneyProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("rentrecovery.policy.directory", "target/policy-stores/workbench-" + System.currentTimeMillis());
    }
}
