package org.rentrecovery.web;

import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.rentrecovery.security.AuthenticatedIdentities;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JWTAuthMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * SmallRye JWT's bearer-token check, with its challenge (a request without a token to a path that
 * needs one) answered as a 401 problem+json instead of an empty body. A header whose token it has accepted before
 * is answered with the identity built then ({@link AuthenticatedIdentities}), without the identity providers' chain.
 * Once a token is accepted, later
 * security failures are handed to the failure handlers without Quarkus REST's per-request path matching
 * ({@link SecurityFailureForwarding}).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ProblemBearerMechanism implements HttpAuthenticationMechanism {
    private static final String AUTHENTICATED_BY = HttpAuthenticationMechanism.class.getName();

    private final JWTAuthMechanism jwt;
    private final AuthenticatedIdentities identities;

    @Inject
    public ProblemBearerMechanism(JWTAuthMechanism jwt, AuthenticatedIdentities identities) {
        this.jwt = jwt;
        this.identities = identities;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        SecurityIdentity known = identities.find(authorization, context);
        if (known != null) {
            // What SmallRye JWT's mechanism records for the request it authenticates (its challenge is asked for later).
            context.put(AUTHENTICATED_BY, jwt);
            SecurityFailureForwarding.afterAuthentication(context);
            return Uni.createFrom().item(known);
        }
        return jwt.authenticate(context, identityProviderManager).invoke(identity -> {
            if (identity != null) {
                identities.remember(authorization, identity);
                SecurityFailureForwarding.afterAuthentication(context);
            }
        });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return jwt.getChallenge(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return Uni.createFrom().item(() -> {
            if (!context.response().headWritten()) {
                AuthenticationProblems.unauthenticated(context);
            }
            return true;
        });
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return jwt.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return jwt.getCredentialTransport(context);
    }
}
