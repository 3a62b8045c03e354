package org.rentrecovery.scenarios;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.rentrecovery.support.Scenarios;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The three runners agree: the same suites give the same outcome, failures and rule coverage from
 * the engine mvn test uses (plain construction), from the command line and from
 * POST /api/scenarios/run (both on the container's beans and Kogito's generated rule unit).
 */
@QuarkusTest
class ScenarioRunnersAgreeTest {

    @Inject
    ScenarioCommand command;

    @Inject
    ObjectMapper mapper;

    @Test
    void httpCommandLineAndJUnitGiveTheSameResults() throws Exception {
        ScenarioEngine plain = Scenarios.engine();
        // Read back through the service's mapper, as the HTTP and CLI reports are, so numbers compare alike.
        JsonNode junit = mapper.readTree(plain.json().writeValueAsString(plain.run(plain.loader().load(Scenarios.SUITES))));

        String body = given().contentType("application/json").body("{}")
                .when().post("/api/scenarios/run")
                .then().statusCode(200).extract().asString();
        JsonNode http = mapper.readTree(body);

        Path reportDir = Path.of("target/scenario-report-cli");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = command.run(List.of("scenarios", "run", "test-scenarios/", "--report-dir", reportDir.toString()),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        JsonNode cli = mapper.readTree(Files.readString(reportDir.resolve(ReportWriter.JSON)));

        assertThat(exit).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("RESULT: PASSED", "Rule coverage: ");
        assertThat(outcomes(http)).hasSizeGreaterThanOrEqualTo(380).isEqualTo(outcomes(junit));
        assertThat(outcomes(cli)).isEqualTo(outcomes(junit));
        assertThat(http.get("coverage")).isEqualTo(junit.get("coverage"));
        assertThat(cli.get("coverage")).isEqualTo(junit.get("coverage"));
        // The generated rule unit in the container reports the same guard rules as the plain one.
        assertThat(http.at("/coverage/rules/0/neverFiredRules")).isEqualTo(junit.at("/coverage/rules/0/neverFiredRules"));
        assertThat(http.get("summary")).isEqualTo(junit.get("summary"));
    }

    /** Each scenario's identity, outcome, status and failures: what must not depend on the runner. */
    private static List<String> outcomes(JsonNode report) {
        List<String> out = new ArrayList<>();
        for (JsonNode suite : report.get("suites")) {
            for (JsonNode s : suite.get("scenarios")) {
                out.add(s.get("file").asText().replace("test-scenarios//", "test-scenarios/") + ":" + s.get("line") + " "
                        + s.get("name").asText() + " " + s.get("outcome").asText() + " " + s.get("status") + " " + s.get("failures"));
            }
        }
        return out;
    }

    @Test
    void anUploadedSuiteRunsAndAFailureExplainsItself() {
        String suite = """
                suite: uploaded
                defaults:
                  given:
                    caseRef: UP-1
                    asOf: 2026-11-23
                    tenancy: {type: SECURE, rentFrequency: WEEKLY, rentPerPeriod: 100.00}
                    account: {balance: 100.00}
                scenarios:
                  - name: right
                    expect: {escalation.step: LETTER_1}
                  - name: wrong
                    expect: {escalation.step: LETTER_2}
                """;
        given().contentType("application/json")
                .body(java.util.Map.of("upload", java.util.Map.of("fileName", "mine.yaml", "content", suite)))
                .when().post("/api/scenarios/run")
                .then().statusCode(200)
                .body("summary.passed", equalTo(1))
                .body("summary.failed", equalTo(1))
                .body("summary.success", equalTo(false))
                .body("suites[0].scenarios[1].failures[0].path", equalTo("escalation.step"))
                .body("suites[0].scenarios[1].failures[0].expected", equalTo("LETTER_2"))
                .body("suites[0].scenarios[1].failures[0].actual", equalTo("LETTER_1"))
                .body("suites[0].scenarios[1].failures[0].line", equalTo(12))
                .body("suites[0].scenarios[1].reasons.rule", org.hamcrest.Matchers.hasItem("EscalationStep/letter-1"));
    }

    @Test
    void aBadUploadOrAnUnknownStoredSuiteIsA400NamingTheFieldAndLine() {
        given().contentType("application/json")
                .body(java.util.Map.of("upload", java.util.Map.of("fileName", "bad.yaml",
                        "content", "scenarios:\n  - name: x\n    given: {acount.balance: 1}\n    expect: {status: 200}\n")))
                .when().post("/api/scenarios/run")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("upload.content"))
                .body("errors[0].message", containsString("bad.yaml:3: given 'acount.balance' is not in the case contract"));
        given().contentType("application/json").body("{\"stored\": [\"../pom.xml\"]}")
                .when().post("/api/scenarios/run")
                .then().statusCode(400).body("errors[0].field", equalTo("stored[0]"));
        given().contentType("application/json").body("{\"stord\": []}")
                .when().post("/api/scenarios/run")
                .then().log().ifValidationFails().statusCode(400).body("errors[0].field", equalTo("stord"));
    }

