package org.rentrecovery.benefitcap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;
import org.rentrecovery.support.TestCases;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The HTTP contract of POST /api/decisions/benefit-cap and the benefit cap parts of next-action. */
@QuarkusTest
class BenefitCapEndpointTest {

    private static io.restassured.response.ValidatableResponse post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    /** A lone parent in London on UC, capped by £52 a week, £1,450 behind on £160 a week. */
    private static TestCases cappedLoneParent() {
        return TestCases.secure().set("tenancy.region", "LONDON").set("tenancy.rentPerPeriod", 160.00)
                .set("account.balance", 1450.00)
                .set("household.composition", "LONE_PARENT").set("household.netEarningsMonthly", 400.00)
                .set("household.monthlyIncome", 1900.00).set("household.monthlyEssentialSpending", 1780.00)
                .set("benefits.housingCostSupport", "UNIVERSAL_CREDIT").set("benefits.benefitCapped", true)
                .set("benefits.capReductionPerWeek", 52.00).set("benefits.paidDirectToLandlord", false)
                .set("benefits.ucStandardAllowanceMonthly", 400.14);
    }

    @Test
    void benefitCapEndpointAnswersThePartAlone() {
        post("/api/decisions/benefit-cap", cappedLoneParent().json())
                .statusCode(200)
                .body("decisionId", matchesPattern("[0-9a-f-]{36}"))
                .body("caseRef", equalTo("TEST-1"))
                .body("asOf", equalTo("2026-11-23"))
                .body("policy.version", notNullValue())
                .body("benefitCap.capped", equalTo(true))
                .body("benefitCap.exempt", equalTo(false))
                .body("benefitCap.capPerWeek", equalTo(486.98f))
                .body("benefitCap.benefitYear", equalTo("2026/27"))
                .body("benefitCap.priorityScore", equalTo(50))
                .body("benefitCap.earlyIntervention", equalTo(true))
                .body("benefitCap.scoreContributions.condition", hasItem("BENEFIT_CAP_APPLIED"))
                .body("benefitCap.scoreContributions.row", hasItem("PriorityContributions/benefit-cap-applied"))
                .body("benefitCap.apaEligibleToRequest", equalTo(true))
                .body("benefitCap.tpdRange.minPerMonth", equalTo(40.02f))
                .body("benefitCap.tpdRange.maxPerMonth", equalTo(80.02f))
                .body("benefitCap.incomeActions.type", hasItem("REQUEST_UC_MANAGED_PAYMENT"))
                .body("repaymentPlan.affordablePerWeek", equalTo(13.84f))
                .body("repaymentPlan.weeksToClear", equalTo(105))
                .body("repaymentPlan.explanation", containsString("1900.00 - 1780.00 = 120.00"))
                .body("reasons.rule", hasItem("PriorityBand/early-intervention"))
                .body("escalation", equalTo(null));
    }

    @Test
    void nextActionCarriesBenefitCapAndRepaymentPlan() {
        post("/api/decisions/next-action", cappedLoneParent().json())
                .statusCode(200)
                .body("benefitCap.priorityBand", equalTo("EARLY_INTERVENTION"))
                .body("repaymentPlan.status", equalTo("PLAN"))
                .body("recommendedActions.type", hasItem("REQUEST_UC_MANAGED_PAYMENT"));
    }

    @Test
    void negativeEarningsAreRefused() {
        post("/api/decisions/benefit-cap", cappedLoneParent().set("household.netEarningsMonthly", -1.00).json())
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("household.netEarningsMonthly"));
    }

    @Test
    void aUniversalCreditCapReductionAboveTheRentIsAssessedNotRefused() {
        // UC Regs 2013 reg 81: the whole award (less childcare costs) is reduced, so the reduction can exceed the rent.
        post("/api/decisions/benefit-cap", cappedLoneParent().set("benefits.capReductionPerWeek", 160.01).json())
                .statusCode(200)
                .body("benefitCap.capped", equalTo(true))
                .body("benefitCap.capReductionPerWeek", equalTo(160.01f));
    }

    @Test
    void aHousingBenefitCapReductionLeavesFiftyPence() {
        // HB Regs 2006 reg 75D(2): the cap cannot take Housing Benefit below 50p a week.
        post("/api/decisions/benefit-cap", cappedLoneParent().set("benefits.housingCostSupport", "HOUSING_BENEFIT")
                .set("benefits.capReductionPerWeek", 159.51).json())
                .statusCode(200)
                .body("benefitCap.capReductionPerWeek", equalTo(159.5f))
                .body("reasons.rule", hasItem("facts#hbCapFloor"));
    }

    @Test
    void anUnknownBenefitTypeIsRefused() {
        post("/api/decisions/benefit-cap", cappedLoneParent().set("benefits.housingCostSupport", "TAX_CREDITS").json())
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("benefits.housingCostSupport"));
    }

    @Test
    void contradictoryCapFactsAreRefused() {
        post("/api/decisions/next-action", cappedLoneParent().set("benefits.housingCostSupport", "NONE").json())
                .statusCode(400).body("errors.field", hasItem("benefits.benefitCapped"));
        post("/api/decisions/next-action", cappedLoneParent().set("benefits.benefitCapped", false).json())
                .statusCode(400).body("errors.field", hasItem("benefits.capReductionPerWeek"));
        post("/api/decisions/next-action", cappedLoneParent().set("household.allOverStatePensionAge", true)
                .set("household.anyoneOverStatePensionAge", false).json())
                .statusCode(400).body("errors.field", hasItem("household.allOverStatePensionAge"));
        post("/api/decisions/next-action", cappedLoneParent().set("household.monthlyIncome", 399.99).json())
                .statusCode(400).body("errors.field", hasItem("household.monthlyIncome"));
    }
}
