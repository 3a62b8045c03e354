package org.rentrecovery.web;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rentrecovery.audit.AuditUnavailableException;
import org.rentrecovery.audit.UnreadableAuditRecordException;
import org.rentrecovery.contract.Problem;

/**
 * A decision that cannot be recorded is not answered: 503 problem+json telling the caller when to
 * retry. The cause (which names hosts and ports) goes to the log, not to the caller. A recorded decision that cannot be
 * read back is the service's fault, not the caller's: 500 problem+json naming the decision.
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

    @ServerExceptionMapper
    public Response unreadable(UnreadableAuditRecordException e) {
        // The message names the decision and the decompressor's reason only, never the record's content.
        LOG.error(e.getMessage());
        Problem problem = Problem.of(500, "/problems/audit-record-unreadable", "Recorded decision unreadable",
                e.getMessage() + ". The record is kept as stored; tell the service's operators.");
        return Response.status(500).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
