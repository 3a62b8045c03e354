package org.rentrecovery.web;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rentrecovery.contract.InvalidRequestException;
import org.rentrecovery.contract.Problem;
import org.rentrecovery.portfolio.CaseSource;
import org.rentrecovery.portfolio.LineProblem;
import org.rentrecovery.portfolio.Partition;
import org.rentrecovery.portfolio.PortfolioJobs;
import org.rentrecovery.portfolio.ResultRow;
import org.rentrecovery.portfolio.RunActiveException;
import org.rentrecovery.portfolio.RunDirectory;
import org.rentrecovery.portfolio.RunSummary;

/**
 * {@code /api/portfolio/runs}: a whole portfolio sent as one upload and decided in the background.
 * The answer is the run's id; its progress, then its results, are fetched from the run's address.
 */
@Path("/api/portfolio/runs")
@Tag(name = "Portfolio runs")
public class PortfolioRunResource {
    static final int DEFAULT_LISTED = 20;
    static final int MAX_LISTED = 200;
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final PortfolioJobs jobs;
    private final OverloadGate gate;

    @Inject
    public PortfolioRunResource(PortfolioJobs jobs, OverloadGate gate) {
        this.jobs = jobs;
        this.gate = gate;
    }

    @POST
    @Consumes({BatchDecisionResource.NDJSON, "application/jsonl", "text/csv"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a portfolio run",
            description = "The body is the portfolio: NDJSON, one case (the next-action request body) per line, or CSV "
                    + "(Content-Type text/csv) whose header names each column's path in the case. Every case is decided and "
                    + "recorded with the run's id; bad lines are reported with their line number and reason and never stop "
                    + "the run. Answers 202 with the run; follow Location for its progress.")
    @APIResponse(responseCode = "202", description = "The run is queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunSummary.class)))
    @APIResponse(responseCode = "400", description = "partition is not i/n",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too busy: as many uploads as allowed are arriving (two by default), or as "
            + "many runs as allowed are queued or running (rentrecovery.portfolio.max-active-runs, three by default); retry "
            + "after the Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(InputStream body,
            @Parameter(description = "i/n: decide only this share of the cases, by a hash of caseRef (default 0/1, all)")
            @QueryParam("partition") String partition,
            @Parameter(description = "true: also keep every full decision (GET .../decisions once done); default false",
                    schema = @Schema(enumeration = {"true", "false"}))
            @QueryParam("decisions") String decisions,
            @jakarta.ws.rs.HeaderParam("Content-Type") String contentType) throws Exception {
        boolean keepDecisions = yesNo("decisions", decisions);
        return gate.portfolioUpload(() -> queue(body, partition, keepDecisions, contentType));
    }

    private static boolean yesNo(String field, String value) {
        if (value == null) {
            return false;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new InvalidRequestException(field, "must be true or false");
    }

    private Response queue(InputStream body, String partition, boolean decisions, String contentType) {
        Partition share;
        try {
            share = partition == null ? Partition.WHOLE : Partition.parse(partition);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("partition", e.getMessage());
        }
        CaseSource.Format format = CaseSource.Format.ofContentType(contentType);
        RunSummary queued = jobs.start(body, format, UploadCharset.of(format, contentType), share, decisions);
        return Response.accepted(queued).location(URI.create("/api/portfolio/runs/" + queued.runId())).build();
    }

    /** The runs a page of {@code GET /api/portfolio/runs} lists, newest first. */
    public record RunList(@Schema(description = "The latest runs, newest first by when they started") List<RunSummary> runs) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The latest portfolio runs, newest first",
            description = "Runs queued or running, and finished runs kept in the service's run folder (also from before a "
                    + "restart), each with its progress or how it ended.")
    @APIResponse(responseCode = "200", description = "The runs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunList.class)))
    @APIResponse(responseCode = "400", description = "size is not a whole number from 1 to " + MAX_LISTED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunList list(@Parameter(description = "Runs listed, 1 to " + MAX_LISTED + " (default " + DEFAULT_LISTED + ")")
            @QueryParam("size") String size) {
        return new RunList(jobs.recent(listed(size)));
    }

    private static int listed(String size) {
        if (size == null || size.isBlank()) {
            return DEFAULT_LISTED;
        }
        try {
            int value = Integer.parseInt(size.trim());
            if (value >= 1 && value <= MAX_LISTED) {
                return value;
            }
        } catch (NumberFormatException e) {
            // named below with the range
        }
        throw new InvalidRequestException("size", "must be a whole number from 1 to " + MAX_LISTED);
    }

    @GET
    @Path("/{runId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A portfolio run's progress, or how it ended")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunSummary.class)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunSummary get(@PathParam("runId") String runId) {
        UUID id = runIdOf(runId);
        return jobs.find(id).orElseThrow(() -> new NotFoundException("No portfolio run " + id + "."));
    }

    @GET
    @Path("/{runId}/results")
    @Produces(BatchDecisionResource.NDJSON)
    @Operation(summary = "A finished run's results, one row per decided case in input order",
            description = "Each row: line, caseRef, decisionId (GET /api/decisions/{decisionId} for the full decision), team, "
                    + "nextAction, nextActionCode (the landlord's own code when nextAction is LANDLORD_ACTION), nextActionCategory, "
                    + "owner, dueBy, escalationStep, balance, weeksOfRent.")
    @APIResponse(responseCode = "200", description = "NDJSON rows",
            content = @Content(mediaType = BatchDecisionResource.NDJSON, schema = @Schema(implementation = ResultRow.class)))
    @APIResponse(responseCode = "409", description = "The run has not finished",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response results(@PathParam("runId") String runId) {
        return finishedFile(runId, RunDirectory.RESULTS);
    }

    @GET
    @Path("/{runId}/problems")
    @Produces(BatchDecisionResource.NDJSON)
    @Operation(summary = "A finished run's bad lines, each with its line number and reason")
    @APIResponse(responseCode = "200", description = "NDJSON problems",
            content = @Content(mediaType = BatchDecisionResource.NDJSON, schema = @Schema(implementation = LineProblem.class)))
    @APIResponse(responseCode = "409", description = "The run has not finished",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response problems(@PathParam("runId") String runId) {
        return finishedFile(runId, RunDirectory.PROBLEMS);
    }

    @GET
    @Path("/{runId}/decisions")
    @Produces(BatchDecisionResource.NDJSON)
    @Operation(summary = "A finished run's full decisions, one per decided case in input order, when the run was started with "
            + "decisions=true")
    @APIResponse(responseCode = "200", description = "NDJSON decisions, each as next-action answers it")
    @APIResponse(responseCode = "404", description = "No such run, or the run did not keep its decisions",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The run has not finished",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response decisions(@PathParam("runId") String runId) {
        return finishedFile(runId, RunDirectory.DECISIONS);
    }

    @DELETE
    @Path("/{runId}")
    @Operation(summary = "Delete a finished run's folder",
            description = "Its summary, results, problems and decisions are deleted; every decision stays in the audit. Run "
                    + "folders are also deleted rentrecovery.portfolio.retention-days after the run finished (docs/portfolio.md).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The run is queued or running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("runId") String runId) {
        UUID id = runIdOf(runId);
        if (!jobs.delete(id)) {
            throw new NotFoundException("No portfolio run " + id + ".");
        }
        return Response.noContent().build();
    }

    private Response finishedFile(String runId, String name) {
        RunSummary run = get(runId);
        if (!RunSummary.DONE.equals(run.state()) && !RunSummary.FAILED.equals(run.state())) {
            throw new RunActiveException("Run " + run.runId() + " is " + run.state() + "; fetch its results once it is DONE.");
        }
        java.nio.file.Path file = jobs.file(UUID.fromString(run.runId()), name);
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("Run " + run.runId() + " has no " + name
                    + (RunDirectory.DECISIONS.equals(name) ? ": start a run with decisions=true to keep them." : "."));
        }
        return Response.ok(file.toFile(), BatchDecisionResource.NDJSON).build();
    }

    private static UUID runIdOf(String text) {
        if (!UUID_TEXT.matcher(text).matches()) {
            throw new InvalidRequestException("runId", "must be a run id as returned by POST /api/portfolio/runs (a UUID)");
        }
        return UUID.fromString(text);
    }
}
