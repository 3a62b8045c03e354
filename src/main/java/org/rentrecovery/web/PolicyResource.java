package org.rentrecovery.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;
import org.rentrecovery.contract.JsonBody;
import org.rentrecovery.web.PolicyJson.ActivationRequest;
import org.rentrecovery.web.PolicyJson.ActivationResult;
import org.rentrecovery.web.PolicyJson.Approval;
import org.rentrecovery.web.PolicyJson.AuditPeriod;
import org.rentrecovery.web.PolicyJson.Listing;
import org.rentrecovery.web.PolicyJson.ModelFile;
import org.rentrecovery.web.PolicyJson.NewDraft;
import org.rentrecovery.web.PolicyJson.VersionDetail;
import org.rentrecovery.web.PolicyJson.VersionSummary;
import org.rentrecovery.policy.ActingUser;
import org.rentrecovery.policy.ImpactTally;
import org.rentrecovery.policy.PolicyImpact;
import org.rentrecovery.policy.DraftSuites;
import org.rentrecovery.portfolio.CaseSource;
import org.rentrecovery.policy.Activation;
import org.rentrecovery.policy.PolicyDiff;
import org.rentrecovery.policy.PolicyInputException;
import org.rentrecovery.policy.PolicyService;
import org.rentrecovery.policy.PolicyState;
import org.rentrecovery.policy.PolicyVersion;
import org.rentrecovery.policy.PolicyVersions;
import org.rentrecovery.policy.Validation;

/**
 * Policy versions over HTTP (docs/api.md, "Policy versions"): list, read, draft, upload a model,
 * diff, validate, approve, activate and roll back. JSON in and out; errors are problem+json.
 */
