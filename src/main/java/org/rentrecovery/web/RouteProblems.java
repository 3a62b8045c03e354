package org.rentrecovery.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import org.rentrecovery.contract.Problem;

/**
 * Answers a problem+json from a Vert.x route, for refusals made before a request reaches Quarkus REST and its
 * exception mappers (authentication, the body limits).
 */
final class RouteProblems {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RouteProblems() {
    }

    static void send(RoutingContext ctx, Problem problem) {
        try {
            ctx.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(MAPPER.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(problem.status()).end();
        }
    }
}
