package org.rentrecovery.web;

import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.rentrecovery.contract.DecisionAnswer;
import org.rentrecovery.decision.DecisionMeters;
import org.rentrecovery.decision.DecisionService;

/**
 * Answers a one-case decision straight from its Vert.x route when the request is the usual one: HTTP/1.x, a body
 * {@link DecisionBodies} has read, {@code Content-Type: application/json} and an {@code Accept} that takes JSON. Quarkus
 * REST's own dispatch (its handler chain, content negotiation, the request scope, the response filters) was about a
 * tenth of the CPU a next-action cost over HTTP, more than any single part of the decision (docs/benchmarks.md,
 * "Decisions answered from their route").
 *
 * <p>Nothing else changes. Authentication and the path permissions ran before this route (they are Vert.x handlers),
 * the decision is read, decided, recorded and served as the same bytes by {@link RecordedDecisions}, and it is
 * counted as {@link DecisionMetrics} counts it. Every other request goes on to Quarkus REST as before. A failure (a bad
 * case, the audit unavailable) also goes on to Quarkus REST, carrying the failure, so the same exception mappers
 * answer it: the resource method returns it without reading or deciding the case again.
 */
@ApplicationScoped
public class DirectDecisionRoutes {
    /** The failure this route met, left on the request for the resource method to return (RecordedDecisions). */
    static final String FAILURE = DirectDecisionRoutes.class.getName() + ".failure";
    /** The key Quarkus REST and the Micrometer HTTP binder share for a request's path template. */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    private static final String JSON_UTF_8 = "application/json;charset=UTF-8";

    private final LongAdder answeredOnRoute = new LongAdder();
    private final DecisionService decisions;
    private final RecordedDecisions recorded;
    private final DecisionMeters meters;

    @Inject
    public DirectDecisionRoutes(DecisionService decisions, RecordedDecisions recorded, DecisionMeters meters) {
        this.decisions = decisions;
        this.recorded = recorded;
        this.meters = meters;
    }

    void install(@Observes Router router) {
        for (OneCaseEndpoint endpoint : OneCaseEndpoint.values()) {
            router.post(endpoint.path()).order(DecisionBodies.ORDER + 1).handler(ctx -> answer(ctx, endpoint));
        }
    }

    private void answer(RoutingContext ctx, OneCaseEndpoint endpoint) {
        RequestBody body = ctx.body();
        if (body == null || body.buffer() == null || !usual(ctx)) {
            ctx.next();
            return;
        }
        // Quarkus REST names the request's path template for the HTTP metrics; answered here, it is this route's path,
        // not the path as sent (which may be percent-encoded or end in a slash).
        ((HttpServerRequestInternal) ctx.request()).context().putLocal(URL_PATH_TEMPLATE, endpoint.path());
        Context eventLoop = Vertx.currentContext();
        recorded.answer(endpoint.recordedAs(), body.buffer().getBytes(), ctx, facts -> endpoint.decide(decisions, facts))
                .whenComplete((decision, failure) -> {
                    // The audit's writer completes a decision once its record is durable: the response is written on
                    // the request's own event loop, as Quarkus REST resumes a request there.
                    if (eventLoop == null || Vertx.currentContext() == eventLoop) {
                        respond(ctx, endpoint, decision, failure);
                    } else {
                        eventLoop.runOnContext(ignored -> respond(ctx, endpoint, decision, failure));
                    }
                });
    }

    private void respond(RoutingContext ctx, OneCaseEndpoint endpoint, DecisionAnswer decision, Throwable failure) {
        byte[] served = failure == null ? RecordedDecisions.servedJson(ctx, decision) : null;
        if (served == null) {
            handOn(ctx, failure == null ? new IllegalStateException("the decision was not recorded on this request") : unwrapped(failure));
            return;
        }
        try {
            meters.count(endpoint.path(), decision);
            // Counted before the response goes: a client that has its answer finds it counted.
            answeredOnRoute.increment();
            ctx.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, JSON_UTF_8).end(RecordedDecisions.wrapped(served), null);
        } catch (RuntimeException e) {
            // Recorded but not answered: rather than leave the client waiting, Quarkus REST's mappers answer the failure,
            // or, once the head is out, Vert.x ends the connection.
            if (ctx.response().headWritten()) {
                ctx.fail(e);
            } else {
                handOn(ctx, e);
            }
        }
    }

    private static void handOn(RoutingContext ctx, Throwable failure) {
        ctx.put(FAILURE, failure);
        ctx.next();
    }

    /** How many decisions this route has answered itself (the tests tell from it which way a request went). */
    long answeredOnRoute() {
        return answeredOnRoute.sum();
    }

    private static Throwable unwrapped(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * A request Quarkus REST would answer with the decision as JSON: anything less usual (HTTP/2, a JSON-like media
     * type, an {@code Accept} with parameters or without JSON in it) is left to it, which negotiates as before.
     */
    static boolean usual(RoutingContext ctx) {
        if (ctx.request().version() == HttpVersion.HTTP_2 || ctx.response().headWritten()) {
            return false;
        }
        if (!DecisionBodies.exactlyJson(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            return false;
        }
        return acceptsJson(ctx.request().getHeader(HttpHeaders.ACCEPT));
    }

    /** No {@code Accept}, or one whose every range takes JSON without a quality or other parameter. */
    static boolean acceptsJson(String accept) {
        if (accept == null) {
            return true;
        }
        if (accept.isBlank()) {
            return false;
        }
        for (String range : accept.split(",", -1)) {
            String media = range.trim().toLowerCase(Locale.ROOT);
            if (!media.equals(DecisionBodies.JSON) && !media.equals("*/*") && !media.equals("application/*")) {
                return false;
            }
        }
        return true;
    }
}
