package org.rentrecovery.policy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is acting on the policy: the user the bearer token names ({@code upn}, else
 * {@code preferred_username}, else {@code sub}). The four-eyes rule compares these names.
 */
@RequestScoped
public class ActingUser {
    /**
     * Ignored by the service (the token names the user). Tests name the user they act as with it, and
     * their identity signs a token for that user (src/test: support.TestIdentity).
     */
    public static final String HEADER = "X-Rentrecovery-User";

    private final SecurityIdentity identity;

    @Inject
    public ActingUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The acting user's name (every policy path needs a token, so there is always one). */
    public String name() {
        if (identity.isAnonymous()) {
            throw new IllegalStateException("A policy change reached the service without a signed-in user");
        }
        return identity.getPrincipal().getName();
    }
}
