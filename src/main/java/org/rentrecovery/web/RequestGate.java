package org.rentrecovery.web;

import java.util.List;

import jakarta.ws.rs.core.MediaType;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.rentrecovery.contract.Problem;

/**
 * Refuses, before any body is read, what no endpoint accepts: an address longer than any the service gives (414),
 * headers larger than any client of ours sends (431), a body declared larger than the limit (413) and a POST or PUT
 * without a Content-Type to a path that takes a body with that method (415, naming the types the path's resource
 * reads). All answer problem+json.
 */
@ApplicationScoped
public class RequestGate {
    /** The one body limit, JsonBody's: a body announced larger is refused here, before it is read. */
    public static final long MAX_BODY_BYTES = org.rentrecovery.contract.JsonBody.MAX_BYTES;
    /** Endpoints that read their body line by line, holding one line at a time: each line has the limit, the body none. */
    public static final java.util.Set<String> STREAMING_PATHS = java.util.Set.of("/api/decisions/next-action/batch",
            "/api/portfolio/runs");
    /** A policy version's impact over an uploaded portfolio reads it line by line too. */
    private static final java.util.regex.Pattern STREAMING_PATTERN = java.util.regex.Pattern.compile("/api/policies/[^/]+/impact");

    /** Endpoints that take no body (an action on a resource named in the path): no Content-Type needed. */
    private static final java.util.regex.Pattern BODILESS = java.util.regex.Pattern.compile(
            "/api/decisions/[^/]+/replay|/api/policies/[^/]+/validate");

    /**
     * The longest request address (path and query) answered. The transport's own line limit
     * (quarkus.http.limits.max-initial-line-length) is set well above it, so that a longer address gets this problem
     * rather than Vert.x's bare 414 with no body.
     */
    static final int MAX_URI_CHARS = 8192;
    /** The largest header section answered, counted as sent ("Name: value" and its line end); the transport's limit is above it. */
    static final int MAX_HEADER_BYTES = 16 * 1024;

    static boolean streaming(String path) {
        return STREAMING_PATHS.contains(path) || STREAMING_PATTERN.matcher(path).matches();
    }
    /** Beyond this an oversized body is not read at all: the answer is sent and the connection closed. */
    static final long DRAIN_LIMIT_BYTES = 4 * MAX_BODY_BYTES;

    /** A body sent without a Content-Length (chunked) to an endpoint that reads it whole stops here. */
    static final long CHUNKED_BODY_BACKSTOP_BYTES = 2 * MAX_BODY_BYTES;

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::check);
        // Runs after Quarkus's own body-size handler (order -2), which marks a chunked body with the
        // transport limit (quarkus.http.limits.max-body-size, set very high so streaming endpoints
        // can take a whole portfolio): endpoints that read the body whole get the backstop instead.
        router.route().order(-1).handler(this::limitChunkedBodies);
    }

    private void limitChunkedBodies(RoutingContext ctx) {
        if (ctx.get(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY) != null) {
            if (streaming(ctx.request().path())) {
                ctx.remove(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY);
            } else {
                ctx.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, CHUNKED_BODY_BACKSTOP_BYTES);
            }
        }
        ctx.next();
    }

    private void check(RoutingContext ctx) {
        var request = ctx.request();
        if (request.uri().length() > MAX_URI_CHARS) {
            refuse(ctx, Problem.of(414, "/problems/uri-too-long", "Request address too long",
                    "The address (path and query) is " + request.uri().length() + " characters; the limit is " + MAX_URI_CHARS
                            + ". Send long inputs in a request body."));
            return;
        }
        int headerBytes = headerBytes(request.headers());
        if (headerBytes > MAX_HEADER_BYTES) {
            refuse(ctx, Problem.of(431, "/problems/headers-too-large", "Request headers too large",
                    "The headers are " + headerBytes + " bytes; the limit is " + MAX_HEADER_BYTES + " bytes."));
            return;
        }
        if ((request.method() == HttpMethod.POST || request.method() == HttpMethod.PUT) && request.path().startsWith("/api/")) {
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && parse(length) > MAX_BODY_BYTES && !streaming(request.path())) {
                Problem tooLarge = Problem.of(413, "/problems/payload-too-large", "Request body too large",
                        "The body is " + length + " bytes; the limit is " + MAX_BODY_BYTES + " bytes (10 MiB).");
                if (parse(length) > DRAIN_LIMIT_BYTES) {
                    refuse(ctx, tooLarge);
                    ctx.request().connection().close();
                } else {
                    // Clients that send the whole body before reading (most HTTP libraries) would
                    // otherwise block on a full socket and never see the answer: read and discard it.
                    request.handler(ignored -> { });
                    request.endHandler(ignored -> refuse(ctx, tooLarge));
                    request.resume();
                }
                return;
            }
            // A path that does not take the method is left to its 405 (or 404), which says what it does take.
            if (request.getHeader(HttpHeaders.CONTENT_TYPE) == null && !BODILESS.matcher(request.path()).matches()
                    && !AllowedMethods.consumes(request.method().name(), request.path()).isEmpty()) {
                refuse(ctx, unsupportedMediaType(request.method().name(), request.path()));
                return;
            }
        }
        ctx.next();
    }

    /** A 415 that says which types the path takes with the method, from its resource's own declaration. */
    static Problem unsupportedMediaType(String method, String path) {
        List<String> types = AllowedMethods.consumes(method, path);
        String detail = types.equals(List.of(MediaType.APPLICATION_JSON)) ? "Send the body as JSON with Content-Type: application/json"
                : types.isEmpty() ? "This path does not take a body of this type."
                : "Send the body with Content-Type: " + String.join(", or ", types);
        return Problem.of(415, "/problems/http-415", "Unsupported media type", detail);
    }

    private static int headerBytes(io.vertx.core.MultiMap headers) {
        int bytes = 0;
        for (var header : headers) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void refuse(RoutingContext ctx, Problem problem) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        RouteProblems.send(ctx, problem);
    }
}
