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
import org.rentrecovery.benefitcap.BenefitCapDecision;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Problem;
import org.rentrecovery.decision.DecisionService;

/** POST /api/decisions/benefit-cap: same request as next-action; the benefit cap and repayment parts alone. */
@Path("/api/decisions/benefit-cap")
@Tag(name = "Decisions")
public class BenefitCapResource {

    static final String EXAMPLE = """
            {"caseRef": "HRA-000777", "asOf": "2026-11-23",
             "landlord": {"type": "LOCAL_AUTHORITY"},
             "tenancy": {"type": "SECURE", "region": "LONDON", "rentFrequency": "WEEKLY", "rentPerPeriod": 160.00},
             "account": {"balance": 1450.00},
             "household": {"composition": "LONE_PARENT", "netEarningsMonthly": 400.00,
                           "monthlyIncome": 1900.00, "monthlyEssentialSpending": 1780.00},
             "benefits": {"housingCostSupport": "UNIVERSAL_CREDIT", "benefitCapped": true, "capReductionPerWeek": 52.00,
                          "paidDirectToLandlord": false, "ucStandardAllowanceMonthly": 400.14}}""";

    private final DecisionService decisions;
    private final RecordedDecisions recorded;

    @Inject
    public BenefitCapResource(DecisionService decisions, RecordedDecisions recorded) {
        this.decisions = decisions;
        this.recorded = recorded;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Benefit cap, early-intervention priority, income maximisation and an affordable repayment plan",
            description = "Same request as next-action. The cap law (exemptions, grace period) as in force on asOf; the landlord's "
                    + "priority score with each condition's points; the income steps to take before enforcement; and the "
                    + "arithmetic of an affordable arrangement. next-action carries the same parts and puts the steps through the legal guards.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseFacts.class),
            examples = @ExampleObject(name = "capped lone parent in London on UC", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The benefit cap decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BenefitCapDecision.class)))
    @APIResponse(responseCode = "400", description = "The case is not valid: each bad field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The decision could not be recorded, so it is not answered; retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @NonBlocking
    public CompletionStage<BenefitCapDecision> benefitCap(byte[] body, @Context RoutingContext request) {
        return recorded.answer(OneCaseEndpoint.BENEFIT_CAP.recordedAs(), body, request, decisions::decideBenefitCap);
    }
}
