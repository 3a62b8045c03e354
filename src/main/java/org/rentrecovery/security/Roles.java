package org.rentrecovery.security;

import java.util.List;

/**
 * The roles a token can carry (its {@code groups} claim). Which paths each role may use is set in
 * application.properties ({@code quarkus.http.auth.permission.*}); docs/security.md has the table.
 */
public final class Roles {
    /** Case systems: the decision endpoints. */
    public static final String DECISIONS = "decisions";
    /** Scenario suite runs. */
    public static final String TESTER = "tester";
    /** Drafts policy versions and uploads their models. */
    public static final String POLICY_AUTHOR = "policy-author";
    /** Approves, activates and rolls back policy versions (never one they wrote: the four-eyes rule). */
    public static final String POLICY_APPROVER = "policy-approver";
    /** Reads recorded decisions and exports a tenant's records. */
    public static final String AUDITOR = "auditor";
    /** Everything. */
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(DECISIONS, TESTER, POLICY_AUTHOR, POLICY_APPROVER, AUDITOR, ADMIN);

    private Roles() {
    }
}
