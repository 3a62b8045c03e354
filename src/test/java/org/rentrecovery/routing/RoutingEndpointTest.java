package org.rentrecovery.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rentrecovery.support.TestCases;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The HTTP contract of routing: POST /api/decisions/routing, the routing part of next-action, and its 400s. */
@QuarkusTest
class RoutingEndpointTest {

    private static ValidatableResponse post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    private static TestCases formerTenantWithMentalHealthFlag() {
        return TestCases.secure().set("account.balance", 640).set("tenancy.endDate", "2026-10-01")
                .set("vulnerability.flags", List.of("MENTAL_HEALTH"));
    }

    @Test
    void routingAnswersTheTeamTheDecidingTriggerAndASentence() {
        post("/api/decisions/routing", formerTenantWithMentalHealthFlag().json())
                .statusCode(200)
                .body("decisionId", matchesPattern("[0-9a-f-]{36}"))
                .body("caseRef", equalTo("TEST-1"))
                .body("asOf", equalTo("2026-11-23"))
                .body("policy.version", notNullValue())
                .body("routing.team", equalTo("FORMER_TENANT_ARREARS"))
                .body("routing.decidedBy", equalTo("FORMER_TENANCY"))
                .body("routing.triggers", equalTo(List.of("FORMER_TENANCY", "MENTAL_HEALTH")))
                .body("routing.escalationPaused", equalTo(true))
                .body("routing.rule", equalTo("RoutingTeam/former-tenancy-complex-case"))
                .body("routing.instruction", containsString("Former Tenant Arrears team"))
                .body("reasons.rule", hasItem("RoutingTeam/former-tenancy-complex-case"))
                .body("reasons.rule", hasItem("ComplexCaseTrigger/mental-health"))
                .body("$", not(hasKey("nextAction")))
                .body("$", not(hasKey("legal")));
    }

    @Test
    void nextActionCarriesTheRoutingPart() {
        post("/api/decisions/next-action", TestCases.secure().set("account.balance", 150)
                .set("vulnerability.capacityConcern", true).json())
                .statusCode(200)
                .body("routing.team", equalTo("COMPLEX_CASE"))
                .body("routing.decidedBy", equalTo("CAPACITY_CONCERN"))
                .body("routing.escalationPaused", equalTo(true))
                .body("nextAction.type", notNullValue())
                .body("reasons.rule", hasItem("RoutingTeam/complex-case"));
    }

    @Test
    void theEscalationPartLeavesRoutingOut() {
        post("/api/decisions/escalation", TestCases.secure().set("account.balance", 150).json())
                .statusCode(200).body("$", not(hasKey("routing")));
    }

    @Test
    void theOpenApiDocumentListsTheRoutingEndpoint() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/decisions/routing"));
    }

    // ------------------------------------------------------------------ bad input: 400 naming the field

    private static void assertProblem(String body, String field, String message) {
        post("/api/decisions/routing", body).statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field))
                .body("errors.message", hasItem(containsString(message)));
    }

    @Test
    void anUnknownVulnerabilityFlagIsRefused() {
        assertProblem(TestCases.secure().set("vulnerability.flags", List.of("MENTAL_HEALTH", "GRUMPY")).json(),
                "vulnerability.flags[1]", "COMMUNITY_CARE_ASSESSMENT_PENDING");
    }

    @Test
    void aDeceasedTenantWithoutADateOfDeathIsRefused() {
        assertProblem(TestCases.secure().set("tenancy.tenants", List.of(Map.of("id", "T1", "deceased", true))).json(),
                "tenancy.tenants[0].dateOfDeath", "required when the tenant is deceased");
    }

    @Test
    void aDateOfDeathForATenantNotMarkedDeceasedIsRefused() {
        assertProblem(TestCases.secure().set("tenancy.tenants", List.of(Map.of("id", "T1", "dateOfDeath", "2026-10-01"))).json(),
                "tenancy.tenants[0].dateOfDeath", "deceased is not true");
    }

    @Test
    void aDateOfDeathAfterAsOfIsRefused() {
        assertProblem(TestCases.secure().set("tenancy.tenants",
                        List.of(Map.of("id", "T1", "deceased", true, "dateOfDeath", "2026-12-01"))).json(),
                "tenancy.tenants[0].dateOfDeath", "after asOf");
    }

    @Test
    void aBreathingSpaceThatEndsBeforeItStartsIsRefused() {
        assertProblem(TestCases.secure().set("breathingSpace",
                        Map.of("type", "MENTAL_HEALTH_CRISIS", "startDate", "2026-11-10", "endDate", "2026-11-01")).json(),
                "breathingSpace.endDate", "before breathingSpace.startDate");
    }

    @Test
    void anUnknownAssessmentStatusIsRefused() {
        assertProblem(TestCases.secure().set("vulnerability.assessment", "DONE").json(), "vulnerability.assessment", "must be one of NONE|OPEN|COMPLETED");
    }
}
