package org.rentrecovery.decision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rentrecovery.support.TestCases;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The HTTP contract: decisions for realistic cases, and problem+json for every kind of bad input. */
@QuarkusTest
class DecisionEndpointTest {

    private static io.restassured.response.ValidatableResponse post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    @Test
    void answersTheNextActionWithReasonsAndPolicyVersion() {
        post("/api/decisions/next-action", TestCases.secure().set("account.balance", 150).json())
                .statusCode(200)
                .body("decisionId", matchesPattern("[0-9a-f-]{36}"))
                .body("caseRef", equalTo("TEST-1"))
                .body("policy.version", notNullValue())
                .body("policy.build", notNullValue())
                .body("escalation.step", equalTo("LETTER_1"))
                .body("nextAction.type", equalTo("SEND_REMINDER_LETTER_1"))
                .body("nextAction.dueBy", equalTo("2026-11-26"))
                .body("arrears.weeksOfRent", equalTo(1.5f))
                .body("reasons.rule", hasItem("EscalationStep/letter-1"));
    }

    @Test
    void escalationEndpointAnswersTheEscalationPart() {
        post("/api/decisions/escalation", TestCases.secure().set("account.balance", 150).json())
                .statusCode(200)
                .body("escalation.step", equalTo("LETTER_1"))
                .body("legal", equalTo(null));
    }

    @Test
    void aProposedNoticeIsCheckedOnItsPlannedDate() {
        // A market-rent letting: the Renters' Rights Act 2025 threshold (13 weeks) is in force for it (SI 2026/421 reg 2).
        String body = TestCases.assured().set("account.balance", 1299.99).set("tenancy.socialHousing", false)
                .set("proposedAction", Map.of("type", "SERVE_SECTION_8_NOTICE", "plannedDate", "2026-11-30", "grounds", List.of("GROUND_8")))
                .json();
        post("/api/decisions/next-action", body).statusCode(200)
                .body("proposedActionCheck.permitted", equalTo(false))
                .body("proposedActionCheck.blockedBy[0].guard", equalTo("GROUND_8_THRESHOLD"))
                .body("proposedActionCheck.blockedBy[0].reference", containsString("Renters' Rights Act 2025"));
    }

    @Test
    void aBreathingSpaceHoldsTheClaimAndSaysUntilWhen() {
        String body = TestCases.secure().set("account.balance", 1000)
                .set("breathingSpace", Map.of("type", "STANDARD", "startDate", "2026-11-10"))
                .set("proposedAction", Map.of("type", "ISSUE_POSSESSION_CLAIM")).json();
        post("/api/decisions/next-action", body).statusCode(200)
                .body("legal.breathingSpaceActive", equalTo(true))
                .body("proposedActionCheck.permitted", equalTo(false))
                .body("proposedActionCheck.blockedBy.guard", hasItem("BREATHING_SPACE"))
                .body("proposedActionCheck.blockedBy.until", hasItem("2027-01-08"))
                .body("nextAction.type", equalTo("CONTACT_ABOUT_CURRENT_RENT"));
    }

