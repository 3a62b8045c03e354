package org.rentrecovery.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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

    /**
     * A draft inherits its parent's warnings; validating it says which problems its own change brought: none for a draft
     * as made, and for a rung taken out of routing's rows, the one warning that says so (the seed's own early rungs,
     * routed the same way on purpose, are not among them).
     */
    @Test
    void validatingADraftSaysWhichWarningsItsOwnChangeBrought() {
        String draft = draft();
        given().header(USER, "alice").post("/api/policies/{id}/validate", draft).then().statusCode(200)
                .body("valid", equalTo(true), "problems.size()", org.hamcrest.Matchers.greaterThan(0),
                        "newSinceParent", org.hamcrest.Matchers.empty());
        Map<String, byte[]> files = org.rentrecovery.support.LandlordCodes.withOwnRung();
        var upload = given().header(USER, "alice");
        for (String path : List.of(org.rentrecovery.support.LandlordCodes.VOCABULARY, LADDER)) {
            upload = upload.multiPart(path, path.substring(path.lastIndexOf('/') + 1), files.get(path), "application/xml");
        }
        upload.put("/api/policies/{id}/models", draft).then().statusCode(200);
        given().header(USER, "alice").post("/api/policies/{id}/validate", draft).then().statusCode(200)
                .body("valid", equalTo(true), "newSinceParent.message", hasItem(allOf(containsString("VALUE_NOT_NAMED_DOWNSTREAM"),
                                containsString("'HEARING_LISTED' is output here"))),
                        "newSinceParent.message", org.hamcrest.Matchers.everyItem(containsString("HEARING_LISTED")));
    }

    @Test
    void anEmptySingleHitTableIsRefused() {
        String dmn = edited(ROUTING, xml -> withoutRows(xml, "RoutingTeam"));
        refused(ROUTING, dmn, "TABLE_EMPTY", "TeamRouting", "RoutingTeam");
    }

    @Test
    void aRemovedOutputColumnIsRefused() {
        String dmn = edited(LADDER, xml -> xml.remove("EscalationStep-out-explanation")
                .removeAll("outputEntry", id -> id.matches("EscalationStep-row-\\d+-explanation")));
        String draft = draft();
        upload(draft, LADDER, dmn).statusCode(400).contentType("application/problem+json")
                .body("problems.model", hasItem("EscalationLadder"), "problems.table", hasItem("EscalationStep"));
    }

    /** A name the routing table does not take, output by the ladder: refused at the ladder's row (issue 15's HTTP 500s). */
    @Test
    void aStepRoutingCannotTakeIsRefusedAtTheLaddersRow() {
        String dmn = edited(LADDER, xml -> xml.change("EscalationStep-row-10-step", "\"CLAIM_ISSUED\"", "\"MANUAL_REVIEW\""));
        upload(draft(), LADDER, dmn).statusCode(400).contentType("application/problem+json")
                .body("problems.table", hasItem("EscalationStep"), "problems.message", hasItem(containsString("MANUAL_REVIEW")));
    }

    /**
     * A quoted name outside its column's vocabulary in an input cell (the pause column is typed vocabulary.tEscalationPause,
     * so "LETTER_X" never arrives and letter-1 would never match): refused at upload naming model, table, row and column,
     * and nothing stored.
     */
    @Test
    void anInputCellTestingForANameOutsideItsColumnsVocabularyIsRefusedAtItsCell() {
        String dmn = edited(LADDER, xml -> xml.change(STEP + "pause", "\"NONE\"", "\"LETTER_X\""));
        refused(LADDER, dmn, "CELL_VALUE_NOT_ALLOWED", "EscalationLadder", "EscalationStep", "LETTER_X", "tEscalationPause");
        upload(draft(), LADDER, dmn).statusCode(400).contentType("application/problem+json")
                .body("problems.find { it.message.startsWith('CELL_VALUE_NOT_ALLOWED') }.row", equalTo("letter-1"),
                        "problems.find { it.message.startsWith('CELL_VALUE_NOT_ALLOWED') }.column", equalTo("EscalationPause"),
                        "problems.find { it.message.startsWith('CELL_VALUE_NOT_ALLOWED') }.path", equalTo(LADDER));
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
        String body = longBehindCase(draft);
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

    /** How an edited ladder must fare: refused naming a cell (with this code, when pinned), or deciding every case. */
    enum Outcome { REFUSED, DECIDES, EITHER }

    /**
     * One edit a policy officer might make to the ladder. {@code code} and {@code column} pin what a refusal names
     * (null: any code, or a problem of the whole table such as its hit policy).
     */
    record LadderEdit(String name, UnaryOperator<DmnXml> edit, Outcome outcome, String code, String column) {
        static LadderEdit refused(String name, String code, String column, UnaryOperator<DmnXml> edit) {
            return new LadderEdit(name, edit, Outcome.REFUSED, code, column);
        }

        static LadderEdit decides(String name, UnaryOperator<DmnXml> edit) {
            return new LadderEdit(name, edit, Outcome.DECIDES, null, null);
        }

        static LadderEdit either(String name, UnaryOperator<DmnXml> edit) {
            return new LadderEdit(name, edit, Outcome.EITHER, null, null);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String STEP = "EscalationStep-row-17-";
    private static final String WAIT = "EscalationStep-row-18-";

    /** Every output cell of a column of the actions table set to {@code text}. */
    private static DmnXml everyAction(DmnXml xml, String column, String text) {
        xml.elements("outputEntry").stream().filter(e -> e.getAttribute("id").matches("EscalationActions-row-\\d+-" + column))
                .forEach(e -> DmnXml.children(e, "text").get(0).setTextContent(text));
        return xml;
    }

    private static final List<LadderEdit> LADDER_EDITS = List.of(
            LadderEdit.refused("a misspelt input name in a cell", "UNKNOWN_NAME_IN_CELL", "weeksInArrears",
                    xml -> xml.change(STEP + "weeksInArrears", ">= 1", ">= weeklyRnt")),
            LadderEdit.refused("an input the decision does not require, in a cell", "UNKNOWN_NAME_IN_CELL", "weeksInArrears",
                    xml -> xml.change(STEP + "weeksInArrears", ">= 1", ">= breathingSpaceActive")),
            LadderEdit.refused("an unknown name in a list of values", "UNKNOWN_NAME_IN_CELL", "daysSinceLetter1",
                    xml -> xml.change(WAIT + "daysSinceLetter1", xml.text(WAIT + "daysSinceLetter1"), "< 7, > daysSinceLettr2")),
            LadderEdit.refused("a misspelt name in an output cell", null, null, xml -> xml.change(STEP + "stage", "1", "stag + 1")),
            LadderEdit.refused("words in a number column", "OUTPUT_TYPE", "stage", xml -> xml.change(STEP + "stage", "1", "\"one\"")),
            LadderEdit.refused("a fraction where a whole number is read", "OUTPUT_TYPE", "stage", xml -> xml.change(STEP + "stage", "1", "1.5")),
            LadderEdit.refused("a stage too large to read", "OUTPUT_TYPE", "stage", xml -> xml.change(STEP + "stage", "1", "12345678901")),
            LadderEdit.refused("a step outside the vocabulary", "UNKNOWN_VOCABULARY_VALUE", "step",
                    xml -> xml.change(STEP + "step", "\"LETTER_1\"", "\"LETTER_ONE\"")),
            LadderEdit.refused("an empty step", "EMPTY_VOCABULARY_VALUE", "step", xml -> xml.change(STEP + "step", "\"LETTER_1\"", "null")),
            LadderEdit.refused("a yes or no for a step", null, null, xml -> xml.change(STEP + "step", "\"LETTER_1\"", "true")),
            LadderEdit.refused("a pause name outside the vocabulary in an input cell", "CELL_VALUE_NOT_ALLOWED", "EscalationPause",
                    xml -> xml.change(STEP + "pause", "\"NONE\"", "not(\"PAUSED\")")),
            LadderEdit.refused("malformed FEEL in an input cell", "CELL_UNREADABLE", "weeksInArrears", xml -> xml.change(STEP + "weeksInArrears", ">= 1", ">>= 1")),
            LadderEdit.refused("malformed FEEL in an output cell", null, null, xml -> xml.change(STEP + "stage", "1", "1 +")),
            LadderEdit.refused("a row missing a cell", "ROW_CELLS", null, xml -> xml.remove(STEP + "balance")),
            LadderEdit.refused("the step table as UNIQUE, its rows overlapping", null, null,
                    xml -> xml.setAttribute("table-EscalationStep", "hitPolicy", "UNIQUE")),
            LadderEdit.refused("the step table as ANY, its overlapping rows disagreeing", null, null,
                    xml -> xml.setAttribute("table-EscalationStep", "hitPolicy", "ANY")),
            LadderEdit.refused("the step table as COLLECT", "HIT_POLICY", null,
                    xml -> xml.setAttribute("table-EscalationStep", "hitPolicy", "COLLECT")),
            LadderEdit.refused("the step table as RULE ORDER", "HIT_POLICY", null,
                    xml -> xml.setAttribute("table-EscalationStep", "hitPolicy", "RULE ORDER")),
            LadderEdit.refused("the step table as OUTPUT ORDER", "HIT_POLICY", null,
                    xml -> xml.setAttribute("table-EscalationStep", "hitPolicy", "OUTPUT ORDER")),
            LadderEdit.either("the step table as PRIORITY", xml -> xml.setAttribute("table-EscalationStep", "hitPolicy", "PRIORITY")),
            LadderEdit.refused("the actions table as FIRST", null, null,
                    xml -> xml.setAttribute("table-EscalationActions", "hitPolicy", "FIRST")),
            LadderEdit.refused("the actions table as RULE ORDER", null, null,
                    xml -> xml.setAttribute("table-EscalationActions", "hitPolicy", "RULE ORDER")),
            LadderEdit.refused("the actions table counting its rows", null, null,
                    xml -> xml.setAttribute("table-EscalationActions", "aggregation", "COUNT")),
            LadderEdit.either("the pause table as UNIQUE", xml -> xml.setAttribute("table-EscalationPause", "hitPolicy", "UNIQUE")),
            LadderEdit.refused("a fraction of a day to act in", "OUTPUT_TYPE", "dueInDays", xml -> everyAction(xml, "dueInDays", "5.5")),
            LadderEdit.refused("every priority left empty", "OUTPUT_EMPTY", "priority", xml -> everyAction(xml, "priority", "null")),
            LadderEdit.decides("a priority that comes out empty on a case", xml -> everyAction(xml, "priority", "if apaEligible then 1 else null")),
            LadderEdit.either("every due date left empty", xml -> everyAction(xml, "dueInDays", "null")),
            LadderEdit.decides("a due date in the past", xml -> everyAction(xml, "dueInDays", "-3")),
            LadderEdit.decides("a due date far ahead", xml -> everyAction(xml, "dueInDays", "2000000000")),
            LadderEdit.either("every reason left empty", xml -> everyAction(xml, "reason", "null")),
            LadderEdit.refused("an owner outside the vocabulary", null, null, xml -> everyAction(xml, "owner", "\"NOBODY\"")),
            LadderEdit.refused("a landlord code never declared", null, null, xml -> everyAction(xml, "action", "\"CHECK_THE_DATA\"")),
            LadderEdit.either("an empty stage", xml -> xml.change(STEP + "stage", "1", "null")),
            LadderEdit.either("an empty explanation", xml -> xml.change(STEP + "explanation", xml.text(STEP + "explanation"), "null")),
            LadderEdit.either("a stage computed by dividing by zero", xml -> xml.change(STEP + "stage", "1", "balance / 0")),
            LadderEdit.either("a duration for a stage", xml -> xml.change(STEP + "stage", "1", "duration(\"P1D\")")),
            LadderEdit.either("a list for a step", xml -> xml.change(STEP + "step", "\"LETTER_1\"", "[\"LETTER_1\"]")),
            LadderEdit.either("a context for an explanation", xml -> xml.change(STEP + "explanation", xml.text(STEP + "explanation"), "{a: 1}")),
            LadderEdit.decides("an explanation computed outside the fast FEEL subset",
                    xml -> xml.change(STEP + "explanation", xml.text(STEP + "explanation"), "\"Arrears of \" + string(balance) + \".\"")),
            LadderEdit.decides("a function outside the fast FEEL subset in a cell",
                    xml -> xml.change(STEP + "weeksInArrears", ">= 1", ">= floor(1.5)")),
            LadderEdit.decides("a string function over ? in a cell",
                    xml -> xml.change(STEP + "noticeStatus", "-", "not(starts with(?, \"SERVED\"))")),
            LadderEdit.decides("today() in a cell", xml -> xml.change(STEP + "balance", "-", "> (if today() > date(\"2000-01-01\") then 0 else 1)")),
            LadderEdit.either("words compared with a number", xml -> xml.change(STEP + "weeksInArrears", ">= 1", ">= \"1\"")),
            LadderEdit.either("a date compared with a number", xml -> xml.change(STEP + "weeksInArrears", ">= 1", ">= date(\"2026-01-01\")")),
            LadderEdit.decides("a list of values", xml -> xml.change(STEP + "weeksInArrears", ">= 1", "1, 2, >= 3")),
            LadderEdit.decides("a range", xml -> xml.change(STEP + "weeksInArrears", ">= 1", "[1..400)")),
            LadderEdit.decides("a computed input column", xml -> xml.change("EscalationStep-in-weeksInArrears-expr", "weeksInArrears", "weeksInArrears * 2")),
            LadderEdit.decides("an input column dividing by zero", xml -> xml.change("EscalationStep-in-weeksInArrears-expr", "weeksInArrears", "weeksInArrears / 0")),
            LadderEdit.either("a cell in another expression language",
                    xml -> xml.setAttribute(STEP + "weeksInArrears", "expressionLanguage", "http://www.mvel.org/")),
            LadderEdit.either("an input column with input values",
                    xml -> xml.append("EscalationStep-in-weeksInArrears", "<inputValues><text>&gt;= 0</text></inputValues>")));

    /** The edits by name: a Quarkus test takes plain values as arguments, not records holding lambdas. */
    static java.util.stream.Stream<String> ladderEdits() {
        return LADDER_EDITS.stream().map(LadderEdit::name);
    }

    /**
     * Issue 15, "no table edit can produce a 5xx", over many edits: each edited ladder is uploaded to a draft and
     * is either refused with a 400 naming the model and table (and the cell, where one is at fault), or accepted and
     * answers three cases on different rungs (a first letter, awaiting a response 25 weeks behind, a notice) with 200.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ladderEdits")
    void aLadderEditIsRefusedNamingItsCellOrDecidesEveryCase(String name) {
        LadderEdit edit = LADDER_EDITS.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
        String dmn = edited(LADDER, edit.edit());
        String draft = draft();
        ValidatableResponse uploaded = upload(draft, LADDER, dmn);
        var response = uploaded.extract();
        if (response.statusCode() == 400) {
            assertThat(edit.outcome()).as(edit.name() + " was refused: " + response.asString()).isNotEqualTo(Outcome.DECIDES);
            var refusal = uploaded.contentType("application/problem+json")
                    .body("problems.model", hasItem("EscalationLadder"), "problems.table", hasItem(notNullValue()));
            if (edit.code() != null) {
                refusal.body("problems.message", hasItem(containsString(edit.code())));
            }
            if (edit.column() != null) {
                refusal.body("problems.column", hasItem(edit.column()), "problems.row", hasItem(notNullValue()));
            }
            return;
        }
        assertThat(response.statusCode()).as(edit.name() + ": " + response.asString()).isEqualTo(200);
        assertThat(edit.outcome()).as(edit.name() + " was accepted").isNotEqualTo(Outcome.REFUSED);
        for (String body : List.of(PolicyApiTest.caseJson(TODAY, draft), longBehindCase(draft), noticeCase(draft))) {
            given().contentType(ContentType.JSON).body(body).post("/api/decisions/next-action")
                    .then().statusCode(200).body("policy.version", equalTo(draft), "escalation.step", notNullValue());
        }
    }

    /** 25 weeks behind, Letter 1 three days ago: the await-response row. */
    private static String longBehindCase(String draft) {
        return """
                {"caseRef": "EDIT-1", "asOf": "%s", "landlord": {"type": "LOCAL_AUTHORITY"},
                 "tenancy": {"type": "SECURE", "startDate": "2015-04-06", "rentFrequency": "WEEKLY", "rentPerPeriod": 100.00},
                 "account": {"balance": 2500.00},
                 "recovery": {"actions": [{"type": "SEND_REMINDER_LETTER_1", "date": "%s"}]},
                 "policyVersion": "%s"}""".formatted(TODAY, TODAY.minusDays(3), draft);
    }

    /** Letters 1 and 2 sent, 4.5 weeks behind: the serve-notice row. */
    private static String noticeCase(String draft) {
        return """
                {"caseRef": "EDIT-2", "asOf": "%s", "landlord": {"type": "LOCAL_AUTHORITY"},
                 "tenancy": {"type": "SECURE", "startDate": "2017-06-05", "rentFrequency": "WEEKLY", "rentPerPeriod": 110.00},
                 "account": {"balance": 495.00},
                 "recovery": {"actions": [{"type": "SEND_REMINDER_LETTER_1", "date": "%s"},
                                          {"type": "SEND_REMINDER_LETTER_2", "date": "%s"}]},
                 "policyVersion": "%s"}""".formatted(TODAY, TODAY.minusDays(28), TODAY.minusDays(14), draft);
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
