package org.rentrecovery.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.rentrecovery.contract.Problem;

/**
 * 401 (no token, or one that does not verify) and 403 (a role the path does not allow) as
 * problem+json. The path permissions are checked before any resource runs, so these failures never
 * reach the JAX-RS exception mappers.
 */
@ApplicationScoped
public class AuthenticationProblems {
    void install(@Observes Router router) {
        router.route().order(-2000).failureHandler(this::answer);
    }

    private void answer(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            unauthenticated(ctx);
        } else if (failure instanceof ForbiddenException) {
            SecurityFailureForwarding.templatePathForMetrics(ctx);
            RouteProblems.send(ctx, Problem.of(403, "/problems/forbidden", "Not allowed",
                    "Your roles do not include one this endpoint needs (docs/security.md lists them)."));
        } else {
            ctx.next();
        }
    }

    /** 401 with a Bearer challenge: no token, or one that is not signed by a trusted key, expired or malformed. */
    static void unauthenticated(RoutingContext ctx) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        RouteProblems.send(ctx, Problem.of(401, "/problems/unauthenticated", "Sign-in required",
                "Send a valid bearer token: Authorization: Bearer TOKEN."));
    }
}
