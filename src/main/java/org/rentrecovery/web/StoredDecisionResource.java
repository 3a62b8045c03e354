package org.rentrecovery.web;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rentrecovery.audit.AuditRecord;
import org.rentrecovery.audit.AuditStore;
import org.rentrecovery.audit.DecisionAudit;
import org.rentrecovery.audit.DecisionHistory;
import org.rentrecovery.audit.Recorded;
import org.rentrecovery.audit.StoredDecision;
import org.rentrecovery.contract.InvalidRequestException;
import org.rentrecovery.contract.PolicyVersion;
import org.rentrecovery.contract.Problem;
import org.rentrecovery.decision.DecisionReplay;

/** Recorded decisions, for showing a court, the Ombudsman or a tenant what the service recommended. */
@Path("/api/decisions")
@Tag(name = "Recorded decisions")
public class StoredDecisionResource {
    static final int MAX_PAGE_SIZE = 100;
    static final int DEFAULT_PAGE_SIZE = 20;
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,9}");

    private final DecisionAudit audit;
    private final ObjectMapper mapper;
    private final DecisionReplay replays;

    @Inject
    public StoredDecisionResource(DecisionAudit audit, ObjectMapper mapper, DecisionReplay replays) {
        this.audit = audit;
        this.mapper = mapper;
        this.replays = replays;
    }

    @POST
    @Path("/{decisionId}/replay")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-evaluate a recorded decision under its recorded policy version",
            description = "The recorded request, through the same decision method as its endpoint, under the policy version "
                    + "it was decided with; says whether the answer is identical (decisionId, decidedAt and policy.build "
                    + "aside) and lists each difference as a JSON pointer with both values. Not recorded itself.")
    @APIResponse(responseCode = "200", description = "The replay and the comparison",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionReplay.Replay.class)))
    @APIResponse(responseCode = "400", description = "Not a decision id, or its policy version cannot be used by this service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No decision with this id is recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DecisionReplay.Replay replay(@PathParam("decisionId") String decisionId) {
        UUID id = decisionId(decisionId);
        return replays.replay(id)
                .orElseThrow(() -> new NotFoundException("No decision " + id + " is recorded (or it has passed the retention period)."));
    }

    private static UUID decisionId(String decisionId) {
        if (!UUID_TEXT.matcher(decisionId).matches()) {
            throw new InvalidRequestException("decisionId", "must be a decision id as returned by the service (a UUID such as "
                    + "3f1c2e4a-8b7d-4c1e-9a2b-5d6e7f8a9b0c)");
        }
        return UUID.fromString(decisionId);
    }

    @GET
    @Path("/{decisionId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A recorded decision", description = "The request, the answer, when, the policy version and build, "
            + "the rules fired and the evaluation time, as recorded before the answer was sent.")
    @APIResponse(responseCode = "200", description = "The recorded decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoredDecision.class)))
    @APIResponse(responseCode = "400", description = "Not a decision id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No decision with this id is recorded (or it has passed the retention period)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The decision store is unavailable; retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StoredDecision get(@PathParam("decisionId") String decisionId) {
        if (!UUID_TEXT.matcher(decisionId).matches()) {
            throw new InvalidRequestException("decisionId", "must be a decision id as returned by the service (a UUID such as "
                    + "3f1c2e4a-8b7d-4c1e-9a2b-5d6e7f8a9b0c)");
        }
        UUID id = UUID.fromString(decisionId);
        return audit.find(id).map(StoredDecision::of)
                .orElseThrow(() -> new NotFoundException("No decision " + id + " is recorded (or it has passed the retention period)."));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A case's recorded decisions, newest first", description = "Paged; each entry links to the full record.")
    @APIResponse(responseCode = "200", description = "One page of the case's decisions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionHistory.class)))
    @APIResponse(responseCode = "400", description = "caseRef missing, or page or size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The decision store is unavailable; retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DecisionHistory list(
            @Parameter(description = "The case reference sent with the decisions", required = true) @QueryParam("caseRef") String caseRef,
            @Parameter(description = "Page number, from 0 (default 0)") @QueryParam("page") String page,
            @Parameter(description = "Decisions per page, 1 to 100 (default 20)") @QueryParam("size") String size) {
        if (caseRef == null || caseRef.isBlank()) {
            throw new InvalidRequestException("caseRef", "is required: the case reference whose decisions to list");
        }
        if (caseRef.length() > 64) {
            throw new InvalidRequestException("caseRef", "must be at most 64 characters, as in the decision request");
        }
        int pageNumber = whole("page", page, 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int pageSize = whole("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        AuditStore.Page found = audit.list(caseRef, pageNumber, pageSize);
        List<DecisionHistory.Summary> summaries = found.records().stream().map(this::summary).toList();
        return new DecisionHistory(caseRef, pageNumber, pageSize, found.total(), summaries);
    }

    private DecisionHistory.Summary summary(AuditRecord r) {
        String nextAction = null;
        try {
            JsonNode type = mapper.readTree(r.responseJson()).path("nextAction").path("type");
            nextAction = type.isTextual() ? type.asText() : null;
        } catch (java.io.IOException e) {
            // the stored answer is JSON by construction; a summary without the next action is still correct
        }
        return new DecisionHistory.Summary(r.decisionId().toString(), r.endpoint(), r.decidedAt(), r.asOf(),
                new PolicyVersion(r.policyVersion(), r.policyBuild()), nextAction,
                "/api/decisions/" + r.decisionId());
    }

    private static int whole(String field, String text, int absent, int min, int max) {
        if (text == null) {
            return absent;
        }
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw new InvalidRequestException(field, "must be a whole number from " + min + " to " + max);
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw new InvalidRequestException(field, "must be a whole number from " + min + " to " + max);
        }
        return value;
    }
}
