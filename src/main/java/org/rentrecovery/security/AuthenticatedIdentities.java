package org.rentrecovery.security;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * The security identities built from bearer tokens, remembered by the request's exact {@code Authorization} header.
 * Even with the token's verification remembered ({@link VerifiedTokenCache}), every request went through the identity
 * providers' {@code Uni} chain and built a new identity from the same token: about 4% of next-action's CPU
 * (docs/benchmarks.md). An identity is remembered only once the service's own authentication accepted the header, only
 * when it was built from exactly the token that header carries, and for no longer than {@link VerifiedTokenCache}
 * trusts its verification (the token's own {@code exp}, and {@code rentrecovery.security.verified-tokens.max-hold}),
 * with the same bound on how many ({@code size} 0: none). Each request is given its own copy, carrying its own routing
 * context as the identity providers' identity does.
 */
@ApplicationScoped
public class AuthenticatedIdentities {
    private static final String BEARER = "Bearer ";
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();

    private final Clock clock;
    private final TokenMemory<SecurityIdentity> identities;

    @Inject
    public AuthenticatedIdentities(SecuritySettings settings) {
        this(settings.verifiedTokens().size(), settings.verifiedTokens().maxHold(), Clock.systemUTC());
    }

    AuthenticatedIdentities(int capacity, Duration maxHold, Clock clock) {
        this.clock = clock;
        this.identities = new TokenMemory<>(capacity, maxHold.toSeconds());
    }

    /** The identity remembered for this {@code Authorization} header, for this request; null when there is none. */
    public SecurityIdentity find(String authorization, RoutingContext request) {
        if (authorization == null) {
            return null;
        }
        SecurityIdentity known = identities.get(authorization, clock.instant().getEpochSecond());
        return known == null ? null : QuarkusSecurityIdentity.builder(known).addAttribute(ROUTING_CONTEXT, request).build();
    }

    /** Remembers the identity the authentication built for a request with this {@code Authorization} header. */
    public void remember(String authorization, SecurityIdentity identity) {
        if (authorization == null || !authorization.startsWith(BEARER) || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        TokenCredential credential = identity.getCredential(TokenCredential.class);
        if (credential == null || !authorization.substring(BEARER.length()).equals(credential.getToken())) {
            return;
        }
        identities.remember(authorization, detached(identity), token.getExpirationTime(), clock.instant().getEpochSecond());
    }

    /** The identity remembered for this header as it is held, without a request of its own (for tests). */
    SecurityIdentity remembered(String authorization) {
        return identities.get(authorization, clock.instant().getEpochSecond());
    }

    /**
     * The identity without the request it was built for: held for minutes, it must not keep that request (its
     * body, its connection) reachable. Built afresh rather than copied, because Quarkus' copy links back to the original.
     */
    private static SecurityIdentity detached(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles()).addCredentials(identity.getCredentials());
        identity.getAttributes().forEach((name, value) -> {
            if (!ROUTING_CONTEXT.equals(name)) {
                copy.addAttribute(name, value);
            }
        });
        return copy.build();
    }

    /** How many identities are held now (for tests and diagnostics). */
    public int size() {
        return identities.size();
    }
}
