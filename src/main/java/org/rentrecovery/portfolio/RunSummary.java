package org.rentrecovery.portfolio;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a portfolio run stands or how it ended: counts, speed and, while running, the estimated time left. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "PortfolioRun", description = "A portfolio run: its state, counts and speed")
public record RunSummary(
        @Schema(description = "The run's id: GET /api/portfolio/runs/{runId} follows it") String runId,
        @Schema(description = "QUEUED, RUNNING, DONE or FAILED") String state,
        @Schema(description = "Where the cases came from: \"upload\" for a run posted to the API, the input file's path for a run from the command line") String input,
        @Schema(description = "i/n: the share of the input this run decides, by a hash of caseRef") String partition,
        @Schema(description = "When the upload was accepted and the run queued (UTC); absent for a run from the command line") OffsetDateTime queuedAt,
        @Schema(description = "When the run began reading and deciding (UTC); absent while it is queued") OffsetDateTime startedAt,
        @Schema(description = "When it finished or failed (UTC), absent while running") OffsetDateTime finishedAt,
        @Schema(description = "Cases read from the input (blank lines aside), in any partition") long casesRead,
        @Schema(description = "Cases left to the other partitions") long otherPartitions,
        @Schema(description = "Cases decided and recorded") long decided,
        @Schema(description = "Lines answered with a problem (bad input, or a decision that could not be recorded)") long problems,
        @Schema(description = "Seconds since it started, or that it took") double seconds,
        @Schema(description = "Cases read per second so far") double casesPerSecond,
        @Schema(description = "Share of the input read, 0 to 1, when its size is known") Double fractionRead,
        @Schema(description = "Estimated seconds left, when the input's size is known") Long secondsLeft,
        @Schema(description = "Why the run stopped early, when it did") String failure) {

    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    /** When the run was asked for: queued over HTTP, started on the command line; what the list of runs is ordered by. */
    OffsetDateTime requestedAt() {
        return queuedAt != null ? queuedAt : startedAt;
    }

    /** One line for a terminal: counts, speed and time left. */
    String progressLine() {
        StringBuilder line = new StringBuilder();
        if (fractionRead != null) {
            line.append(String.format("%5.1f%% ", 100 * fractionRead));
        }
        line.append(String.format("%,d read, %,d decided, %,d problems, %,.0f cases/s", casesRead, decided, problems,
                casesPerSecond));
        if (secondsLeft != null) {
            line.append(String.format(", ETA %d:%02d", secondsLeft / 60, secondsLeft % 60));
        }
        return line.toString();
    }
}
