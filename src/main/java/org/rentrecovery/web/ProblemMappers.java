package org.rentrecovery.web;

import java.util.UUID;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rentrecovery.contract.InvalidRequestException;
import org.rentrecovery.contract.JsonErrors;
import org.rentrecovery.contract.PayloadTooLargeException;
import org.rentrecovery.contract.Problem;
import org.rentrecovery.security.LogSafe;

/**
 * Every error leaves as application/problem+json. Client mistakes name the field; server faults
 * carry an incident id for the logs and never a class name or stack trace.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return problem(e.problem());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        Problem.FieldError error = JsonErrors.toFieldError(e);
        return problem(Problem.badRequest(error.field() + " " + error.message(), java.util.List.of(error)));
    }

    @ServerExceptionMapper
    public Response payloadTooLarge(PayloadTooLargeException e) {
        return problem(Problem.of(413, "/problems/payload-too-large", "Request body too large", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo request, jakarta.ws.rs.core.Request call) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String title = switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 415 -> "Unsupported media type";
            default -> e.getResponse().getStatusInfo().getReasonPhrase();
        };
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (status == 405 && (allow == null || allow.isBlank())) {
            String path = request.getPath();
            allow = AllowedMethods.allow(path.startsWith("/") ? path : "/" + path);
            allow = allow.isEmpty() ? null : allow;
        }
        String detail = switch (status) {
            case 415 -> RequestGate.unsupportedMediaType(call.getMethod(),
                    request.getPath().startsWith("/") ? request.getPath() : "/" + request.getPath()).detail();
            case 405 -> allow == null ? "This path does not take this method." : "This path takes " + allow + " only.";
            default -> e.getMessage();
        };
        Response.ResponseBuilder answer = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, "/problems/http-" + status, title, detail));
        // The methods the path does take (RFC 9110 15.5.6: a 405 must say), as the router found them.
        return (allow == null ? answer : answer.header(HttpHeaders.ALLOW, allow)).build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        // The stack without the messages: a message can hold what the request said (a SQL value, a field).
        LOG.errorf(LogSafe.redacted(e), "Unexpected failure, incident %s", incident);
        return problem(Problem.of(500, "/problems/internal-error", "Internal error",
                "The decision could not be made. Quote incident " + incident + " when reporting this."));
    }

    static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
