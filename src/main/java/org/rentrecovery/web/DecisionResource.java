package org.rentrecovery.web;

import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.NonBlocking;
import io.vertx.ext.web.RoutingContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Problem;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.decision.DecisionService;
import org.rentrecovery.decision.EscalationDecision;
import org.rentrecovery.decision.RoutingDecision;
import org.rentrecovery.decision.WriteOffAnswer;

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

    private final DecisionService decisions;
    private final RecordedDecisions recorded;

    @Inject
    public DecisionResource(DecisionService decisions, RecordedDecisions recorded) {
        this.decisions = decisions;
        this.recorded = recorded;
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
    @NonBlocking
    public CompletionStage<Decision> nextAction(byte[] body, @Context RoutingContext request) {
        return recorded.answer(OneCaseEndpoint.NEXT_ACTION.recordedAs(), body, request, decisions::decide);
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
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EscalationDecision.class)))
    @APIResponse(responseCode = "400", description = "The case is not valid: each bad field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The decision could not be recorded, so it is not answered; retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @NonBlocking
    public CompletionStage<EscalationDecision> escalation(byte[] body, @Context RoutingContext request) {
        return recorded.answer(OneCaseEndpoint.ESCALATION.recordedAs(), body, request, decisions::decideEscalation);
    }

    @POST
    @Path("/routing")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The routing part of the decision alone",
            description = "Same request as next-action; answers the team that has the case, the trigger that decided it, every "
                    + "trigger present, whether escalation is paused and a sentence the officer can act on (docs/routing.md).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseFacts.class),
            examples = @ExampleObject(name = "assured tenant, 5.75 weeks in arrears", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "decisionId, caseRef, asOf, policy, routing and the reasons for it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoutingDecision.class)))
    @APIResponse(responseCode = "400", description = "The case is not valid: each bad field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The decision could not be recorded, so it is not answered; retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @NonBlocking
    public CompletionStage<RoutingDecision> routing(byte[] body, @Context RoutingContext request) {
        return recorded.answer(OneCaseEndpoint.ROUTING.recordedAs(), body, request, decisions::decideRouting);
    }

    @POST
    @Path("/write-off")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The write-off part of the decision alone",
            description = "Same request as next-action; answers decisionId, caseRef, asOf, policy, writeOff (eligible, reasons, amount, "
                    + "approver, reinstatableIfTraced, each reason explained, the legal findings, the statute-barred amount and the "
                    + "next date a further amount becomes barred) and the reasons (limitation and write-off law rules, DMN rows).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseFacts.class),
            examples = @ExampleObject(name = "former tenant, untraceable", value = WRITE_OFF_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The write-off decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WriteOffAnswer.class)))
    @APIResponse(responseCode = "400", description = "The case is not valid: each bad field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The decision could not be recorded, so it is not answered; retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @NonBlocking
    public CompletionStage<WriteOffAnswer> writeOff(byte[] body, @Context RoutingContext request) {
        return recorded.answer(OneCaseEndpoint.WRITE_OFF.recordedAs(), body, request, decisions::decideWriteOff);
    }

    static final String WRITE_OFF_EXAMPLE = """
            {"caseRef": "FTA-0042", "asOf": "2026-11-23",
             "landlord": {"type": "LOCAL_AUTHORITY"},
             "tenancy": {"type": "SECURE", "startDate": "2016-04-04", "endDate": "2025-03-30",
                         "rentFrequency": "WEEKLY", "rentPerPeriod": 105.00, "tenants": [{"id": "T1", "ageYears": 38}]},
             "account": {"balance": 1840.00},
             "recovery": {"actions": [{"type": "TRANSFER_FORMER_TENANT_ARREARS", "date": "2025-04-02"},
                                      {"type": "SEND_FINAL_ACCOUNT_LETTER", "date": "2025-04-07"},
                                      {"type": "TRACE_FORMER_TENANT", "date": "2025-05-12"}]},
             "formerTenancy": {"traced": false, "tracingExhausted": true, "collectionAgencyPlacedOn": "2026-06-15"}}""";
}
