package org.rentrecovery.web;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rentrecovery.contract.Problem;
import org.rentrecovery.portfolio.RunQueueFullException;

/**
 * Heavy work refused because as much of it as the service allows is already running (a full
 * bulkhead, or the portfolio run queue): 429 problem+json with Retry-After, so a script waits and
 * tries again instead of the service slowing down for everyone.
 */
public class OverloadProblemMapper {
    static final String TYPE = "/problems/too-many-requests";
    static final String BUSY = "As many runs of this kind (scenario suites, a policy version's suites or impact, portfolio uploads) "
            + "as this service allows at once are in progress";

    @ConfigProperty(name = "rentrecovery.overload.retry-after-seconds", defaultValue = "10")
    int retryAfterSeconds;

    @ServerExceptionMapper
    public Response bulkheadFull(BulkheadException e) {
        return tooBusy(BUSY);
    }

    @ServerExceptionMapper
    public Response runQueueFull(RunQueueFullException e) {
        return tooBusy(e.getMessage());
    }

    private Response tooBusy(String why) {
        Problem problem = Problem.of(429, TYPE, "Too many requests",
                why + "; decisions are still answered. Retry after " + retryAfterSeconds + " seconds.");
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", retryAfterSeconds).entity(problem).build();
    }
}
