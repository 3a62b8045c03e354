package org.rentrecovery.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rentrecovery.contract.JsonBody;
import org.rentrecovery.policy.AcceptedExpectations;
import org.rentrecovery.policy.ActingUser;
import org.rentrecovery.policy.DraftSuites;
import org.rentrecovery.policy.PolicySuites;
import org.rentrecovery.web.PolicyJson.AcceptRequest;
import org.rentrecovery.web.PolicyJson.AcceptResult;
import org.rentrecovery.web.PolicyJson.SuitesRequest;

/**
 * The scenario suites of a policy version over HTTP (docs/api.md, "Suites in a draft"): run them
 * against the version, list and download the suite files it sees (CSV, YAML, defaults), and in a
 * draft upload a changed one, drop the draft's copy, or accept the draft's answers for moved expectations.
 */
@Path("/api/policies/{id}/suites")
@Tag(name = "Policy versions")
@Produces(MediaType.APPLICATION_JSON)
public class PolicySuiteResource {
    private static final String CSV = "text/csv";
    private static final String YAML = "application/yaml";

    private final PolicySuites suites;
    private final DraftSuites files;
    private final AcceptedExpectations accepted;
    private final ActingUser user;
    private final JsonBody json;
    private final OverloadGate gate;
    private final org.rentrecovery.policy.PolicyService service;

    @Inject
    public PolicySuiteResource(PolicySuites suites, DraftSuites files, AcceptedExpectations accepted, ActingUser user,
            JsonBody json, OverloadGate gate, org.rentrecovery.policy.PolicyService service) {
        this.suites = suites;
        this.files = files;
        this.accepted = accepted;
        this.user = user;
        this.json = json;
        this.gate = gate;
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run the scenario suites against a version and list the expectations it moves",
            description = "Every scenario runs as written (the version in force on its asOf) and pinned to this version; each "
                    + "expectation that holds under one and not the other is listed with both values and both decisions' reasons. "
                    + "The suites are those the version sees: its own copies of the suites its change rewrote, else the stored ones.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SuitesRequest.class),
            examples = @ExampleObject(name = "example", value = "{\"stored\": [\"escalation\"]}")))
    public PolicySuites.Report run(@PathParam("id") String id, byte[] body) throws Exception {
        SuitesRequest request = read(body, SuitesRequest.class);
        return gate.policySuites(() -> suites.run(id, request == null ? null : request.stored()));
    }

    @GET
    @Operation(summary = "Every scenario suite file (CSV, YAML, defaults) as a version sees it: the stored ones and the version's own copies")
    public List<DraftSuites.SuiteFile> list(@PathParam("id") String id) {
        return files.list(id);
    }

    @GET
    @Path("/{path: .+\\.(csv|yaml|yml)}")
    @Produces({ CSV, YAML })
    @Operation(summary = "One scenario suite file (CSV, YAML or a CSV suite's defaults) as a version sees it (its own copy, "
            + "else the stored file), byte for byte")
    public Response download(@PathParam("id") String id, @PathParam("path") String path) {
        byte[] bytes = files.read(id, path);
        String file = path.substring(path.lastIndexOf('/') + 1);
        String type = path.endsWith(".csv") ? CSV : YAML;
        return Response.ok(bytes, type + "; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .build();
    }

    @PUT
    @Path("/{path: .+}")
    @Consumes({ CSV, YAML, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, "*/*" })
    @Operation(summary = "Upload or replace a draft's own copy of a scenario suite file (CSV, YAML or a CSV suite's defaults); "
            + "it is read as the suites folder reads it first, a defaults file with its CSV suite (a bad file is a 400 "
            + "naming file, line and column, and nothing is stored)")
    public DraftSuites.SuiteFile upload(@PathParam("id") String id, @PathParam("path") String path, InputStream body)
            throws IOException {
        long limit = service.maxModelBytes();
        byte[] bytes = body == null ? new byte[0] : body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        return files.put(id, path, bytes, user.name());
    }

    @DELETE
    @Path("/{path: .+}")
    @Operation(summary = "Drop a draft's own copy of a scenario suite: the stored suite applies to it again")
    public Response remove(@PathParam("id") String id, @PathParam("path") String path) {
        files.remove(id, path, user.name());
        return Response.noContent().build();
    }

    @POST
    @Path("/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept the draft's answers for moved expectations: their expected cells are rewritten in the "
            + "draft's copies of their CSV suites",
            description = "Each expectation is named as the suites report gives it (file or suite, the scenario's line, path). "
                    + "Only a plain expected value is rewritten; all the cells are stored in one change, or none.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AcceptRequest.class),
            examples = @ExampleObject(name = "example", value = "{\"expectations\": [{\"file\": \"escalation/first-steps.csv\", "
                    + "\"line\": 6, \"path\": \"escalation.step\"}]}")))
    public AcceptResult accept(@PathParam("id") String id, byte[] body) {
        AcceptRequest request = read(body, AcceptRequest.class);
        return new AcceptResult(id, accepted.accept(id, request == null ? null : request.expectations(), user.name()));
    }

    private <T> T read(byte[] body, Class<T> type) {
        return json.read(body, type, "/problems/invalid-request", "The request is not valid");
    }
}
