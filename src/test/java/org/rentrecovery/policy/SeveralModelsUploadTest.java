package org.rentrecovery.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rentrecovery.support.LandlordCodes;
import org.rentrecovery.support.PostgresTestDatabase;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

/**
 * A change that spans models goes in as one upload: a landlord's own action code needs the vocabulary and the
 * ActionCategory table changed together, and neither passes the set's checks alone. Several models are checked as one
 * set and stored together, or none is.
 */
@QuarkusTest
@TestProfile(PolicyLifecycleProfile.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class SeveralModelsUploadTest {
    private static final String USER = ActingUser.HEADER;
    private static final List<String> CHANGED = List.of(LandlordCodes.VOCABULARY, LandlordCodes.CATALOGUE, LandlordCodes.LADDER);

    private final PolicyApiTest lifecycle = new PolicyApiTest();

    private static RequestSpecification asAuthor(String author, Map<String, byte[]> files, List<String> paths) {
        RequestSpecification request = given().header(USER, author);
        for (String path : paths) {
            request = request.multiPart(path, path.substring(path.lastIndexOf('/') + 1), files.get(path), "application/xml");
        }
        return request;
    }

    @Test
    void aLandlordsOwnCodeIsUploadedWithItsCategoryInOneRequestWhereOneModelAtATimeIsRefused() {
        String id = lifecycle.draft("ines");
        Map<String, byte[]> files = LandlordCodes.withLandlordCodes(LandlordCodes.BOTH_DECLARED);
        given().header(USER, "ines").contentType("application/xml").body(files.get(LandlordCodes.VOCABULARY))
                .put("/api/policies/{id}/models/" + LandlordCodes.VOCABULARY, id).then().statusCode(400)
                .body("problems.findAll { it.severity == 'ERROR' }.message", hasItem(containsString("ACTION_WITHOUT_CATEGORY")));

        asAuthor("ines", files, CHANGED).put("/api/policies/{id}/models", id).then().statusCode(200)
                .body("events.findAll { it.type == 'MODEL_UPLOADED' }.detail", hasSize(3));
        for (String path : CHANGED) {
            byte[] stored = given().get("/api/policies/{id}/models/" + path, id).then().statusCode(200).extract().asByteArray();
            assertThat(stored).as(path).isEqualTo(files.get(path));
        }
        PolicyApiTest.decide(PolicyApiTest.TODAY, id).body("policy.version", equalTo(id))
                .body("nextAction.code", equalTo("DEMAND_EMAIL"), "nextAction.type", equalTo("LANDLORD_ACTION"));
        // The impact names the landlord's code, not only its type, so that two own codes are not counted as one.
        String portfolio = PolicyApiTest.caseJson(PolicyApiTest.TODAY, null).replace("\n", " ") + "\n";
        given().contentType("application/x-ndjson").body(portfolio.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/policies/{id}/impact", id).then().statusCode(200)
                .body("cases", equalTo(1), "nextActions.SEND_REMINDER_LETTER_1.DEMAND_EMAIL", equalTo(1));
    }

    @Test
    void impactComparesACaseOnlyTheDraftCanDecideBecauseItsHistoryHasTheDraftsOwnCode() {
        String id = lifecycle.draft("lea");
        Map<String, byte[]> files = LandlordCodes.withLandlordCodes(LandlordCodes.BOTH_DECLARED);
        asAuthor("lea", files, CHANGED).put("/api/policies/{id}/models", id).then().statusCode(200);
        String plain = PolicyApiTest.caseJson(PolicyApiTest.TODAY, null).replace("\n", " ");
        String emailed = plain.replace("\"POLICY-1\"", "\"EMAILED-1\"").replace("\"account\"", "\"recovery\": {\"actions\": "
                + "[{\"type\": \"LANDLORD_ACTION\", \"code\": \"DEMAND_EMAIL\", \"date\": \"" + PolicyApiTest.TODAY.minusDays(14)
                + "\"}]}, \"account\"");
        String typo = plain.replace("\"POLICY-1\"", "\"TYPO-1\"").replace("\"account\"", "\"recovery\": {\"actions\": "
                + "[{\"type\": \"LANDLORD_ACTION\", \"code\": \"DEMAND_EMIAL\", \"date\": \"" + PolicyApiTest.TODAY.minusDays(14)
                + "\"}]}, \"account\"");
        String portfolio = plain + "\n" + emailed + "\n" + typo + "\n";
        io.restassured.path.json.JsonPath report = given().contentType("application/x-ndjson")
                .body(portfolio.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/policies/{id}/impact", id).then().statusCode(200)
                .body("cases", equalTo(2), "decidedOnlyByCandidate", equalTo(1), "refusedByCandidate", equalTo(0))
                .body("invalid", equalTo(1), "invalidCases[0].caseRef", equalTo("TYPO-1"),
                        "invalidCases[0].problem", containsString("DEMAND_EMIAL"))
                .extract().jsonPath();
        // The email was sent a fortnight ago: the draft decides the case, the version in force refuses the code it lacks.
        Map<String, Integer> fromNotDecided = report.getMap("nextActions.NOT_DECIDED");
        assertThat(fromNotDecided).hasSize(1);
        String draftsAnswer = fromNotDecided.keySet().iterator().next();
        assertThat(draftsAnswer).isNotEqualTo("NOT_DECIDED");
        String cell = "nextAction NOT_DECIDED -> " + draftsAnswer;
        assertThat(report.getString("examples['" + cell + "'][0].caseRef")).isEqualTo("EMAILED-1");
        assertThat(report.getString("examples['" + cell + "'][0].before.reason"))
                .contains("DEMAND_EMAIL is not an action code policy version");
        assertThat(report.getString("examples['" + cell + "'][0].after.versionId")).isEqualTo(id);
        assertThat(report.getString("teams.NOT_DECIDED")).isNotNull();
    }

    @Test
    void noneOfSeveralModelsIsStoredWhenTheSetFailsItsChecks() {
        String id = lifecycle.draft("jon");
        // The vocabulary and the ladder name both codes; the ActionCategory table gives only one of them a category.
        Map<String, byte[]> files = LandlordCodes.withLandlordCodes(LandlordCodes.row("demand-email", "DEMAND_EMAIL", "LETTER"));
        io.restassured.path.json.JsonPath refused = asAuthor("jon", files, CHANGED).put("/api/policies/{id}/models", id).then()
                .statusCode(400).contentType("application/problem+json").body("type", equalTo("/problems/policy-invalid-model"))
                .body("problems.findAll { it.severity == 'ERROR' }.message", hasItem(containsString("ACTION_WITHOUT_CATEGORY")))
                .extract().jsonPath();
        // errors[] names what must be corrected, and only that. (Refused before the tables' analysis, which the
        // mistake does not need, the set has none of the analyser's warnings among its problems.)
        List<String> errorMessages = refused.getList("problems.findAll { it.severity == 'ERROR' }.message");
        assertThat(refused.<String>getList("errors.message")).isNotEmpty().containsExactlyElementsOf(errorMessages);
        given().get("/api/policies/{id}", id).then().statusCode(200).body("events", hasSize(1));
        Map<String, byte[]> seed = LandlordCodes.seed();
        for (String path : CHANGED) {
            byte[] stored = given().get("/api/policies/{id}/models/" + path, id).then().statusCode(200).extract().asByteArray();
            assertThat(stored).as("%s is the draft's own, unchanged", path).isEqualTo(seed.get(path));
        }
    }

    @Test
    void aBadPartIsNamedBeforeAnythingIsChecked() {
        String id = lifecycle.draft("kit");
        Map<String, byte[]> files = LandlordCodes.withLandlordCodes(LandlordCodes.BOTH_DECLARED);
        given().header(USER, "kit").multiPart("Vocabulary.DMN", "v.dmn", files.get(LandlordCodes.VOCABULARY), "application/xml")
                .put("/api/policies/{id}/models", id).then().statusCode(400).body("errors[0].field", equalTo("path"))
                .body("errors[0].message", containsString("was Vocabulary.DMN"));
        asAuthor("kit", files, List.of(LandlordCodes.VOCABULARY, LandlordCodes.VOCABULARY)).put("/api/policies/{id}/models", id)
                .then().statusCode(400).body("errors[0].field", equalTo(LandlordCodes.VOCABULARY))
                .body("errors[0].message", containsString("is sent 2 times"));
        given().header(USER, "kit").multiPart("vocabulary.dmn", "vocabulary.dmn", new byte[0], "application/xml")
                .put("/api/policies/{id}/models", id).then().statusCode(400)
                .body("detail", containsString("is empty"));
        // A part sent as a plain field rather than a file is read the same way.
        given().header(USER, "kit").multiPart("vocabulary.dmn", "<definitions><oops>")
                .put("/api/policies/{id}/models", id).then().statusCode(400)
                .body("type", equalTo("/problems/policy-invalid-model"), "detail", containsString("not well-formed XML"));
        // A multipart body with no part at all, i.e. cut short, is the caller's mistake, not an incident.
        given().header(USER, "kit").contentType("multipart/form-data; boundary=x").body("--x--\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("/api/policies/{id}/models", id).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"), "errors[0].message", containsString("closing boundary"))
                .body("title", equalTo("The request is not valid"));
        given().get("/api/policies/{id}", id).then().statusCode(200).body("events", hasSize(1))
                .body("events.type", everyItem(equalTo("DRAFT_CREATED")));
    }
}