@Path("/api/policies")
@Tag(name = "Policy versions")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final PolicyService service;
    private final ActingUser user;
    private final PolicyImpact impact;
    private final DraftSuites suites;
    private final JsonBody json;
    private final OverloadGate gate;

    @Inject
    public PolicyResource(PolicyService service, ActingUser user, PolicyImpact impact, DraftSuites suites, JsonBody json,
            OverloadGate gate) {
        this.json = json;
        this.gate = gate;
        this.service = service;
        this.user = user;
        this.impact = impact;
        this.suites = suites;
    }

    @POST
    @Path("/{id}/impact")
    @Consumes({ BatchDecisionResource.NDJSON, "application/jsonl", "text/csv" })
    @Operation(summary = "Impact of a version over an uploaded portfolio (NDJSON, or CSV naming each column's path)",
            description = "Each case is decided under the version in force on its asOf and under this version; the answer "
                    + "counts changed cases, from -> to matrices of next actions and teams, changes in blocked steps and up to "
                    + "20 example cases per changed cell with both answers' reasons. Read line by line; nothing is recorded.")
    public ImpactTally.Report impactOverPortfolio(@PathParam("id") String id, InputStream body,
            @jakarta.ws.rs.HeaderParam("Content-Type") String contentType) throws Exception {
        service.versions().version(id);
        CaseSource.Format format = CaseSource.Format.ofContentType(contentType);
        Charset charset = UploadCharset.of(format, contentType);
        return gate.policyImpact(() -> impact.overPortfolio(id, body, format, charset));
    }

    @POST
    @Path("/{id}/impact")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Impact of a version over the cases decided in an audit period",
            description = "{\"from\": \"yyyy-MM-dd\", \"to\": \"yyyy-MM-dd\"} (UTC days, inclusive): each case's latest recorded "
                    + "decision in the period is decided again under the version in force on its asOf and under this version.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AuditPeriod.class),
            examples = @ExampleObject(name = "example", value = "{\"from\": \"2026-11-01\", \"to\": \"2026-11-30\"}")))
    public ImpactTally.Report impactOverAudit(@PathParam("id") String id, byte[] body) throws Exception {
        AuditPeriod period = read(body, AuditPeriod.class);
        service.versions().version(id);
        if (period == null) {
            throw PolicyInputException.badField("from", "is required: {\"from\": \"yyyy-MM-dd\", \"to\": \"yyyy-MM-dd\"}, or "
                    + "upload a portfolio (NDJSON or CSV) as the body");
        }
        return gate.policyImpact(() -> impact.overAudit(id, period.from(), period.to()));
    }

    @GET
    @Operation(summary = "Every policy version, the timeline and what is in force today")
    public Listing list() {
        PolicyVersions versions = service.versions();
        PolicyState state = versions.state();
        LocalDate today = versions.today();
        List<VersionSummary> summaries = state.versions().values().stream()
                .map(version -> summary(state, version, today)).toList();
        return new Listing(today, state.inForce(today).orElse(null), summaries, state.timeline(), state.periods());
    }

    private static VersionSummary summary(PolicyState state, PolicyVersion version, LocalDate today) {
        return new VersionSummary(version.id(), version.parentId(), state.status(version.id(), today),
                state.activeFrom(version.id(), today).orElse(null), version.author(), version.createdAt(), version.note(),
                version.approvedBy(), version.approvedAt(), version.contract(), state.periodsOf(version.id()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One policy version: status, models, periods in force and every lifecycle event")
    public VersionDetail get(@PathParam("id") String id) {
        AllowedMethods.refuseIfAnotherRoute("GET", "/api/policies/" + id);
        return detail(id);
    }

    private VersionDetail detail(String id) {
        PolicyVersions versions = service.versions();
        PolicyState state = versions.state();
        PolicyVersion version = state.version(id).orElseThrow(() -> PolicyInputException.notFound("policy version " + id));
        LocalDate today = versions.today();
        List<ModelFile> models = version.models().entrySet().stream()
                .map(model -> new ModelFile(model.getKey(), model.getValue())).toList();
        return new VersionDetail(version.id(), version.parentId(), state.status(id, today),
                state.activeFrom(id, today).orElse(null), version.author(), List.copyOf(version.contributors()),
                version.createdAt(), version.note(), version.approvedBy(), version.approvedAt(), version.contract(),
                version.contentDigest(), models, version.suites().entrySet().stream()
                        .map(suite -> new DraftSuites.SuiteFile(suite.getKey(), true, suite.getValue())).toList(),
                state.periodsOf(id), state.eventsOf(id));
    }

    @GET
    @Path("/{id}/models/{path: .+\\.dmn}")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "One model file of a version, byte for byte (open it in the KIE DMN editor)")
    public Response model(@PathParam("id") String id, @PathParam("path") String path) {
        Map<String, byte[]> models = service.versions().models(id);
        byte[] bytes = models.get(path);
        if (bytes == null) {
            throw PolicyInputException.notFound("model " + path + " in policy version " + id);
        }
        String file = path.substring(path.lastIndexOf('/') + 1);
        return Response.ok(bytes, MediaType.APPLICATION_XML)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a draft holding the same models as another version")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NewDraft.class),
            examples = @ExampleObject(name = "example", value = "{\"from\": \"2026.11.0\", \"note\": \"Letter 1 from two weeks of arrears\"}")))
    public Response createDraft(byte[] body) {
        NewDraft request = read(body, NewDraft.class);
        if (request == null) {
            throw PolicyInputException.badField("body", "is required: {\"from\": \"<version id>\", \"note\": \"...\"}");
        }
        if (request.from() == null || request.from().isBlank()) {
            throw PolicyInputException.badField("from", "is required: the version the draft starts from");
        }
        String actor = user.name();
        PolicyVersion draft = service.versions().createDraft(request.from(), request.note(), actor);
        return Response.created(URI.create("/api/policies/" + draft.id())).entity(detail(draft.id())).build();
    }

    @PUT
    @Path("/{id}/models/{path: .+}")
    @Consumes({ MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM, "*/*" })
    @Operation(summary = "Upload or replace one model (.dmn, DMN 1.5 or 1.6) of a draft; the whole set is checked first")
    public VersionDetail putModel(@PathParam("id") String id, @PathParam("path") String path, InputStream body)
            throws IOException {
        String actor = user.name();
        byte[] bytes = ModelParts.readOne(body, path, service.maxModelBytes());
        service.versions().putModel(id, path, bytes, actor);
        return detail(id);
    }

    @PUT
    @Path("/{id}/models")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload or replace several models of a draft at once (multipart/form-data, each part named by its "
            + "model's path); the whole set is checked with all of them and none is stored if it fails")
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(type = SchemaType.OBJECT,
            description = "One part per model, named by its path in the version (vocabulary.dmn, escalation/escalation-ladder.dmn)")))
    public VersionDetail putModels(@PathParam("id") String id, @Parameter(hidden = true) MultipartFormDataInput form)
            throws IOException {
        String actor = user.name();
        service.versions().putModels(id, ModelParts.read(form, service.maxModelBytes()), actor);
        return detail(id);
    }

    /** An IOException here: a multipart body that could not be read is the caller's (400), anything else an incident. */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e, jakarta.ws.rs.core.HttpHeaders headers) {
        return ModelParts.unreadable(e, headers.getMediaType());
    }

    @GET
    @Path("/{id}/diff")
    @Operation(summary = "Row-by-row, cell-by-cell differences from another version (default: the parent), in its models "
            + "and in the scenario suites the two see differently")
    public PolicyDiff diff(@PathParam("id") String id, @QueryParam("from") String from) {
        PolicyVersions versions = service.versions();
        String base = from;
        if (base == null || base.isBlank()) {
            base = versions.version(id).parentId();
            if (base == null) {
                throw PolicyInputException.badField("from", "is required: version " + id + " has no parent to compare with");
            }
        }
        return versions.diff(base, id).withSuites(suites.diff(base, id));
    }

    @POST
    @Path("/{id}/validate")
    @Operation(summary = "Compile and check a version as it is now; the outcome is recorded")
    public Validation validate(@PathParam("id") String id) {
        return service.versions().validate(id, user.name());
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a draft (not by anyone who wrote or changed it; it must pass validation)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Approval.class),
            examples = @ExampleObject(name = "example", value = "{\"note\": \"Checked the suites and the impact\"}")))
    public VersionDetail approve(@PathParam("id") String id, byte[] body) {
        Approval request = read(body, Approval.class);
        service.versions().approve(id, user.name(), request == null ? null : request.note());
        return detail(id);
    }

    @POST
    @Path("/{id}/activate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Put an approved version in force from a day (today or later)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ActivationRequest.class),
            examples = @ExampleObject(name = "example", value = "{\"effectiveFrom\": \"2026-12-07\", \"note\": \"From Monday\"}")))
    public ActivationResult activate(@PathParam("id") String id, byte[] body) {
        ActivationRequest request = read(body, ActivationRequest.class);
        if (request == null) {
            throw PolicyInputException.badField("effectiveFrom", "is required (yyyy-MM-dd, today or later)");
        }
        Activation activation = service.versions().activate(id, request.effectiveFrom(), user.name(), request.note());
        return result(activation);
    }

    @POST
    @Path("/rollback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Activate again the version the last activation replaced (from today unless a later day is given)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActivationRequest.class)))
    public ActivationResult rollback(byte[] body) {
        ActivationRequest request = read(body, ActivationRequest.class);
        Activation activation = service.versions().rollback(request == null ? null : request.effectiveFrom(), user.name(),
                request == null ? null : request.note());
        return result(activation);
    }

    /** A policy action's JSON body, read as every body is (JsonBody); null when empty. */
    private <T> T read(byte[] body, Class<T> type) {
        return json.read(body, type, "/problems/invalid-request", "The request is not valid");
    }

    private ActivationResult result(Activation activation) {
        PolicyVersions versions = service.versions();
        PolicyState state = versions.state();
        LocalDate today = versions.today();
        return new ActivationResult(activation, today, state.inForce(today).orElse(null), state.periods());
    }
}
