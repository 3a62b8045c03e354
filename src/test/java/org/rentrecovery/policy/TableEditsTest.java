package org.rentrecovery.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rentrecovery.support.DmnXml;
import org.rentrecovery.support.PostgresTestDatabase;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Issue 15, "no table edit can produce a 5xx": each edit a policy officer might make by mistake is
 * uploaded to a draft through the policy API, and is either refused there (400 problem+json naming
 * the model and table) or, where only a live case can show it, answered with the safe decision (an
 * officer reviews the case by hand) and counted, never an HTTP 500.
 */
@QuarkusTest
@TestProfile(PolicyLifecycleProfile.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class TableEditsTest {
    private static final String USER = ActingUser.HEADER;
    private static final String LADDER = PolicyFiles.LADDER;
    private static final String ROUTING = "routing/team-routing.dmn";
    private static final String BENEFIT_CAP = "benefitcap/benefit-cap-policy.dmn";
    private static final LocalDate TODAY = PolicyApiTest.TODAY;

    private String draft() {
        String seed = given().get("/api/policies").then().statusCode(200).extract().path("timeline[0].versionId");
        return given().header(USER, "alice").contentType(ContentType.JSON)
                .body("{\"from\": \"" + seed + "\", \"note\": \"a table edit\"}")
                .post("/api/policies").then().statusCode(201).extract().path("id");
    }

    /** The committed file edited as XML (an edit that names what the file lacks fails the test). */
    private static String edited(String path, UnaryOperator<DmnXml> edit) {
        return edit.apply(DmnXml.of(PolicyFiles.seed().get(path))).xml();
    }

    private ValidatableResponse upload(String draft, String path, String dmn) {
        return given().header(USER, "alice").contentType("application/xml; charset=UTF-8").body(dmn.getBytes(StandardCharsets.UTF_8))
                .put("/api/policies/{id}/models/" + path, draft).then();
    }

    private void refused(String path, String dmn, String code, String model, String table, String... words) {
        String draft = draft();
        var refusal = upload(draft, path, dmn).statusCode(400).contentType("application/problem+json")
                .body("problems.model", hasItem(model), "problems.table", hasItem(table),
                        "problems.message", hasItem(containsString(code)));
        for (String word : words) {
            refusal.body("problems.message", hasItem(allOf(containsString(code), containsString(word))));
        }
        // Nothing stored: the draft still has the seed's file.
        given().get("/api/policies/{id}/models/" + path, draft).then().statusCode(200).body(not(equalTo(dmn)));
    }

    /** Every row of a table cut, by its rules' id prefix. */
    private static DmnXml withoutRows(DmnXml xml, String table) {
        return xml.removeAll("rule", id -> id.startsWith(table + "-row-"));
    }

    @Test
    void aGapInAUniqueTableIsRefusedNamingTheCasesNoRowMatches() {
        // PriorityBand: < 20, [20..50), >= 50. Narrowing the middle band leaves scores from 40 to 50 without a row.
        String dmn = edited(BENEFIT_CAP, xml -> xml.change("PriorityBand-row-2-in-1", "[20..50)", "[20..40)"));
        refused(BENEFIT_CAP, dmn, "TABLE_GAP", "BenefitCapPolicy", "PriorityBand", "40", "50");
    }

    @Test
    void aTableTheAnalyserCannotCheckNeedsItsCatchAllRow() {
        // The ladder's last row (monitor) is its catch-all; limited to unpaused cases, the columns over
        // untyped strings (noticeStatus, courtOrder) leave the service unable to prove every case has a row.
        String dmn = edited(LADDER, xml -> xml.change("EscalationStep-row-20-pause", "-", "\"NONE\""));
        refused(LADDER, dmn, "TABLE_COVERAGE_UNCHECKED", "EscalationLadder", "EscalationStep", "noticeStatus", "catch-all");
    }

    @Test
    void anEmptySingleHitTableIsRefused() {
        String dmn = edited(ROUTING, xml -> withoutRows(xml, "RoutingTeam"));
        refused(ROUTING, dmn, "TABLE_EMPTY", "TeamRouting", "RoutingTeam");
    }

    @Test
    void aStepNameOutsideTheVocabularyIsRefusedAtItsRow() {
        String dmn = edited(LADDER, xml -> xml.change("EscalationStep-row-17-step", "\"LETTER_1\"", "\"LETTER_ONE\""));
        // The decision-table analyser finds it first: an output outside the column's allowed values.
        refused(LADDER, dmn, "DECISION_TABLE_ANALYSIS_ERROR", "EscalationLadder", "EscalationStep", "LETTER_ONE", "Rule 17");
    }

    @Test
    void anEmptyStepIsRefused() {
        String dmn = edited(LADDER, xml -> xml.change("EscalationStep-row-17-step", "\"LETTER_1\"", "null"));
        refused(LADDER, dmn, "EMPTY_VOCABULARY_VALUE", "EscalationLadder", "EscalationStep");
    }

    @Test
    void aRemovedOutputColumnIsRefused() {
        String dmn = edited(LADDER, xml -> xml.remove("EscalationStep-out-explanation")
                .removeAll("outputEntry", id -> id.matches("EscalationStep-row-\\d+-explanation")));
        String draft = draft();
        upload(draft, LADDER, dmn).statusCode(400).contentType("application/problem+json")
                .body("problems.model", hasItem("EscalationLadder"), "problems.table", hasItem("EscalationStep"));
    }

    @Test
    void wordsInANumberColumnAreRefusedAtTheirRow() {
        String dmn = edited(LADDER, xml -> xml.change("EscalationStep-row-17-stage", "1", "\"one\""));
        refused(LADDER, dmn, "OUTPUT_TYPE", "EscalationLadder", "EscalationStep", "stage as a number", "\"one\"");
        given().header(USER, "alice").contentType("application/xml; charset=UTF-8").body(dmn.getBytes(StandardCharsets.UTF_8))
                .put("/api/policies/{id}/models/" + LADDER, draft()).then().statusCode(400)
                .body("problems.row", hasItem("letter-1"), "problems.column", hasItem("stage"));
    }

    /** A name the routing table does not take, output by the ladder: refused at the ladder's row (issue 15's HTTP 500s). */
    @Test
    void aStepRoutingCannotTakeIsRefusedAtTheLaddersRow() {
        String dmn = edited(LADDER, xml -> xml.change("EscalationStep-row-10-step", "\"CLAIM_ISSUED\"", "\"MANUAL_REVIEW\""));
        upload(draft(), LADDER, dmn).statusCode(400).contentType("application/problem+json")
                .body("problems.table", hasItem("EscalationStep"), "problems.message", hasItem(containsString("MANUAL_REVIEW")));
    }

    /** An amount the service computes with may not be left empty in a row: refused at upload. */
    @Test
    void anEmptyAmountIsRefusedAtItsRow() {
        String dmn = edited(BENEFIT_CAP, xml -> xml.change("RepaymentLimits-row-2-ceilingPerWeek", "50.00", "null"));
        refused(BENEFIT_CAP, dmn, "OUTPUT_EMPTY", "BenefitCapPolicy", "RepaymentLimits", "ceilingPerWeek");
    }

    /** A computed amount that comes out empty on a case: the safe limits for that case, counted, never an HTTP 500. */
    @Test
    void anAmountThatComesOutEmptyOnACaseGivesTheSafeAnswer() {
        String dmn = edited(BENEFIT_CAP, xml -> xml
                .change("RepaymentLimits-row-1-ceilingPerWeek", "20.00", "if capApplied then null else 20.00")
                .change("RepaymentLimits-row-2-ceilingPerWeek", "50.00", "if capApplied then 50.00 else null"));
        String draft = draft();
        upload(draft, BENEFIT_CAP, dmn).statusCode(200);
        given().contentType(ContentType.JSON).body(PolicyApiTest.caseJson(TODAY, draft)).post("/api/decisions/next-action")
                .then().statusCode(200).body("policy.version", equalTo(draft));
        assertCounted("BenefitCapPolicy", "RepaymentLimits", "OUTPUT_UNREADABLE", draft);
    }

    /**
     * A computed cell the checks cannot read ahead of a case: it names a step outside the vocabulary
     * only for cases 20 weeks or more behind. Accepted on upload; such a case is answered with the
     * safe decision, whose reason names the model and table, and is counted.
     */
    @Test
    void aCellThatFailsOnlyOnSomeCasesGivesThoseTheSafeAnswer() {
        String dmn = edited(LADDER, xml -> xml.change("EscalationStep-row-18-step", "\"AWAIT_RESPONSE\"", "if weeksInArrears >= 20 then \"LONG_WAIT\" else \"AWAIT_RESPONSE\""));
        String draft = draft();
        upload(draft, LADDER, dmn).statusCode(200);
        // 25 weeks behind, Letter 1 three days ago: the await-response row.
        String body = """
                {"caseRef": "EDIT-1", "asOf": "%s", "landlord": {"type": "LOCAL_AUTHORITY"},
                 "tenancy": {"type": "SECURE", "startDate": "2015-04-06", "rentFrequency": "WEEKLY", "rentPerPeriod": 100.00},
                 "account": {"balance": 2500.00},
                 "recovery": {"actions": [{"type": "SEND_REMINDER_LETTER_1", "date": "%s"}]},
                 "policyVersion": "%s"}""".formatted(TODAY, TODAY.minusDays(3), draft);
        given().contentType(ContentType.JSON).body(body).post("/api/decisions/next-action").then().statusCode(200)
                .body("escalation.step", equalTo("MANUAL_REVIEW"),
                        "escalation.explanation", allOf(containsString("EscalationLadder/EscalationStep"), containsString(draft)),
                        "nextAction.type", equalTo("REFER_FOR_MANUAL_REVIEW"),
                        "reasons.rule", hasItem("EscalationStep/not-evaluated"));
        // Under 20 weeks the same draft answers as the seed does.
        given().contentType(ContentType.JSON).body(PolicyApiTest.caseJson(TODAY, draft)).post("/api/decisions/next-action")
                .then().statusCode(200).body("escalation.step", not(equalTo("MANUAL_REVIEW")));
        assertCounted("EscalationLadder", "EscalationStep", "EVALUATION_FAILED", draft);
    }

    /** A decision edited to answer nothing leaves the single-hit table reading it with no row: the safe band, counted. */
    @Test
    void aTableWithNoRowForACaseGivesTheSafeAnswer() {
        String dmn = edited(BENEFIT_CAP, xml -> xml.replaceTexts(
                "if PriorityContributions = null or count(PriorityContributions) = 0 then 0 else min(100, sum(PriorityContributions.points))",
                "if PriorityContributions = null or count(PriorityContributions) = 0 then null else min(100, sum(PriorityContributions.points))"));
        String draft = draft();
        upload(draft, BENEFIT_CAP, dmn).statusCode(200);
        given().contentType(ContentType.JSON).body(PolicyApiTest.caseJson(TODAY, draft)).post("/api/decisions/next-action")
                .then().statusCode(200).body("policy.version", equalTo(draft));
        assertCounted("BenefitCapPolicy", "PriorityBand", "NO_ROW_MATCHED", draft);
    }

    private static void assertCounted(String model, String table, String kind, String version) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("rentrecovery_policy_table_failures_total\\{([^}]*)\\} (\\d+\\.\\d+)").matcher(metrics);
        boolean found = false;
        while (line.find()) {
            String labels = line.group(1);
            if (labels.contains("model=\"" + model + "\"") && labels.contains("table=\"" + table + "\"")
                    && labels.contains("kind=\"" + kind + "\"") && labels.contains("policy_version=\"" + version + "\"")
                    && Double.parseDouble(line.group(2)) >= 1) {
                found = true;
            }
        }
        if (!found) {
            throw new AssertionError("no count of " + kind + " for " + model + "/" + table + " under " + version + " in /q/metrics");
        }
    }
}
