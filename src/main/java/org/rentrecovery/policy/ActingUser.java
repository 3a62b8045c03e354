package org.rentrecovery.policy;

import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is acting on the policy: the authenticated user when the request carries a token, otherwise
 * the {@code X-Rentrecovery-User} header (for a quick start without sign-in). The four-eyes rule
 * compares these names.
 */
@RequestScoped
public class ActingUser {
    public static final String HEADER = "X-Rentrecovery-User";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    /** Unresolvable until an authentication mechanism is installed (the security issue). */
    private final Instance<SecurityIdentity> identity;
    private final HttpHeaders headers;

    @Inject
    public ActingUser(Instance<SecurityIdentity> identity, HttpHeaders headers) {
        this.identity = identity;
        this.headers = headers;
    }

    /** The acting user's name; a 400 problem naming the header when there is none or it is malformed. */
    public String name() {
        if (identity.isResolvable() && !identity.get().isAnonymous()) {
            return identity.get().getPrincipal().getName();
        }
        String header = headers.getHeaderString(HEADER);
        if (header == null || header.isBlank()) {
            throw PolicyInputException.badField(HEADER, "is required: sign in (a bearer token) or name the acting user in "
                    + "this header, so that every policy change records who made it");
        }
        if (!NAME.matcher(header.trim()).matches()) {
            throw PolicyInputException.badField(HEADER, "must be 1 to 100 letters, digits or . _ @ -");
        }
        return header.trim();
    }
}
