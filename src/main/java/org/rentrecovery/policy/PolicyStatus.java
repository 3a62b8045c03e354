package org.rentrecovery.policy;

/** Where a version is in its lifecycle; see {@link PolicyState#status}. */
public enum PolicyStatus {
    DRAFT, APPROVED, ACTIVE, RETIRED
}
