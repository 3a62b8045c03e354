package org.rentrecovery.web;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rentrecovery.contract.Problem;
import org.rentrecovery.portfolio.RunActiveException;

/** Something asked of a portfolio run that needs it finished (its files, its worklists, deleting it): 409 problem+json. */
public class RunNotFinishedMapper {
    @ServerExceptionMapper
    public Response runNotFinished(RunActiveException e) {
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(409, "/problems/run-not-finished", "The run has not finished", e.getMessage())).build();
    }
}
