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
import org.rentrecovery.audit.AccessLog;
import org.rentrecovery.audit.AuditAccess;
import org.rentrecovery.audit.AuditRecord;
import org.rentrecovery.audit.AuditRetention;
import org.rentrecovery.audit.AuditStore;
import org.rentrecovery.audit.DecisionAudit;
import org.rentrecovery.audit.DecisionHistory;
import org.rentrecovery.audit.StoredDecision;
import org.rentrecovery.audit.SubjectAccessExport;
import org.rentrecovery.contract.InvalidRequestException;
import org.rentrecovery.contract.PolicyVersion;
import org.rentrecovery.contract.Problem;
import org.rentrecovery.decision.DecisionReplay;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Recorded decisions, for showing a court, the Ombudsman or a tenant what the service recommended.
 * Every read is itself recorded (who, when, which case and decision) before it is answered, and a
 * read that cannot be recorded is not answered (503), as a decision is not (docs/data-protection.md).
 */
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
    private final SecurityIdentity identity;
    private final AuditRetention retention;

    @Inject
    public StoredDecisionResource(DecisionAudit audit, ObjectMapper mapper, DecisionReplay replays, SecurityIdentity identity,
            AuditRetention retention) {
        this.audit = audit;
        this.mapper = mapper;
        this.replays = replays;
        this.identity = identity;
        this.retention = retention;
    }

    /** Every path here needs a token (application.properties), so a reader always has a name. */
    private AuditAccess recordRead(AuditAccess.Kind kind, String caseRef, UUID decisionId, int recordsServed) {
        return audit.recordAccess(identity.getPrincipal().getName(), kind, caseRef, decisionId, recordsServed);
    }

    @POST
    @Path("/{decisionId}/replay")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-evaluate a recorded decision under its recorded policy version",
            description = "The recorded request, through the same decision method as its endpoint, under the policy version "
                    + "it was decided with; says whether the answer is identical (decisionId, decidedAt and policy.build "
                    + "aside) and lists each difference as a JSON pointer with both values. The replay is not recorded as a "
                    + "decision; reading the record is recorded in the access log.")
    @APIResponse(responseCode = "200", description = "The replay and the comparison",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionReplay.Replay.class)))
    @APIResponse(responseCode = "400", description = "Not a decision id, or its policy version cannot be used by this service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No decision with this id is recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DecisionReplay.Replay replay(@PathParam("decisionId") String decisionId) {
        UUID id = decisionId(decisionId);
        java.util.Optional<DecisionReplay.Replay> replay = replays.replay(id);
        recordRead(AuditAccess.Kind.REPLAY_DECISION, replay.map(DecisionReplay.Replay::caseRef).orElse(null), id,
                replay.isPresent() ? 1 : 0);
        return replay.orElseThrow(() -> notRecorded(id));
    }

    private static NotFoundException notRecorded(UUID id) {
        return new NotFoundException("No decision " + id + " is recorded (or it has passed the retention period).");
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
        AllowedMethods.refuseIfAnotherRoute("GET", "/api/decisions/" + decisionId);
        UUID id = decisionId(decisionId);
        java.util.Optional<AuditRecord> found = audit.find(id);
        recordRead(AuditAccess.Kind.READ_DECISION, found.map(AuditRecord::caseRef).orElse(null), id, found.isPresent() ? 1 : 0);
        return found.map(StoredDecision::of).orElseThrow(() -> notRecorded(id));
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
        requireCaseRef(caseRef, "whose decisions to list");
        int pageNumber = whole("page", page, 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int pageSize = whole("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        AuditStore.Page found = audit.list(caseRef, pageNumber, pageSize);
        recordRead(AuditAccess.Kind.LIST_DECISIONS, caseRef, null, found.records().size());
        List<DecisionHistory.Summary> summaries = found.records().stream().map(this::summary).toList();
        return new DecisionHistory(caseRef, pageNumber, pageSize, found.total(), summaries);
    }

    private static void requireCaseRef(String caseRef, String purpose) {
        if (caseRef == null || caseRef.isBlank()) {
            throw new InvalidRequestException("caseRef", "is required: the case reference " + purpose);
        }
        checkCaseRef(caseRef);
    }

    private static void checkCaseRef(String caseRef) {
        if (caseRef.length() > 64) {
            throw new InvalidRequestException("caseRef", "must be at most 64 characters, as in the decision request");
        }
    }

    @GET
    @Path("/subject-access")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subject-access export: every record held for a case reference",
            description = "For a tenant's subject-access request (UK GDPR Art. 15): every recorded decision for the case, newest "
                    + "first, each with the request and the answer in full, and every recorded read of them. The export is "
                    + "itself recorded in the access log (SUBJECT_ACCESS_EXPORT) before it is answered, and is listed in it.")
    @APIResponse(responseCode = "200", description = "The export (empty lists when nothing is held for the case)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubjectAccessExport.class)))
    public SubjectAccessExport subjectAccess(
            @Parameter(description = "The case reference, as the case system sends it", required = true) @QueryParam("caseRef") String caseRef) {
        requireCaseRef(caseRef, "to export");
        List<StoredDecision> decisions = new java.util.ArrayList<>();
        AuditStore.Page page;
        int number = 0;
        do {
            page = audit.list(caseRef, number++, MAX_PAGE_SIZE);
            page.records().forEach(r -> decisions.add(StoredDecision.of(r)));
        } while (page.records().size() == MAX_PAGE_SIZE);
        AuditAccess export = recordRead(AuditAccess.Kind.SUBJECT_ACCESS_EXPORT, caseRef, null, decisions.size());
        List<AuditAccess> accesses = new java.util.ArrayList<>();
        AuditAccess.Page read;
        number = 0;
        do {
            read = audit.accesses(new AuditAccess.Filter(caseRef, null), number++, MAX_PAGE_SIZE);
            accesses.addAll(read.accesses());
        } while (read.accesses().size() == MAX_PAGE_SIZE);
        return new SubjectAccessExport(caseRef, export.accessedAt(), export.user(), retention.retentionDays(), decisions, accesses);
    }

    @GET
    @Path("/access-log")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who read the decision audit", description = "Every read of a recorded decision, a case's list, a "
            + "replay, a subject-access export or this log, newest first: who (the token's user), when, what, which case and "
            + "decision. Filter by case and or user. Reading the log is recorded too (READ_ACCESS_LOG).")
    @APIResponse(responseCode = "200", description = "One page of the access log",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccessLog.class)))
    public AccessLog accessLog(
            @Parameter(description = "Only reads of this case") @QueryParam("caseRef") String caseRef,
            @Parameter(description = "Only reads by this user") @QueryParam("user") String user,
            @Parameter(description = "Page number, from 0 (default 0)") @QueryParam("page") String page,
            @Parameter(description = "Entries per page, 1 to 100 (default 20)") @QueryParam("size") String size) {
        String caseFilter = caseRef == null || caseRef.isBlank() ? null : caseRef;
        String userFilter = user == null || user.isBlank() ? null : user;
        if (caseFilter != null) {
            checkCaseRef(caseFilter);
        }
        if (userFilter != null && userFilter.length() > 256) {
            throw new InvalidRequestException("user", "must be at most 256 characters");
        }
        int pageNumber = whole("page", page, 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int pageSize = whole("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        AuditAccess.Page found = audit.accesses(new AuditAccess.Filter(caseFilter, userFilter), pageNumber, pageSize);
        recordRead(AuditAccess.Kind.READ_ACCESS_LOG, caseFilter, null, found.accesses().size());
        return new AccessLog(caseFilter, userFilter, pageNumber, pageSize, found.total(), found.accesses());
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
