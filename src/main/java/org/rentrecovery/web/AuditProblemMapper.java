package org.rentrecovery.web;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rentrecovery.audit.AuditUnavailableException;
import org.rentrecovery.contract.Problem;

/**
 * A decision that cannot be recorded is not answered: 503 problem+json telling the caller when to
 * retry. The cause (which names hosts and ports) goes to the log, not to the caller.
 */
public class AuditProblemMapper {

    @ConfigProperty(name = "rentrecovery.audit.retry-after-seconds", defaultValue = "5")
    int retryAfterSeconds;

    private static final Logger LOG = Logger.getLogger(AuditProblemMapper.class);

    @ServerExceptionMapper
    public Response unavailable(AuditUnavailableException e) {
        // Redacted: the cause is the driver's exception, whose message lists the refused row's values.
        LOG.debugf(org.rentrecovery.security.LogSafe.redacted(e), "Answered 503: %s", e.getMessage());
        Problem problem = Problem.of(503, "/problems/audit-unavailable", "Decision audit unavailable",
                "The decision was not answered because it could not be recorded; retry after " + retryAfterSeconds
                        + " seconds.");
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", retryAfterSeconds).entity(problem).build();
    }
}
