package org.rentrecovery.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.rentrecovery.support.DmnXml;
import org.rentrecovery.support.PostgresTestDatabase;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

@QuarkusTest
@TestProfile(PolicyLifecycleProfile.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class PolicyApiTest {
    static final String USER = ActingUser.HEADER;
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    String seed() {
        return given().get("/api/policies").then().statusCode(200).extract().path("timeline[0].versionId");
    }

    String draft(String author) {
        return given().header(USER, author).contentType(ContentType.JSON)
                .body("{\"from\": \"" + seed() + "\", \"note\": \"Letter 1 from two weeks' arrears\"}")
                .post("/api/policies").then().statusCode(201)
                .body("status", equalTo("DRAFT"), "author", equalTo(author), "parentId", equalTo(seed()))
                .extract().path("id");
    }

    @Test
    void shouldTakeTheLetter1ChangeFromDraftToActiveAndBack() {
        String id = draft("alice");
        given().header(USER, "alice").contentType("application/xml").body(PolicyFiles.ladderWithLetter1AtTwoWeeks())
                .put("/api/policies/{id}/models/" + PolicyFiles.LADDER, id)
                .then().statusCode(200).body("events.type", hasItem("MODEL_UPLOADED"));

        // A shadow run pins the draft; its recorded answer replays identically under the same version.
        String pinned = decide(TODAY, id).body("policy.version", equalTo(id), "escalation.step", not(equalTo("LETTER_1")))
                .extract().path("decisionId");
        // No body and no Content-Type, as `curl -X POST` sends it.
        given().noContentType().post("/api/decisions/{decisionId}/replay", pinned).then().statusCode(200)
                .body("policyVersion", equalTo(id), "identical", equalTo(true), "differences", hasSize(0),
                        "replayed.escalation.step", not(equalTo("LETTER_1")));
        String unpinned = decide(TODAY).body("policy.version", equalTo(seed())).extract().path("decisionId");
        given().post("/api/decisions/{decisionId}/replay", unpinned).then().statusCode(200)
                .body("policyVersion", equalTo(seed()), "identical", equalTo(true), "replayed.escalation.step", equalTo("LETTER_1"));

        given().get("/api/policies/{id}/diff", id).then().statusCode(200)
                .body("from", equalTo(seed()), "summary.cellsChanged", equalTo(1),
                        "models[0].tables[0].table", equalTo("EscalationStep"),
                        "models[0].tables[0].rows[0].cells[0].column", equalTo("weeksInArrears"),
                        "models[0].tables[0].rows[0].cells[0].before", equalTo(">= 1"),
                        "models[0].tables[0].rows[0].cells[0].after", equalTo(">= 2"));

        given().header(USER, "alice").contentType(ContentType.JSON).body("{}")
                .post("/api/policies/{id}/approve", id).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("/problems/policy-four-eyes"));
        given().header(USER, "bob").contentType(ContentType.JSON).body("{\"note\": \"checked\"}")
                .post("/api/policies/{id}/approve", id).then().statusCode(200)
                .body("status", equalTo("APPROVED"), "approvedBy", equalTo("bob"));

        given().header(USER, "bob").contentType(ContentType.JSON)
                .body("{\"effectiveFrom\": \"" + TODAY.minusDays(1) + "\"}")
                .post("/api/policies/{id}/activate", id).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("effectiveFrom"));
        given().header(USER, "bob").contentType(ContentType.JSON)
                .body("{\"effectiveFrom\": \"" + TODAY.plusDays(1) + "\", \"note\": \"from tomorrow\"}")
                .post("/api/policies/{id}/activate", id).then().statusCode(200)
                .body("activation.versionId", equalTo(id), "inForceToday", equalTo(seed()));
        given().get("/api/policies/{id}", id).then().statusCode(200)
                .body("status", equalTo("ACTIVE"), "activeFrom", equalTo(TODAY.plusDays(1).toString()));
        given().get("/api/policies").then().statusCode(200)
                .body("versions.find { it.id == '%s' }.periods[0].from".formatted(id), equalTo(TODAY.plusDays(1).toString()),
                        "versions.find { it.id == '%s' }.periods[0].until".formatted(seed()), equalTo(TODAY.plusDays(1).toString()));
        // One and a half weeks in arrears: Letter 1 under the seed (from 1 week), not under the draft (from 2 weeks).
        decide(TODAY).body("policy.version", equalTo(seed()), "escalation.step", equalTo("LETTER_1"));
        decide(TODAY.plusDays(1)).body("policy.version", equalTo(id), "escalation.step", not(equalTo("LETTER_1")));

        given().header(USER, "bob").contentType(ContentType.JSON).body("{\"note\": \"undo\"}")
                .post("/api/policies/rollback").then().statusCode(200)
                .body("activation.versionId", equalTo(seed()), "activation.rollback", equalTo(true));
        given().get("/api/policies/{id}", id).then().statusCode(200).body("status", equalTo("RETIRED"));
        decide(TODAY.plusDays(1)).body("policy.version", equalTo(seed()), "escalation.step", equalTo("LETTER_1"));
        given().get("/api/policies/{id}/models/" + PolicyFiles.LADDER, id).then().statusCode(200)
                .body(containsString("&gt;= 2"));
    }

    static io.restassured.response.ValidatableResponse decide(LocalDate asOf) {
        return decide(asOf, null);
    }

    /** One and a half weeks' arrears on a weekly secure tenancy, optionally pinned to a policy version. */
    static io.restassured.response.ValidatableResponse decide(LocalDate asOf, String policyVersion) {
        return given().contentType(ContentType.JSON).body(caseJson(asOf, policyVersion)).post("/api/decisions/next-action")
                .then().statusCode(200);
    }

    static String caseJson(LocalDate asOf, String policyVersion) {
        return """
                {"caseRef": "POLICY-1", "asOf": "%s", "landlord": {"type": "LOCAL_AUTHORITY"},
                 "tenancy": {"type": "SECURE", "startDate": "2015-04-06", "region": "ENGLAND_OUTSIDE_LONDON",
                             "rentFrequency": "WEEKLY", "rentPerPeriod": 100.00, "periodStartDay": "MONDAY",
                             "tenants": [{"id": "T1", "ageYears": 41}]},
                 "account": {"balance": 150.00}%s}""".formatted(asOf,
                policyVersion == null ? "" : ", \"policyVersion\": \"" + policyVersion + "\"");
    }

    @Test
    void shouldListTheWarningsOfAValidVersionWhenItIsValidated() {
        String id = draft("ivy");
        given().header(USER, "ivy").post("/api/policies/{id}/validate", id).then().statusCode(200)
                .body("valid", equalTo(true), "problems.size()", org.hamcrest.Matchers.greaterThan(0),
                        "problems.severity", org.hamcrest.Matchers.everyItem(equalTo("WARNING")));
        given().get("/api/policies/{id}", id).then().statusCode(200)
                .body("events.find { it.type == 'VALIDATED' }.detail", containsString(" warnings"));
    }

    @Test
    void shouldRefuseAPinToAVersionThatDoesNotExistNamingTheField() {
        given().contentType(ContentType.JSON).body(caseJson(TODAY, "no-such-version")).post("/api/decisions/next-action")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("policyVersion"), "detail", containsString("no-such-version"));
        given().post("/api/decisions/{decisionId}/replay", "3f1c2e4a-8b7d-4c1e-9a2b-5d6e7f8a9b0c").then().statusCode(404)
                .contentType("application/problem+json");
        given().post("/api/decisions/{decisionId}/replay", "not-an-id").then().statusCode(400)
                .body("errors[0].field", equalTo("decisionId"));
    }

    @Test
    void shouldRefuseAModelThatDoesNotCompileNamingModelTableRowAndColumn() {
        String id = draft("hana");
        String ladder = DmnXml.of(PolicyFiles.ladder()).change("EscalationStep-row-17-step", "\"LETTER_1\"", "\"LETTER_ONE\"").xml();
        given().header(USER, "hana").contentType("application/xml").body(utf8(ladder))
                .put("/api/policies/{id}/models/" + PolicyFiles.LADDER, id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/policy-invalid-model"),
                        "problems.model", hasItem("EscalationLadder"), "problems.table", hasItem("EscalationStep"),
                        "problems.column", hasItem("step"), "detail", containsString("LETTER_ONE"));
        given().get("/api/policies/{id}", id).then().statusCode(200).body("events", hasSize(1));
        String stored = given().get("/api/policies/{id}/models/" + PolicyFiles.LADDER, id).then().statusCode(200)
                .extract().asString();
        assertThat(DmnXml.of(stored).text("EscalationStep-row-17-step")).as("the draft keeps the model it had").isEqualTo("\"LETTER_1\"");
    }

    @Test
    void shouldRefuseBadUploadsWithAProblemNamingTheModelAndStoreNothing() {
        String id = draft("carol");
        given().header(USER, "carol").contentType("application/xml").body("<definitions><oops>")
                .put("/api/policies/{id}/models/" + PolicyFiles.LADDER, id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/policy-invalid-model"), "problems[0].path", equalTo(PolicyFiles.LADDER),
                        "detail", containsString("not well-formed XML"));
        given().header(USER, "carol").contentType("application/xml").body("<note>not a model</note>")
                .put("/api/policies/{id}/models/" + PolicyFiles.LADDER, id).then().statusCode(400)
                .body("detail", containsString("not a DMN model"));
        given().get("/api/policies/{id}", id).then().statusCode(200).body("events", hasSize(1));
    }

    @Test
    void shouldRefuseAnUploadOf20MegabytesAsTooLarge() {
        byte[] huge = new byte[20 * 1000 * 1000];
        java.util.Arrays.fill(huge, (byte) ' ');
        String id = draft("dave");
        given().header(USER, "dave").contentType("application/xml").body(huge)
                .put("/api/policies/{id}/models/" + PolicyFiles.LADDER, id).then().statusCode(413)
                .contentType("application/problem+json").body("detail", notNullValue());
    }

    @Test
    void shouldAnswerNotFoundForAVersionThatDoesNotExist() {
        given().get("/api/policies/no-such-version").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no-such-version"));
        given().header(USER, "erin").contentType(ContentType.JSON).body("{\"from\": \"no-such-version\", \"note\": \"x\"}")
                .post("/api/policies").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldRequireASignedInUser() {
        given().header("Authorization", org.rentrecovery.support.TestIdentity.ANONYMOUS).contentType(ContentType.JSON)
                .body("{\"from\": \"" + seed() + "\", \"note\": \"x\"}")
                .post("/api/policies").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseActivatingADraft() {
        String id = draft("frank");
        given().header(USER, "gina").contentType(ContentType.JSON)
                .body("{\"effectiveFrom\": \"" + TODAY.plusDays(2) + "\"}")
                .post("/api/policies/{id}/activate", id).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("/problems/policy-not-approved"));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
