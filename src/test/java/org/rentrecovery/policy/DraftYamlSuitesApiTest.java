package org.rentrecovery.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;
import org.rentrecovery.support.PostgresTestDatabase;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * A draft carries its own copies of YAML suites and of a CSV suite's defaults file, as it does of CSV suites: listed,
 * downloaded, uploaded after being read as the suites folder reads them (a defaults file with the CSV suite it
 * completes), run in place of the stored files, and shown in the diff; the service rewrites only CSV cells.
 */
@QuarkusTest
@TestProfile(PolicyLifecycleProfile.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class DraftYamlSuitesApiTest {
    private static final String USER = ActingUser.HEADER;
    private static final String BASICS = "escalation/ladder-basics.yaml";
    private static final String FIRST_STEPS = DraftSuitesApiTest.FIRST_STEPS;
    private static final String FIRST_STEPS_DEFAULTS = "escalation/first-steps.defaults.yaml";

    private final DraftSuitesApiTest drafts = new DraftSuitesApiTest();

    private static ValidatableResponse put(String author, String id, String path, String text) {
        return given().header(USER, author).contentType("application/yaml; charset=UTF-8")
                .body(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .put("/api/policies/{id}/suites/" + path, id).then();
    }

    private static JsonPath run(String id, String path) {
        return given().header(USER, "alice").contentType(ContentType.JSON).body("{\"stored\": [\"" + path + "\"]}")
                .post("/api/policies/{id}/suites", id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldRunBySuiteNameASuiteFileOnlyTheDraftHasAndNameItsFileAsTheRepositoryDoes() {
        String id = drafts.letter1Draft("gus");
        String own = "escalation/own-ladder.yaml";
        String stored = download(id, BASICS);
        put("gus", id, own, stored.replace("- name: ", "- name: Own ladder, ")).statusCode(200).body("inVersion", equalTo(true));

        JsonPath report = run(id, own);
        assertThat(report.getInt("scenarios")).isEqualTo(stored.split("\n  - name: ", -1).length - 1);
        assertThat(report.getList("movedScenarios.suite", String.class)).isNotEmpty().containsOnly(own);
        assertThat(report.getList("movedScenarios.file", String.class)).containsOnly("test-scenarios/" + own);
        given().header(USER, "alice").contentType(ContentType.JSON).body("{\"stored\": [\"escalation/no-such.yaml\"]}")
                .post("/api/policies/{id}/suites", id).then().statusCode(400).body("errors[0].field", equalTo("stored[0]"));
    }

    /**
     * A scenario whose history holds a code only the draft declares: the version in force refuses the case, and the
     * report says so with the refusal, where it used to show an absent value and no reasons.
     */
    @Test
    void shouldSayWhyTheVersionInForceRefusedAScenarioOnlyTheDraftDecides() {
        String seed = given().get("/api/policies").then().statusCode(200).extract().path("timeline[0].versionId");
        String id = given().header(USER, "hal").contentType(ContentType.JSON).body("{\"from\": \"" + seed + "\", \"note\": \"own codes\"}")
                .post("/api/policies").then().statusCode(201).extract().path("id");
        java.util.Map<String, byte[]> files = org.rentrecovery.support.LandlordCodes.withLandlordCodes(
                org.rentrecovery.support.LandlordCodes.BOTH_DECLARED);
        var upload = given().header(USER, "hal");
        for (String path : List.of(org.rentrecovery.support.LandlordCodes.VOCABULARY, org.rentrecovery.support.LandlordCodes.CATALOGUE,
                org.rentrecovery.support.LandlordCodes.LADDER)) {
            upload = upload.multiPart(path, path.substring(path.lastIndexOf('/') + 1), files.get(path), "application/xml");
        }
        upload.put("/api/policies/{id}/models", id).then().statusCode(200);
        String own = "escalation/own-codes.yaml";
        put("hal", id, own, """
                suite: The landlord's own codes
                reference: docs/policy-authoring.md
                scenarios:
                  - name: A demand email in the history
                    given:
                      caseRef: OWN-CODES-1
                      asOf: %s
                      landlord: {type: LOCAL_AUTHORITY}
                      tenancy: {type: SECURE, startDate: 2015-04-06, region: ENGLAND_OUTSIDE_LONDON, rentFrequency: WEEKLY,
                                rentPerPeriod: 100.00, periodStartDay: MONDAY, tenants: [{id: T1, ageYears: 41}]}
                      account: {balance: 150.00}
                      recovery: {actions: [{type: LANDLORD_ACTION, code: DEMAND_EMAIL, date: %s}]}
                    expect:
                      caseRef: OWN-CODES-1
                """.formatted(PolicyApiTest.TODAY, PolicyApiTest.TODAY.minusDays(3))).statusCode(200);

        JsonPath report = run(id, own);
        assertThat(report.getInt("passedBefore")).isZero();
        assertThat(report.getInt("passedAfter")).isEqualTo(1);
        assertThat(report.getString("movedScenarios[0].refusedBefore")).startsWith("400: ").contains("DEMAND_EMAIL");
        assertThat(report.getString("movedScenarios[0].refusedAfter")).isNull();
    }

    private static String download(String id, String path) {
        return given().get("/api/policies/{id}/suites/" + path, id).then().statusCode(200)
                .contentType(containsString("application/yaml")).extract().asString();
    }

    @Test
    void shouldCarryAYamlSuiteInTheDraftAndRunItInPlaceOfTheStoredOne() {
        String id = drafts.letter1Draft("fay");
        given().get("/api/policies/{id}/suites", id).then().statusCode(200)
                .body("find { it.path == '" + BASICS + "' }.inVersion", equalTo(false),
                        "find { it.path == '" + FIRST_STEPS_DEFAULTS + "' }.inVersion", equalTo(false));
        String stored = download(id, BASICS);
        assertThat(stored).contains("- name: A clear account needs nothing");

        put("fay", id, BASICS, stored.replace("nextAction.type: SEND_REMINDER_LETTER_1", "nextAction.type: SEND_REMINDER_LETTER_ONE"))
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/policy-invalid-suite"), "problems.path", hasItem(BASICS),
                        "problems.message", hasItem(containsString("SEND_REMINDER_LETTER_ONE")));
        given().get("/api/policies/{id}", id).then().statusCode(200).body("suites.size()", equalTo(0));

        String renamed = stored.replace("- name: A clear account needs nothing", "- name: A clear account needs no step");
        put("fay", id, BASICS, renamed).statusCode(200).body("path", equalTo(BASICS), "inVersion", equalTo(true));
        assertThat(download(id, BASICS)).isEqualTo(renamed);

        JsonPath report = run(id, BASICS);
        assertThat(report.getList("suiteCopies")).containsExactly(BASICS);
        assertThat(report.getBoolean("movedScenarios.find { it.name == \"One week's rent behind with no letter sent gets Letter 1\" }"
                + ".inVersion")).as("the Letter 1 scenario moves, read from the draft's copy").isTrue();

        given().get("/api/policies/{id}/diff", id).then().statusCode(200)
                .body("suites.find { it.path == '" + BASICS + "' }.change", equalTo("CHANGED"),
                        "suites.find { it.path == '" + BASICS + "' }.rows[0].scenario", equalTo("A clear account needs no step"),
                        "suites.find { it.path == '" + BASICS + "' }.rows[0].cells[0].column", equalTo("text"),
                        "suites.find { it.path == '" + BASICS + "' }.rows[0].cells[0].before",
                        equalTo("  - name: A clear account needs nothing"));

        // The service rewrites CSV cells only: a YAML suite is edited by download and upload.
        given().header(USER, "fay").contentType(ContentType.JSON)
                .body("{\"expectations\": [{\"file\": \"" + BASICS + "\", \"line\": 30, \"path\": \"escalation.step\"}]}")
                .post("/api/policies/{id}/suites/accept", id).then().statusCode(400)
                .body("errors[0].field", equalTo("expectations[0].file"), "detail", containsString("download"));
        given().header(USER, "fay").delete("/api/policies/{id}/suites/" + BASICS, id).then().statusCode(204);
        assertThat(download(id, BASICS)).isEqualTo(stored);
    }

    /** A draft with the seed's models: only its suite files differ. */
    private String plainDraft(String author) {
        return given().header(USER, author).contentType(ContentType.JSON)
                .body("{\"from\": \"" + drafts.seed() + "\", \"note\": \"suite defaults only\"}")
                .post("/api/policies").then().statusCode(201).extract().path("id");
    }

    @Test
    void shouldReadACsvSuiteWithTheDraftsCopyOfItsDefaults() {
        String id = plainDraft("gus");
        int passedAsStored = run(id, FIRST_STEPS).getInt("passedAfter");
        String defaults = download(id, FIRST_STEPS_DEFAULTS);

        put("gus", id, FIRST_STEPS_DEFAULTS, defaults.replace("account: {balance: 0.00}", "account: {balance: 0.00"))
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/policy-invalid-suite"), "problems.path", hasItem(FIRST_STEPS_DEFAULTS));
        put("gus", id, "escalation/no-such-suite.defaults.yaml", defaults).statusCode(400)
                .body("problems.message", hasItem(containsString("no escalation/no-such-suite.csv")));
        given().get("/api/policies/{id}", id).then().statusCode(200).body("suites.size()", equalTo(0));

        // Half the weekly rent: "a penny under one week" (£99.99) is now two weeks behind, so its scenarios fail as written.
        String halfRent = defaults.replace("rentPerPeriod: 100.00", "rentPerPeriod: 50.00");
        put("gus", id, FIRST_STEPS_DEFAULTS, halfRent).statusCode(200).body("path", equalTo(FIRST_STEPS_DEFAULTS), "inVersion", equalTo(true));
        JsonPath report = run(id, FIRST_STEPS);
        assertThat(report.getList("suiteCopies")).containsExactly(FIRST_STEPS_DEFAULTS);
        assertThat(report.getInt("passedAfter")).isLessThan(passedAsStored);
        given().get("/api/policies/{id}/diff", id).then().statusCode(200)
                .body("suites.find { it.path == '" + FIRST_STEPS_DEFAULTS + "' }.rows[0].cells[0].after", containsString("50.00"));
    }
}
