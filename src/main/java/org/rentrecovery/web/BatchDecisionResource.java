package org.rentrecovery.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rentrecovery.contract.Problem;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.portfolio.CaseLineDecider;
import org.rentrecovery.portfolio.LineProblem;
import org.rentrecovery.portfolio.NdjsonLines;

/**
 * {@code POST /api/decisions/next-action/batch}: many cases in one request, for case systems that
 * send tens to thousands at once. Reads and answers line by line, so memory stays flat for any
 * size; each decision is recorded as a single next-action would be, and released only once its
 * record is durable (records of consecutive lines share commits). Whenever the input runs dry, every
 * answer so far is sent, so a client may also send one case at a time and wait for each answer.
 */
@Path("/api/decisions/next-action/batch")
@Tag(name = "Decisions")
public class BatchDecisionResource {
    public static final String NDJSON = "application/x-ndjson";
    /** Decisions whose records may be on their way to the store at once; bounds memory and lets them share commits. */
    static final int IN_FLIGHT = 256;

    static final String ENDPOINT_TAG = "/api/decisions/next-action/batch";

    private final CaseLineDecider decider;
    private final org.rentrecovery.decision.DecisionMeters meters;

    @Inject
    public BatchDecisionResource(CaseLineDecider decider, org.rentrecovery.decision.DecisionMeters meters) {
        this.decider = decider;
        this.meters = meters;
    }

    @POST
    @Consumes({NDJSON, "application/jsonl"})
    @Produces(NDJSON)
    @Operation(summary = "Next-action decisions for many cases, one per line",
            description = "NDJSON in: one case (the next-action request body) per line. NDJSON out: one line per input line, "
                    + "in the same order: the decision, exactly as next-action answers it, or a problem object (RFC 9457 fields "
                    + "plus `line`, the input line number, and `caseRef` when readable) for a line that is not a valid case "
                    + "(400) or whose decision could not be recorded (503). Blank lines are skipped. A line may be at most "
                    + "10 MiB; the body has no limit.")
    @RequestBody(required = true, content = @Content(mediaType = NDJSON,
            schema = @Schema(implementation = org.rentrecovery.contract.CaseFacts.class)))
    @APIResponse(responseCode = "200", description = "One decision or problem per input line, in order",
            content = @Content(mediaType = NDJSON, schema = @Schema(oneOf = {Decision.class, LineProblem.class})))
    @APIResponse(responseCode = "415", description = "Not sent as application/x-ndjson",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response batch(InputStream body) {
        StreamingOutput answers = out -> answer(body, out);
        return Response.ok(answers, NDJSON).build();
    }

    private void answer(InputStream body, OutputStream out) throws IOException {
        NdjsonLines lines = new NdjsonLines(body, (int) RequestGate.MAX_BODY_BYTES);
        ArrayDeque<CaseLineDecider.Outcome> inFlight = new ArrayDeque<>();
        long lastLine = 0;
        try {
            NdjsonLines.Line line;
            while ((line = lines.next()) != null) {
                lastLine = line.number();
                inFlight.add(line.tooLong() ? tooLong(line) : decider.decide(line.number(), line.bytes(), "next-action", null));
                while (!inFlight.isEmpty() && (inFlight.size() > IN_FLIGHT || inFlight.peek().recorded() == null
                        || inFlight.peek().recorded().isDone())) {
                    write(decider.awaitRecorded(inFlight.poll()), out);
                }
                if (lines.mustWaitForInput()) {
                    // A case system that sends a line and waits for its answer must get it now, not when a
                    // later line or the end of the body arrives.
                    drain(inFlight, out);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // The body broke off (client gone, or the transport refused it): what was decided is still
            // answered, then one problem says where reading stopped.
            drain(inFlight, out);
            write(new CaseLineDecider.Outcome(lastLine + 1, null, null, null, LineProblem.of(Problem.of(400,
                    "/problems/unreadable-input", "The input could not be read", "Reading stopped after line " + lastLine
                            + ": " + e.getMessage()), lastLine + 1, null)), out);
            out.flush();
            return;
        }
        drain(inFlight, out);
        out.flush();
    }

    private void drain(ArrayDeque<CaseLineDecider.Outcome> inFlight, OutputStream out) throws IOException {
        while (!inFlight.isEmpty()) {
            write(decider.awaitRecorded(inFlight.poll()), out);
        }
    }

    private static CaseLineDecider.Outcome tooLong(NdjsonLines.Line line) {
        return new CaseLineDecider.Outcome(line.number(), null, null, null, LineProblem.of(Problem.of(413,
                "/problems/payload-too-large", "Line too large", "The line is " + line.length() + " bytes; a case may be at most "
                        + RequestGate.MAX_BODY_BYTES + " bytes (10 MiB)."), line.number(), null));
    }

    private void write(CaseLineDecider.Outcome outcome, OutputStream out) throws IOException {
        byte[] bytes = outcome.decided() ? outcome.answerJson() : decider.mapper().writeValueAsBytes(outcome.problem());
        out.write(bytes);
        out.write('\n');
        if (outcome.decided()) {
            meters.count(ENDPOINT_TAG, outcome.decision());
        }
    }
}
