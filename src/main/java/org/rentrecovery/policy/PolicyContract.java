package org.rentrecovery.policy;

/**
 * The policy contract: which models, inputs and outputs the running code gives to and reads from
 * the tables. A release that changes it raises {@link #CURRENT} and ships the step that makes a
 * new version from the active one (see docs/policy-versions.md). Each version records the
 * contract it was written for; one written for a newer release than the running one is refused.
 */
public final class PolicyContract {
    /** 1: the models of decision-tables/ as of release 2026.11 (issue 12's contracts). */
    public static final int CURRENT = 1;

    private PolicyContract() {
    }
}
