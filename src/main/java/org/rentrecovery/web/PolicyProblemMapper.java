package org.rentrecovery.web;

import java.util.List;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rentrecovery.contract.Problem;
import org.rentrecovery.policy.ModelProblem;
import org.rentrecovery.policy.PolicyInputException;
import org.rentrecovery.policy.PolicyStoreUnavailableException;

/** Policy API refusals as problem+json, with each located model problem alongside the field errors. */
public class PolicyProblemMapper {

    /** RFC 9457 problem with an extension member {@code problems}: model, table, row, column of each. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record PolicyProblem(String type, String title, int status, String detail, List<Problem.FieldError> errors,
            List<ModelProblem> problems) {
    }

    @ServerExceptionMapper
    public Response refused(PolicyInputException e) {
        return Response.status(e.status()).type(Problem.MEDIA_TYPE)
                .entity(new PolicyProblem(e.type(), e.title(), e.status(), e.getMessage(), e.errors(), e.problems()))
                .build();
    }

    @ServerExceptionMapper
    public Response unavailable(PolicyStoreUnavailableException e) {
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                .entity(Problem.of(503, "/problems/policy-store-unavailable", "Policy store unavailable",
                        "The policy store cannot be reached just now; nothing was changed. Retry shortly."))
                .build();
    }
}
