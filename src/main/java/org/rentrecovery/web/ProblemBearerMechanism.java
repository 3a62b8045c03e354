package org.rentrecovery.web;

import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JWTAuthMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * SmallRye JWT's bearer-token check, with its challenge (a request without a token to a path that
 * needs one) answered as a 401 problem+json instead of an empty body. Once a token is accepted, later
 * security failures are handed to the failure handlers without Quarkus REST's per-request path matching
 * ({@link SecurityFailureForwarding}).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ProblemBearerMechanism implements HttpAuthenticationMechanism {
    private final JWTAuthMechanism jwt;

    @Inject
    public ProblemBearerMechanism(JWTAuthMechanism jwt) {
        this.jwt = jwt;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return jwt.authenticate(context, identityProviderManager).invoke(identity -> {
            if (identity != null) {
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
