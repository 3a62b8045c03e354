package org.rentrecovery.policy;

import java.util.List;
import java.util.Map;

/**
 * The step a release ships when it changes the policy contract (a new table input or output):
 * it turns the models of a version written for the previous contract into models for
 * {@link #toContract()}, e.g. adding the new column with the value that keeps today's answers.
 * At startup the active version is upgraded through every step it is behind
 * ({@link PolicyVersions#upgradeContract}), as a new version, so the old one stays as it was.
 */
public interface ContractUpgrade {

    /** The contract the upgraded models are written for (the previous one plus one). */
    int toContract();

    /** What the step does, for the version's note and the lifecycle event. */
    String description();

    /** The upgraded model files, by relative path; the argument is not changed. */
    Map<String, byte[]> upgrade(Map<String, byte[]> models);

    /**
     * The steps this release ships, oldest first. Contract 1 is the first contract (the models of
     * decision-tables/ as of release 2026.11), so there is nothing to upgrade from yet.
     */
    static List<ContractUpgrade> released() {
        return List.of();
    }
}