    @Test
    void chosenStoredSuitesRunAlone() {
        given().contentType("application/json").body("{\"stored\": [\"guards/ground-8.csv\"]}")
                .when().post("/api/scenarios/run")
                .then().statusCode(200)
                .body("summary.suites", equalTo(1))
                .body("summary.success", equalTo(true))
                .body("suites[0].file", equalTo("test-scenarios/guards/ground-8.csv"));
    }

    private static final String TWO_SCENARIOS = """
            suite: uploaded
            tags: [upload]
            defaults:
              given:
                caseRef: UP-2
                asOf: 2026-11-23
                tenancy: {type: SECURE, rentFrequency: WEEKLY, rentPerPeriod: 100.00}
                account: {balance: 100.00}
            scenarios:
              - name: right
                tags: [smoke]
                expect: {escalation.step: LETTER_1}
              - name: also right
                expect: {nextAction.type: SEND_REMINDER_LETTER_1}
            """;

    @Test
    void severalFilesUploadedAsAFormRunTogetherAndAnswerHtmlWhenAsked() {
        String csv = "name,given.account.balance,expect.escalation.step\nfrom the csv,100.00,LETTER_1\n";
        String defaults = TWO_SCENARIOS.substring(0, TWO_SCENARIOS.indexOf("scenarios:"));
        given().multiPart("file", "a.yaml", TWO_SCENARIOS.getBytes(StandardCharsets.UTF_8))
                .multiPart("file", "b.csv", csv.getBytes(StandardCharsets.UTF_8))
                .multiPart("file", "b.defaults.yaml", defaults.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/scenarios/run")
                .then().statusCode(200)
                .body("summary.suites", equalTo(2))
                .body("summary.passed", equalTo(3));
        given().multiPart("file", "a.yaml", TWO_SCENARIOS.getBytes(StandardCharsets.UTF_8)).multiPart("tag", "smoke")
                .accept("text/html")
                .when().post("/api/scenarios/run")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<h1>Scenario report</h1>"), containsString("1 scenarios in 1 suites, 1 passed"));
    }

    @Test
    void namesAndTagsChooseScenariosOverJson() {
        given().contentType("application/json")
                .body(java.util.Map.of("upload", java.util.Map.of("fileName", "mine.yaml", "content", TWO_SCENARIOS),
                        "names", List.of("ALSO")))
                .when().post("/api/scenarios/run")
                .then().statusCode(200).body("summary.scenarios", equalTo(1))
                .body("suites[0].scenarios[0].name", equalTo("also right"))
                .body("suites[0].scenarios[0].tags", equalTo(List.of("upload")));
        given().contentType("application/json").body("{\"stored\": [\"guards/ground-8.csv\"], \"tags\": [\"nothing-has-this\"]}")
                .when().post("/api/scenarios/run")
                .then().statusCode(200).body("summary.success", equalTo(false))
                .body("notes[0]", containsString("No scenario ran: tag nothing-has-this matched none of the 25 scenarios loaded"));
    }

    @Test
    void aBadRunIsTitledAsARunAndNamesEveryProblemAndStoredSuitesAreFoundByTheirFolder() {
        given().contentType("application/json")
                .body(java.util.Map.of("upload", java.util.Map.of("fileName", "bad.yaml",
                        "content", "scenarios:\n  - name: x\n    given: {acount.balance: 1}\n    expect: {escalation.step: LETER_1}\n")))
                .when().post("/api/scenarios/run")
                .then().statusCode(400)
                .body("title", equalTo("The scenario run request is not valid"))
                .body("errors.size()", equalTo(2))
                .body("errors[1].message", containsString("did you mean LETTER_1?"));
        given().contentType("application/json").body("{\"stored\": [\"test-scenarios/guards/ground-8.csv\"]}")
                .when().post("/api/scenarios/run")
                .then().statusCode(200).body("summary.scenarios", equalTo(25));
        given().contentType("application/json").body("{\"stored\": [\"guards/nothing.csv\"]}")
                .when().post("/api/scenarios/run")
                .then().statusCode(400).body("errors[0].message", containsString("the stored suites folder"));
    }
}
