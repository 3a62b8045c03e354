package org.rentrecovery.decision;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rentrecovery.api.PayloadTooLargeException;
import org.rentrecovery.api.Problem;
import org.rentrecovery.api.RequestGate;
import org.rentrecovery.audit.DecisionAudit;
import org.rentrecovery.casefacts.CaseFacts;
import org.rentrecovery.casefacts.CaseFactsReader;

/** HTTP in front of the decision service: one case in, one decision out. */
@Path("/api/decisions")
@Tag(name = "Decisions")
public class DecisionResource {

    static final String EXAMPLE = """
            {"caseRef": "HRA-000123", "asOf": "2026-11-23",
             "landlord": {"type": "HOUSING_ASSOCIATION"},
             "tenancy": {"type": "ASSURED", "startDate": "2019-04-01", "region": "ENGLAND_OUTSIDE_LONDON",
                         "rentFrequency": "WEEKLY", "rentPerPeriod": 120.00, "periodStartDay": "MONDAY",
                         "tenants": [{"id": "T1", "ageYears": 34}]},
             "account": {"balance": 690.00},
             "recovery": {"actions": [{"type": "SEND_REMINDER_LETTER_1", "date": "2026-10-19"},
                                      {"type": "SEND_REMINDER_LETTER_2", "date": "2026-11-02"},
                                      {"type": "CONTACT_TENANT", "date": "2026-11-03"}]},
             "proposedAction": {"type": "SERVE_SECTION_8_NOTICE", "plannedDate": "2026-11-30", "grounds": ["GROUND_8"]}}""";

    private final CaseFactsReader reader;
    private final DecisionService decisions;

    /** Every answer is recorded before it is returned (503 when it cannot be). */
    @Inject
    DecisionAudit audit;

    @Inject
    public DecisionResource(CaseFactsReader reader, DecisionService decisions) {
        this.reader = reader;
        this.decisions = decisions;
    }

    @POST
    @Path("/next-action")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The full decision for one rent account",
            description = "Policy tables decide the escalation step; legal guards remove or hold what the law forbids on asOf "
                    + "(or on a proposed action's planned date). Every answer carries its reasons and the policy version.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseFacts.class),
            examples = @ExampleObject(name = "assured tenant, 5.75 weeks in arrears", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Decision.class)))
    @APIResponse(responseCode = "400", description = "The case is not valid: each bad field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over 10 MiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The decision could not be recorded, so it is not answered; retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Decision nextAction(byte[] body) {
        long started = System.nanoTime();
        return audit.record("next-action", body, decisions.decide(read(body)), started);
    }

    @POST
    @Path("/escalation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The escalation part of the decision alone",
            description = "Same request as next-action; answers the escalation step, next action, recommended and blocked actions, "
                    + "proposed action check and reasons.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseFacts.class),
            examples = @ExampleObject(name = "assured tenant, 5.75 weeks in arrears", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The escalation decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Decision.class)))
    @APIResponse(responseCode = "400", description = "The case is not valid: each bad field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The decision could not be recorded, so it is not answered; retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Decision escalation(byte[] body) {
        long started = System.nanoTime();
        Decision full = decisions.decide(read(body));
        return audit.record("escalation", body, new Decision(full.decisionId(), full.caseRef(), full.asOf(), full.decidedAt(), full.policy(),
                full.escalation(), full.nextAction(), full.recommendedActions(), full.blockedActions(), full.arrears(),
                null, full.proposedActionCheck(), full.reasons()), started);
    }

    private CaseFacts read(byte[] body) {
        if (body != null && body.length > RequestGate.MAX_BODY_BYTES) {
            throw new PayloadTooLargeException("The body is " + body.length + " bytes; the limit is "
                    + RequestGate.MAX_BODY_BYTES + " bytes (10 MiB).");
        }
        return reader.read(body);
    }
}
