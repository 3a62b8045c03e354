package org.rentrecovery.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rentrecovery.support.PostgresTestDatabase;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Issue 13 item 6 end to end over HTTP: the suites a draft moves are updated in the same draft (the
 * draft's answers accepted cell by cell, or a suite uploaded whole), the suites then run on the
 * draft's copies, the diff shows the suite change, and approval and the next draft carry the copies.
 */
@QuarkusTest
@TestProfile(PolicyLifecycleProfile.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class DraftSuitesApiTest {
    static final String USER = ActingUser.HEADER;
    static final String FIRST_STEPS = "escalation/first-steps.csv";
    /** "Letter 1 at exactly one week's rent": Letter 1 under the seed, not once Letter 1 waits for two weeks. */
    static final int LETTER_1_AT_ONE_WEEK = 9;

    String letter1Draft(String author) {
        String seed = given().get("/api/policies").then().statusCode(200).extract().path("timeline[0].versionId");
        String id = given().header(USER, author).contentType(ContentType.JSON)
                .body("{\"from\": \"" + seed + "\", \"note\": \"Letter 1 from two weeks' arrears, suites updated\"}")
                .post("/api/policies").then().statusCode(201).extract().path("id");
        given().header(USER, author).contentType("application/xml").body(PolicyFiles.ladderWithLetter1AtTwoWeeks())
                .put("/api/policies/{id}/models/" + PolicyFiles.LADDER, id).then().statusCode(200);
        return id;
    }

    JsonPath runFirstSteps(String id) {
        return given().header(USER, "alice").contentType(ContentType.JSON).body("{\"stored\": [\"" + FIRST_STEPS + "\"]}")
                .post("/api/policies/{id}/suites", id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldUpdateTheMovedExpectationsInTheDraftAndCarryThemThroughApproval() {
        String id = letter1Draft("alice");
        JsonPath before = runFirstSteps(id);
        Map<String, Object> moved = before.getMap("movedScenarios.find { it.line == " + LETTER_1_AT_ONE_WEEK + " }");
        assertThat(moved).as("the Letter 1 scenario moves").isNotNull().containsEntry("suite", FIRST_STEPS)
                .containsEntry("inVersion", false);
        String draftStep = before.getString("movedScenarios.find { it.line == 9 }.expectations.find { it.path == 'escalation.step' }.after");
        assertThat(draftStep).isNotEqualTo("LETTER_1");

        given().header(USER, "alice").contentType(ContentType.JSON).body("""
                {"expectations": [{"file": "test-scenarios/escalation/first-steps.csv", "line": 9, "path": "escalation.step"},
                                  {"file": "escalation/first-steps.csv", "line": 9, "path": "nextAction.type"}]}""")
                .post("/api/policies/{id}/suites/accept", id).then().statusCode(200)
                .body("rewritten[0].file", equalTo(FIRST_STEPS), "rewritten[0].column", equalTo("expect.escalation.step"),
                        "rewritten[0].before", equalTo("LETTER_1"), "rewritten[0].after", equalTo(draftStep),
                        "rewritten[1].before", equalTo("SEND_REMINDER_LETTER_1"));

        // The suites now run on the draft's copy: both cells hold under the draft and fail as written under the seed.
        JsonPath after = runFirstSteps(id);
        assertThat(after.getList("suiteCopies")).containsExactly(FIRST_STEPS);
        assertThat(after.getBoolean("movedScenarios.find { it.line == 9 }.inVersion")).isTrue();
        assertThat(after.getList("movedScenarios.find { it.line == 9 }.expectations.findAll { it.path != 'reasons[*].rule' }.heldAfter"))
                .containsOnly(true);
        assertThat(after.getInt("passedAfter")).isEqualTo(before.getInt("passedAfter"));

        String copy = given().get("/api/policies/{id}/suites/" + FIRST_STEPS, id).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        String stored = given().get("/api/policies/{id}/suites/" + FIRST_STEPS, seed()).then().statusCode(200).extract().asString();
        assertThat(copy.lines().toList().get(LETTER_1_AT_ONE_WEEK - 1))
                .isEqualTo("Letter 1 at exactly one week's rent,EscalationStep/letter-1,,,,100.00,,," + draftStep + ","
                        + after.getString("movedScenarios.find { it.line == 9 }.expectations.find { it.path == 'nextAction.type' }.after")
                        + ",contains EscalationActions/letter-1");
        assertThat(copy.lines().count()).as("one row changed, nothing else").isEqualTo(stored.lines().count());
        assertThat(stored).contains("100.00,,,LETTER_1,SEND_REMINDER_LETTER_1");
        given().get("/api/policies/{id}/suites", id).then().statusCode(200)
                .body("find { it.path == '" + FIRST_STEPS + "' }.inVersion", equalTo(true),
                        "find { it.path == 'escalation/letters-and-notice.csv' }.inVersion", equalTo(false));

        given().get("/api/policies/{id}/diff", id).then().statusCode(200)
                .body("suites[0].path", equalTo(FIRST_STEPS), "suites[0].change", equalTo("CHANGED"),
                        "suites[0].rows[0].scenario", equalTo("Letter 1 at exactly one week's rent"),
                        "suites[0].rows[0].lineBefore", equalTo(LETTER_1_AT_ONE_WEEK),
                        "suites[0].rows[0].cells.column", equalTo(List.of("expect.escalation.step", "expect.nextAction.type")),
                        "suites[0].rows[0].cells[0].before", equalTo("LETTER_1"), "suites[0].rows[0].cells[0].after", equalTo(draftStep),
                        "models[0].path", equalTo(PolicyFiles.LADDER));

        given().header(USER, "bob").contentType(ContentType.JSON).body("{\"note\": \"suites follow the change\"}")
                .post("/api/policies/{id}/approve", id).then().statusCode(200)
                .body("status", equalTo("APPROVED"), "suites[0].path", equalTo(FIRST_STEPS), "suites[0].inVersion", equalTo(true),
                        "events.type", hasItem("SUITE_EXPECTATIONS_ACCEPTED"));
        given().header(USER, "alice").contentType("text/csv; charset=UTF-8").body(copy)
                .put("/api/policies/{id}/suites/" + FIRST_STEPS, id).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("/problems/policy-not-a-draft"));
        String next = given().header(USER, "carol").contentType(ContentType.JSON)
                .body("{\"from\": \"" + id + "\", \"note\": \"next change\"}").post("/api/policies").then().statusCode(201)
                .body("suites[0].path", equalTo(FIRST_STEPS)).extract().path("id");
        assertThat(given().get("/api/policies/{id}/suites/" + FIRST_STEPS, next).then().statusCode(200).extract().asString())
                .isEqualTo(copy);
    }

    @Test
    void shouldRefuseABadSuiteNamingFileLineAndColumnAndStoreNothing() {
        String id = letter1Draft("dora");
        String stored = given().get("/api/policies/{id}/suites/" + FIRST_STEPS, id).then().statusCode(200).extract().asString();
        String bad = stored.replace("100.00,,,LETTER_1,SEND_REMINDER_LETTER_1", "100.00,,,LETTER_1,SEND_REMINDER_LETTER_ONE");
        given().header(USER, "dora").contentType("text/csv; charset=UTF-8").body(bad)
                .put("/api/policies/{id}/suites/" + FIRST_STEPS, id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/policy-invalid-suite"), "detail", containsString(FIRST_STEPS),
                        "problems.path", hasItem(FIRST_STEPS), "problems.line", hasItem(LETTER_1_AT_ONE_WEEK),
                        "problems.column", hasItem("expect.nextAction.type"),
                        "problems.message", hasItem(containsString("SEND_REMINDER_LETTER_ONE")));
        given().get("/api/policies/{id}", id).then().statusCode(200).body("suites.size()", equalTo(0));

        // A good upload is stored whole and can be dropped again.
        given().header(USER, "dora").contentType("text/csv; charset=UTF-8").body(stored.replace("No SMS just under £5", "No SMS below £5"))
                .put("/api/policies/{id}/suites/" + FIRST_STEPS, id).then().statusCode(200)
                .body("path", equalTo(FIRST_STEPS), "inVersion", equalTo(true));
        given().get("/api/policies/{id}/diff", id).then().statusCode(200)
                .body("suites[0].rows.change", equalTo(List.of("REMOVED", "ADDED")));
        given().header(USER, "dora").delete("/api/policies/{id}/suites/" + FIRST_STEPS, id).then().statusCode(204);
        given().get("/api/policies/{id}", id).then().statusCode(200).body("suites.size()", equalTo(0),
                "events.type", hasItem("SUITE_REMOVED"));
    }

    @Test
    void shouldRefuseRequestsThatNameNoSuiteOrCannotBeRewritten() {
        String id = letter1Draft("erin");
        given().header(USER, "erin").contentType("text/csv; charset=UTF-8").body("name,expect.escalation.step\nx,MONITOR\n")
                .put("/api/policies/{id}/suites/escalation/Bad Name.yaml", id).then().statusCode(400)
                .body("errors[0].field", equalTo("path"));
        given().get("/api/policies/{id}/suites/escalation/no-such-suite.csv", id).then().statusCode(404)
                .contentType("application/problem+json");
        given().header(USER, "erin").delete("/api/policies/{id}/suites/" + FIRST_STEPS, id).then().statusCode(404);
        accept(id, "{\"expectations\": []}").statusCode(400).body("errors[0].field", equalTo("expectations"));
        accept(id, "{\"expectations\": [{\"file\": \"" + FIRST_STEPS + "\", \"line\": 2000, \"path\": \"escalation.step\"}]}")
                .statusCode(400).body("errors[0].field", equalTo("expectations[0].line"));
        accept(id, "{\"expectations\": [{\"file\": \"" + FIRST_STEPS + "\", \"line\": 9, \"path\": \"team\"}]}")
                .statusCode(400).body("errors[0].field", equalTo("expectations[0].path"));
        accept(id, "{\"expectations\": [{\"file\": \"" + FIRST_STEPS + "\", \"line\": 9, \"path\": \"reasons[*].rule\"}]}")
                .statusCode(400).body("errors[0].field", equalTo("expectations[0].path"), "detail", containsString("contains"));
        given().get("/api/policies/{id}", id).then().statusCode(200).body("suites.size()", equalTo(0));
        given().header(USER, "erin").contentType(ContentType.JSON).body("{\"expectations\": []}")
                .post("/api/policies/{id}/suites/accept", "no-such-version").then().statusCode(404);
    }

    io.restassured.response.ValidatableResponse accept(String id, String body) {
        return given().header(USER, "erin").contentType(ContentType.JSON).body(body)
                .post("/api/policies/{id}/suites/accept", id).then().contentType("application/problem+json");
    }

    String seed() {
        return given().get("/api/policies").then().statusCode(200).extract().path("timeline[0].versionId");
    }
}
