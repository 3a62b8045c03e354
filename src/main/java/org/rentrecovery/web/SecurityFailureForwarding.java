package org.rentrecovery.web;

import java.util.function.BiConsumer;

import org.jboss.logging.Logger;

import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;
import io.quarkus.resteasy.reactive.server.runtime.observability.ObservabilityIntegrationRecorder;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/**
 * Once a request is authenticated, a later security failure (a role the path does not allow) is handed to the
 * failure handlers ({@link AuthenticationProblems}: 403 problem+json), as Quarkus REST's own filter does next. That
 * filter (Quarkus 3.15) also works out the endpoint's path template for the metrics on every request, building a new
 * matcher over every resource class each time: about 3% of next-action's CPU in a profile (docs/benchmarks.md), for
 * a template the REST layer sets again when it matches the endpoint. {@link ProblemBearerMechanism} calls
 * {@link #afterAuthentication} when a token is accepted, before that filter runs: the same hand-over, but the
 * template is worked out only when a failure actually happens (here, or for a role the path does not allow in
 * {@link AuthenticationProblems}), so a refused request's metrics keep their {@code uri} tag. The Quarkus filter then finds nothing left to do.
 */
final class SecurityFailureForwarding {
    private static final Logger LOG = Logger.getLogger(SecurityFailureForwarding.class);

    private static final BiConsumer<RoutingContext, Throwable> FORWARD_TO_FAILURE_HANDLERS = (ctx, failure) -> {
        if (!ctx.failed()) {
            templatePathForMetrics(ctx);
            ctx.fail(DefaultAuthFailureHandler.extractRootCause(failure));
        }
    };

    private SecurityFailureForwarding() {
    }

    /** Hands the authenticated request's later security failures to the failure handlers. */
    static void afterAuthentication(RoutingContext ctx) {
        if (ctx.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) instanceof DefaultAuthFailureHandler) {
            ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, FORWARD_TO_FAILURE_HANDLERS);
        }
    }

    /** The endpoint's path template, for the metrics of a request refused before the REST layer matched it. */
    static void templatePathForMetrics(RoutingContext ctx) {
        try {
            ObservabilityIntegrationRecorder.setTemplatePath(ctx, ResteasyReactiveRecorder.getCurrentDeployment());
        } catch (RuntimeException e) {
            LOG.debug("No path template for the metrics of a refused request", e);
        }
    }
}
