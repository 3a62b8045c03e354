package org.rentrecovery.web;

import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import org.rentrecovery.contract.Problem;

/**
 * Reads the body of a one-case decision endpoint whole on the HTTP event loop, after authentication and before the
 * case goes to a worker thread (RecordedDecisions). When these endpoints were blocking, Quarkus REST read the body on
 * the worker, which then waited for the event loop to hand it each chunk: one more wake-up and context switch per
 * decision, about a tenth of what a decision cost over HTTP (docs/benchmarks.md, "The body is read on the event loop").
 * Quarkus REST serves the body Vert.x has read as the request's input. HTTP/1.1 only (HTTP/2: see below).
 */
@ApplicationScoped
public class DecisionBodies {
    /** The endpoints that take one case as a JSON body and answer one decision (each through RecordedDecisions). */
    static final Set<String> PATHS = OneCaseEndpoint.BY_PATH.keySet();
    /** After Quarkus's authentication (order -200) and path permissions (-100), so a refused request is not read. */
    static final int ORDER = 100;
    static final String JSON = "application/json";

    void install(@Observes Router router) {
        // RequestGate refuses a declared length over the limit before this; a chunked body stops at the same backstop
        // as before, and the reader refuses one over 10 MiB with its own 413.
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(RequestGate.CHUNKED_BODY_BACKSTOP_BYTES)
                .setPreallocateBodyBuffer(true);
        for (String path : PATHS) {
            router.post(path).order(ORDER).handler(ctx -> {
                if (ctx.request().version() == HttpVersion.HTTP_2 || !json(ctx)) {
                    // Quarkus REST pauses the request when it starts, which HTTP/2 refuses once the body has been read
                    // ("Request has already been read"): over HTTP/2 it reads the body itself, as before. A body that
                    // is not JSON is left to it too, which refuses it (415) unread; Vert.x would decode a form.
                    ctx.next();
                    return;
                }
                continueIfExpected(ctx);
                bodies.handle(ctx);
            }).failureHandler(this::tooLarge);
        }
    }

    /** A type Quarkus REST could take as JSON (any that starts {@code application/json}): its body is read here. */
    private static boolean json(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.trim().toLowerCase(Locale.ROOT).startsWith(JSON);
    }

    /**
     * {@code application/json} itself, with or without parameters: the only type {@link DirectDecisionRoutes} answers.
     * Nothing is trimmed: Quarkus REST refuses white space before the {@code ;} (RFC 9110 allows it) with a 415 on
     * every endpoint, so such a request is left to it and answered the same whatever its {@code Accept}.
     */
    static boolean exactlyJson(String type) {
        if (type == null) {
            return false;
        }
        int parameters = type.indexOf(';');
        return JSON.equalsIgnoreCase(parameters < 0 ? type : type.substring(0, parameters));
    }

    /**
     * Vert.x's body handler does not answer {@code Expect: 100-continue}, which Quarkus REST's own reader did: a client
     * that waits for it (curl does for bodies over 1 MiB) would otherwise wait its whole timeout before sending.
     */
    private static void continueIfExpected(RoutingContext ctx) {
        String expect = ctx.request().getHeader(HttpHeaders.EXPECT);
        if (expect != null && HttpHeaders.CONTINUE.toString().equalsIgnoreCase(expect.trim())
                && ctx.request().version() != HttpVersion.HTTP_1_0 && !ctx.response().headWritten()) {
            ctx.response().writeContinue();
        }
        // Answered here: Quarkus REST, which would answer it again once it starts, is not to see it.
        if (expect != null) {
            ctx.request().headers().remove(HttpHeaders.EXPECT);
        }
    }

    private void tooLarge(RoutingContext ctx) {
        if (ctx.statusCode() != 413 || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        RouteProblems.send(ctx, Problem.of(413, "/problems/payload-too-large", "Request body too large",
                "The body sent in chunks passed " + RequestGate.CHUNKED_BODY_BACKSTOP_BYTES + " bytes; the limit is "
                        + RequestGate.MAX_BODY_BYTES + " bytes (10 MiB)."));
    }
}