    @Test
    void aNegativeBalanceIsValid() {
        post("/api/decisions/next-action", TestCases.secure().set("account.balance", -40.5).json())
                .statusCode(200).body("escalation.step", equalTo("NO_ARREARS")).body("nextAction.type", equalTo("NO_ACTION"));
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/decisions/next-action"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    // ------------------------------------------------------------------ bad input

    private static void assertProblem(String body, String field) {
        post("/api/decisions/next-action", body).statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", notNullValue())
                .body("errors.field", hasItem(field));
    }

    @ParameterizedTest(name = "{0} = {1} -> 400 naming {0}")
    @CsvSource(delimiter = '|', value = {
            "tenancy.rentPerPeriod | 0",
            "tenancy.rentPerPeriod | -100",
            "tenancy.rentPerPeriod | 12.345",
            "tenancy.rentPerPeriod | \"100.00\"",
            "tenancy.type | \"COUNCIL\"",
            "tenancy.type | \"secure\"",
            "tenancy.type | \"SECURE \"",
            "tenancy.rentFrequency | 1",
            "account.balance | \"abc\"",
            "account.balance | 1e400",
            "account.technicalArrears | -1",
            "tenancy.tenants | {\"id\":\"T1\"}",
            "asOf | \"2026-02-30\"",
            "asOf | \"23/11/2026\"",
            "asOf | \"2026-11-23T00:00:00Z\"",
            "asOf | \"0001-01-01\"",
            "asOf | 20261123",
            "caseRef | \"\"",
            "caseRef | 12345",
            "arrangement.missedPayments | 1.5",
            "vulnerability.capacityConcern | \"yes\""})
    void refusesBadFieldValues(String field, String raw) {
        TestCases c = TestCases.secure().set("account.balance", 100).set("arrangement.status", "BROKEN")
                .set("vulnerability.flags", List.of());
        c.set(field, "__RAW__");
        assertProblem(c.json().replace("\"__RAW__\"", raw), field);
    }

    @ParameterizedTest(name = "missing {0}")
    @CsvSource({"caseRef", "asOf", "tenancy", "tenancy.type", "tenancy.rentFrequency", "tenancy.rentPerPeriod", "account",
            "account.balance"})
    void refusesMissingRequiredFields(String field) {
        TestCases c = TestCases.secure();
        c.set(field, null);
        assertProblem(c.json(), field);
    }

    @Test
    void refusesUnknownFieldsAtAnyDepth() {
        assertProblem(TestCases.secure().set("tenancy.rentPerWeek", 100).json(), "tenancy.rentPerWeek");
        assertProblem(TestCases.secure().set("comment", "x").json(), "comment");
    }

    @Test
    void refusesContradictoryDates() {
        assertProblem(TestCases.secure().set("tenancy.endDate", "2015-04-05").json(), "tenancy.endDate");
        assertProblem(TestCases.secure().set("account.lastPaymentDate", "2026-11-24").set("account.lastPaymentAmount", 10).json(),
                "account.lastPaymentDate");
        assertProblem(TestCases.secure().set("breathingSpace", Map.of("type", "STANDARD", "startDate", "2026-11-10",
                "endDate", "2026-11-01")).json(), "breathingSpace.endDate");
        assertProblem(TestCases.secure().set("recovery.notice", Map.of("type", "NOSP", "servedOn", "2026-10-01",
                "dateSpecified", "2026-09-01")).json(), "recovery.notice.dateSpecified");
        assertProblem(TestCases.secure().set("tenancy.tenants", List.of(Map.of("id", "T1", "deceased", true))).json(),
                "tenancy.tenants[0].dateOfDeath");
    }

    @Test
    void refusesTenThousandRecoveryActions() {
        TestCases c = TestCases.secure().set("account.balance", 100);
        for (int i = 0; i < 10_000; i++) {
            c.action("CONTACT_TENANT", 1);
        }
        assertProblem(c.json(), "recovery.actions");
    }

    @ParameterizedTest(name = "body: {0}")
    @CsvSource(delimiter = '|', value = {"''", "'   '", "null", "[]", "42", "'{\"caseRef\": '", "'{} trailing'", "'{\"caseRef\":\"A\",\"caseRef\":\"B\"}'"})
    void refusesBodiesThatAreNotOneCase(String body) {
        post("/api/decisions/next-action", body).statusCode(400).contentType("application/problem+json")
                .body("errors", not(org.hamcrest.Matchers.empty()));
    }

    @Test
    void refusesAWrongContentType() {
        given().contentType("text/plain").body(TestCases.secure().json()).when().post("/api/decisions/next-action").then()
                .statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
    }

    @Test
    void refusesATenMegabyteBody() {
        String padded = TestCases.secure().json();
        padded = padded.substring(0, padded.length() - 1) + " ".repeat(10 * 1024 * 1024 + 10) + "}";
        post("/api/decisions/next-action", padded).statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void unknownPathsAnswerNotFound() {
        given().when().get("/api/nothing-here").then().statusCode(404);
    }

    @Test
    void kogitoGeneratedDecisionEndpointsAreNotExposed() {
        given().contentType(ContentType.JSON).body("{}").when().post("/EscalationLadder").then().statusCode(404);
    }
}
