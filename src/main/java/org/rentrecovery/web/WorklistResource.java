package org.rentrecovery.web;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rentrecovery.contract.InvalidRequestException;
import org.rentrecovery.contract.Problem;
import org.rentrecovery.portfolio.PortfolioJobs;
import org.rentrecovery.portfolio.RunActiveException;
import org.rentrecovery.portfolio.RunSummary;
import org.rentrecovery.portfolio.RunWorklists;
import org.rentrecovery.routing.Team;
import org.rentrecovery.worklist.WorklistRow;
import org.rentrecovery.worklist.Worklists;

/**
 * {@code /api/worklists/{team}}: a team's accounts from the latest finished portfolio run (or the one named), ranked for a date by
 * the worklist priority policy, with each account's next action, due date and score explained (docs/worklists.md).
 */
@Path("/api/worklists")
@Tag(name = "Worklists")
public class WorklistResource {
    /** The response header naming the partitions (i/n) of the run not yet finished, when any are not. */
    static final String PARTITIONS_MISSING = "Worklist-Partitions-Missing";
    static final String CSV = "text/csv";
    static final int MAX_SIZE = 1000;
    private static final java.util.regex.Pattern RUN_ID = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final RunWorklists worklists;
    private final PortfolioJobs jobs;

    @Inject
    public WorklistResource(RunWorklists worklists, PortfolioJobs jobs) {
        this.worklists = worklists;
        this.jobs = jobs;
    }

