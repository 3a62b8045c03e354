package org.rentrecovery.web;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.netty.buffer.Unpooled;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.rentrecovery.contract.CaseFacts;
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
    private static final String JSON = "application/json";
    private static final String JSON_UTF_8 = "application/json;charset=UTF-8";

    private final LongAdder answeredOnRoute = new LongAdder();
    private final Map<String, Endpoint> endpoints;
    private final RecordedDecisions recorded;
    private final DecisionMeters meters;

    @Inject
    public DirectDecisionRoutes(DecisionService decisions, RecordedDecisions recorded, DecisionMeters meters) {
        this.recorded = recorded;
        this.meters = meters;
        this.endpoints = Map.of(
                "/api/decisions/next-action", new Endpoint("next-action", decisions::decide),
                "/api/decisions/escalation", new Endpoint("escalation", decisions::decideEscalation),
                "/api/decisions/routing", new Endpoint("routing", decisions::decideRouting),
                "/api/decisions/write-off", new Endpoint("write-off", decisions::decideWriteOff),
                "/api/decisions/benefit-cap", new Endpoint("benefit-cap", decisions::decideBenefitCap));
        if (!endpoints.keySet().equals(DecisionBodies.PATHS)) {
            throw new IllegalStateException("the direct routes must be the paths whose bodies DecisionBodies reads");
        }
    }

    void install(@Observes Router router) {
        endpoints.forEach((path, endpoint) -> router.post(path).order(DecisionBodies.ORDER + 1)
                .handler(ctx -> answer(ctx, path, endpoint)));
    }

    private void answer(RoutingContext ctx, String path, Endpoint endpoint) {
        RequestBody body = ctx.body();
        if (body == null || body.buffer() == null || !usual(ctx)) {
            ctx.next();
            return;
        }
        Context eventLoop = Vertx.currentContext();
        recorded.answer(endpoint.name(), body.buffer().getBytes(), ctx, endpoint.decide()).whenComplete((decision, failure) -> {
            // The audit's writer completes a decision once its record is durable: the response is written on the
            // request's own event loop, as Quarkus REST resumes a request there.
            if (eventLoop == null || Vertx.currentContext() == eventLoop) {
                respond(ctx, path, decision, failure);
            } else {
                eventLoop.runOnContext(ignored -> respond(ctx, path, decision, failure));
            }
        });
    }

    private void respond(RoutingContext ctx, String path, DecisionAnswer decision, Throwable failure) {
        byte[] served = failure == null ? RecordedDecisions.servedJson(ctx, decision) : null;
        if (served == null) {
            ctx.put(FAILURE, failure == null ? new IllegalStateException("the decision was not recorded on this request") : unwrapped(failure));
            ctx.next();
            return;
        }
        meters.count(path, decision);
        answeredOnRoute.increment();
        // The recorded bytes are never written to again, so the response wraps them (as DecisionAnswerWriter does).
        ctx.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, JSON_UTF_8)
                .end(Buffer.buffer(Unpooled.wrappedBuffer(served)), null);
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
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        int parameters = type.indexOf(';');
        if (!JSON.equalsIgnoreCase((parameters < 0 ? type : type.substring(0, parameters)).trim())) {
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
            if (!media.equals(JSON) && !media.equals("*/*") && !media.equals("application/*")) {
                return false;
            }
        }
        return true;
    }

    private record Endpoint(String name, Function<CaseFacts, DecisionAnswer> decide) {
    }
}