    @GET
    @Path("/{team}")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "A team's ranked worklist",
            description = "The team's accounts from the latest finished portfolio run (or the run named by runId), ranked on asOf: band first (support "
                    + "for vulnerable tenants first, enforcement against them never first), then the priority score, highest "
                    + "first. Every row carries its next action, due date, score and the score's components with the "
                    + "WorklistPriority table rows that gave them. JSON pages, or the whole list as CSV (Accept: text/csv or "
                    + "format=csv).")
    @APIResponse(responseCode = "200", description = "One page of the worklist (JSON) or all of it (CSV)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Worklists.Page.class)),
                    @Content(mediaType = CSV)})
    @APIResponse(responseCode = "400", description = "A bad team, officer, date, page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No portfolio run has finished yet, or the run named has not finished",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The run named is queued or running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response worklist(@PathParam("team") String team,
            @Parameter(description = "The date to rank for (days to hearings, notices and limitation dates count from it); default today")
            @QueryParam("asOf") String asOf,
            @Parameter(description = "Only this officer's queue (the case's officer field)") @QueryParam("officer") String officer,
            @Parameter(description = "Page number, from 1 (default 1)") @QueryParam("page") String page,
            @Parameter(description = "Rows per page, 1 to 1000 (default 50)") @QueryParam("size") String size,
            @Parameter(description = "csv: the whole worklist as CSV") @QueryParam("format") String format,
            @Parameter(description = "The portfolio run to rank (its id); default the latest finished") @QueryParam("runId") String runId,
            @HeaderParam("Accept") String accept) {
        Team chosen = team(team);
        LocalDate on = date(asOf);
        String queue = officer(officer);
        int pageNumber = number("page", page, 1, 1, Integer.MAX_VALUE);
        int pageSize = number("size", size, 50, 1, MAX_SIZE);
        boolean csv = csv(format, accept);
        UUID run = runId(runId);
        RunWorklists.Ranked ranked = worklists.ranked(run == null ? null : run.toString(), chosen, queue, on).orElse(null);
        if (ranked == null) {
            return notFinished(run);
        }
        if (csv) {
            List<WorklistRow> rows = ranked.rows();
            StreamingOutput body = out -> {
                var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                Worklists.csv(rows, writer);
                writer.flush();
            };
            return partial(Response.ok(body, CSV + ";charset=UTF-8").header("Content-Disposition",
                    "attachment; filename=\"worklist-" + chosen + "-" + on + ".csv\""), ranked).build();
        }
        return partial(Response.ok(Worklists.page(ranked.runId(), ranked.partitionsMissing(), chosen, queue, on, ranked.rows(),
                pageNumber, pageSize), MediaType.APPLICATION_JSON), ranked).build();
    }

    /** Why there is no worklist: no run has finished, the run named is still queued or running, or it never finished. */
    private Response notFinished(UUID run) {
        if (run == null) {
            return Response.status(404).type(Problem.MEDIA_TYPE).entity(Problem.of(404, "/problems/no-portfolio-run",
                    "No portfolio run has finished", "A worklist is built from the latest finished portfolio run; start one "
                            + "with POST /api/portfolio/runs.")).build();
        }
        RunSummary summary = jobs.find(run).orElse(null);
        if (summary != null && !RunSummary.DONE.equals(summary.state()) && !RunSummary.FAILED.equals(summary.state())) {
            throw new RunActiveException("Run " + run + " is " + summary.state() + "; its worklists are ready once it is DONE.");
        }
        String why = summary != null && RunSummary.FAILED.equals(summary.state()) ? " failed, so it is not ranked"
                : " has no finished results in the portfolio run folder";
        return Response.status(404).type(Problem.MEDIA_TYPE).entity(Problem.of(404, "/problems/no-portfolio-run",
                "No such finished portfolio run", "Run " + run + why + ". GET /api/portfolio/runs lists the runs.")).build();
    }

    private static UUID runId(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (RUN_ID.matcher(text).matches()) {
            return UUID.fromString(text);
        }
        throw new InvalidRequestException("runId", "must be a run id as GET /api/portfolio/runs lists them (a UUID)");
    }

    /** A worklist of a run some of whose partitions have not finished says which, in a header the CSV carries too. */
    private static Response.ResponseBuilder partial(Response.ResponseBuilder answer, RunWorklists.Ranked ranked) {
        return ranked.partitionsMissing().isEmpty() ? answer
                : answer.header(PARTITIONS_MISSING, String.join(", ", ranked.partitionsMissing()));
    }

    private static Team team(String text) {
        try {
            return Team.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("team", "must be one of " + Arrays.toString(Team.values()));
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() < 1900 || date.getYear() > 2100) {
                throw new InvalidRequestException("asOf", "must be between 1900 and 2100");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("asOf", "must be a date, yyyy-MM-dd");
        }
    }

    private static String officer(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.length() > 64 || !text.matches(org.rentrecovery.contract.CaseFacts.Text.PRINTABLE)) {
            throw new InvalidRequestException("officer", "must be at most 64 printable characters");
        }
        return text;
    }

    private static int number(String field, String text, int otherwise, int min, int max) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, with the range
        }
        throw new InvalidRequestException(field, "must be a whole number from " + min + " to " + max);
    }

    private static boolean csv(String format, String accept) {
        if (format != null && !format.isBlank()) {
            if (format.equalsIgnoreCase("csv")) {
                return true;
            }
            if (format.equalsIgnoreCase("json")) {
                return false;
            }
            throw new InvalidRequestException("format", "must be csv or json");
        }
        // The most preferred type the Accept names that either answer is (q and specificity, as JAX-RS sorts them): JSON
        // unless CSV comes first (text/csv, text/*), and JSON where the client takes anything.
        MediaType csv = MediaType.valueOf(CSV);
        for (MediaType wanted : acceptable(accept)) {
            if (wanted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (wanted.isCompatible(csv)) {
                return true;
            }
        }
        return false;
    }

    /** The Accept's media types, most preferred first, those with q=0 (not acceptable) left out. */
    private static List<MediaType> acceptable(String accept) {
        if (accept == null || accept.isBlank()) {
            return List.of();
        }
        List<MediaType> types = new ArrayList<>();
        for (String range : accept.split(",")) {
            try {
                MediaType type = MediaType.valueOf(range.trim());
                if (quality(type) > 0) {
                    types.add(type);
                }
            } catch (IllegalArgumentException e) {
                // a range that is not a media type takes nothing
            }
        }
        // Order in the header means nothing (RFC 9110 section 12.5.1): at the same quality and specificity JSON, the
        // default, comes first.
        types.sort(Comparator.comparingDouble(WorklistResource::quality).reversed()
                .thenComparing(type -> type.isWildcardType() ? 2 : type.isWildcardSubtype() ? 1 : 0)
                .thenComparing(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE) ? 0 : 1));
        return types;
    }

    private static double quality(MediaType type) {
        try {
            String q = type.getParameters().entrySet().stream().filter(parameter -> parameter.getKey().equalsIgnoreCase("q"))
                    .map(Map.Entry::getValue).findFirst().orElse("1");
            return Double.parseDouble(q);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
