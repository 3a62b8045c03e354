package org.rentrecovery.portfolio;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rentrecovery.support.TestCases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** POST /api/portfolio/runs: the upload becomes a job with progress, and its results are fetched when it is done. */
@QuarkusTest
class PortfolioRunEndpointTest {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private static JsonNode waitUntilFinished(String location) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            JsonNode run = PLAIN.readTree(given().get(location).then().statusCode(200).extract().asString());
            String state = run.path("state").asText();
            if (state.equals("DONE") || state.equals("FAILED") || Instant.now().isAfter(giveUp)) {
                return run;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void anUploadedPortfolioIsDecidedInTheBackgroundAndItsResultsAndBadLinesFetchedWhenDone() throws Exception {
        String prefix = "PR-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            body.append(TestCases.secure().set("caseRef", prefix + "-" + i).set("account.balance", 30 * i).json()).append('\n');
        }
        body.append("not json\n");

        var posted = given().contentType("application/x-ndjson").body(body.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/portfolio/runs").then().statusCode(202).body("state", equalTo("QUEUED"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("startedAt"))).extract();
        String location = posted.header("Location");
        assertThat(location).endsWith("/api/portfolio/runs/" + posted.path("runId"));
        OffsetDateTime queuedAt = OffsetDateTime.parse(posted.path("queuedAt"));

        JsonNode run = waitUntilFinished(location);
        assertThat(run.path("state").asText()).isEqualTo("DONE");
        assertThat(OffsetDateTime.parse(run.path("queuedAt").asText())).isEqualTo(queuedAt);
        OffsetDateTime startedAt = OffsetDateTime.parse(run.path("startedAt").asText());
        assertThat(startedAt).isAfterOrEqualTo(queuedAt).isBeforeOrEqualTo(OffsetDateTime.parse(run.path("finishedAt").asText()));
        assertThat(run.path("decided").asInt()).isEqualTo(30);
        assertThat(run.path("problems").asInt()).isEqualTo(1);

        String results = given().get(location + "/results").then().statusCode(200).contentType("application/x-ndjson")
                .extract().asString();
        String[] rows = results.split("\n");
        assertThat(rows).hasSize(30);
        JsonNode first = PLAIN.readTree(rows[0]);
        assertThat(first.path("caseRef").asText()).isEqualTo(prefix + "-0");
        given().get("/api/decisions/" + first.path("decisionId").asText()).then().statusCode(200)
                .body("endpoint", equalTo("portfolio-run")).body("caseRef", equalTo(prefix + "-0"));
        JsonNode listed = PLAIN.readTree(given().get("/api/portfolio/runs").then().statusCode(200).extract().asString());
        JsonNode newest = listed.path("runs").path(0);
        assertThat(newest.path("runId").asText()).isEqualTo(posted.path("runId"));
        assertThat(newest.path("state").asText()).isEqualTo("DONE");
        assertThat(newest.path("decided").asInt()).isEqualTo(30);
        JsonNode problem = PLAIN.readTree(given().get(location + "/problems").then().statusCode(200).extract().asString().trim());
        assertThat(problem.path("line").asInt()).isEqualTo(31);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
    }

    @Test
    void aRunStartedWithDecisionsKeepsEveryFullDecisionAndServesThem() throws Exception {
        String body = TestCases.secure().set("caseRef", "KEEP-1").json() + "\n" + TestCases.secure().set("caseRef", "KEEP-2").json() + "\n";
        String location = given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/portfolio/runs?decisions=TRUE").then().statusCode(202).extract().header("Location");
        assertThat(waitUntilFinished(location).path("state").asText()).isEqualTo("DONE");
        String[] decisions = given().get(location + "/decisions").then().statusCode(200).contentType("application/x-ndjson")
                .extract().asString().split("\n");
        assertThat(decisions).hasSize(2);
        assertThat(PLAIN.readTree(decisions[1]).path("caseRef").asText()).isEqualTo("KEEP-2");
        assertThat(PLAIN.readTree(decisions[1]).path("reasons").isArray()).isTrue();

        String without = given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/portfolio/runs?decisions=false").then().statusCode(202).extract().header("Location");
        assertThat(waitUntilFinished(without).path("state").asText()).isEqualTo("DONE");
        given().get(without + "/decisions").then().statusCode(404).body("detail", org.hamcrest.Matchers.containsString("decisions=true"));
    }

    @Test
    void aFinishedRunsFolderIsDeletedOnRequestAndItsDecisionsStayInTheAudit() throws Exception {
        String location = given().contentType("application/x-ndjson")
                .body((TestCases.secure().set("caseRef", "DEL-1").json() + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/portfolio/runs").then().statusCode(202).extract().header("Location");
        assertThat(waitUntilFinished(location).path("state").asText()).isEqualTo("DONE");
        String decisionId = PLAIN.readTree(given().get(location + "/results").then().statusCode(200).extract().asString().trim())
                .path("decisionId").asText();

        given().delete(location).then().statusCode(204);

        given().get(location).then().statusCode(404).contentType("application/problem+json");
        given().get(location + "/results").then().statusCode(404);
        given().delete(location).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/decisions/" + decisionId).then().statusCode(200).body("caseRef", equalTo("DEL-1"));
        given().delete("/api/portfolio/runs/not-a-run").then().statusCode(400).body("errors[0].field", equalTo("runId"));
    }

    @Test
    void aRunQueuedBehindAnotherCannotBeDeletedOrRankedUntilItHasFinished() throws Exception {
        // Runs are decided one at a time: the small run waits (QUEUED) for the seconds the large one takes.
        StringBuilder large = new StringBuilder();
        String line = TestCases.secure().set("caseRef", "BUSY").json() + "\n";
        for (int i = 0; i < 8000; i++) {
            large.append(line);
        }
        String first = given().contentType("application/x-ndjson").body(large.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/portfolio/runs").then().statusCode(202).extract().header("Location");
        var queued = given().contentType("application/x-ndjson").body(line.getBytes(StandardCharsets.UTF_8))
                .post("/api/portfolio/runs").then().statusCode(202).extract();

        given().delete(queued.header("Location")).then().statusCode(409).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/problems/run-not-finished"))
                .body("detail", org.hamcrest.Matchers.containsString("QUEUED"));
        given().get("/api/worklists/STAGE_1?runId=" + queued.path("runId")).then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("/problems/run-not-finished"));

        assertThat(waitUntilFinished(first).path("state").asText()).isEqualTo("DONE");
        assertThat(waitUntilFinished(queued.header("Location")).path("state").asText()).isEqualTo("DONE");
        given().delete(queued.header("Location")).then().statusCode(204);
        given().delete(first).then().statusCode(204);
    }

    @Test
    void aRunThatFailsKeepsItsSummaryOnDiskSoARestartStillShowsIt() throws Exception {
        var posted = given().contentType("text/csv").body("caseRef,nonsense\r\nA,1\r\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/portfolio/runs").then().statusCode(202).extract();
        JsonNode run = waitUntilFinished(posted.header("Location"));
        assertThat(run.path("state").asText()).isEqualTo("FAILED");
        assertThat(run.path("failure").asText()).contains("nonsense");

        java.nio.file.Path summary = java.nio.file.Path.of("target/portfolio-runs", posted.path("runId").toString(), RunDirectory.SUMMARY);
        JsonNode kept = PLAIN.readTree(summary.toFile());
        assertThat(kept.path("state").asText()).isEqualTo("FAILED");
        assertThat(kept.path("failure").asText()).isEqualTo(run.path("failure").asText());
        assertThat(kept.path("finishedAt").asText()).isNotEmpty();
        given().delete(posted.header("Location")).then().statusCode(204);
    }

    @Test
    void theRunsAreListedNewestFirstAndAsManyAsAsked() throws Exception {
        String[] runIds = new String[3];
        for (int i = 0; i < runIds.length; i++) {
            String location = given().contentType("application/x-ndjson")
                    .body((TestCases.secure().set("caseRef", "LIST-" + i).json() + "\n").getBytes(StandardCharsets.UTF_8))
                    .post("/api/portfolio/runs").then().statusCode(202).extract().header("Location");
            assertThat(waitUntilFinished(location).path("state").asText()).isEqualTo("DONE");
            runIds[i] = location.substring(location.lastIndexOf('/') + 1);
        }
        JsonNode two = PLAIN.readTree(given().get("/api/portfolio/runs?size=2").then().statusCode(200).extract().asString());
        assertThat(two.path("runs")).hasSize(2);
        assertThat(two.path("runs").path(0).path("runId").asText()).isEqualTo(runIds[2]);
        assertThat(two.path("runs").path(1).path("runId").asText()).isEqualTo(runIds[1]);
        JsonNode all = PLAIN.readTree(given().get("/api/portfolio/runs?size=200").then().statusCode(200).extract().asString());
        java.util.List<String> listed = new java.util.ArrayList<>();
        all.path("runs").forEach(run -> listed.add(run.path("runId").asText()));
        assertThat(listed).contains(runIds).doesNotHaveDuplicates();
        given().get("/api/portfolio/runs?size=").then().statusCode(200);
        for (String bad : new String[] {"0", "201", "many"}) {
            given().get("/api/portfolio/runs?size=" + bad).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("size"));
        }
    }

    @Test
    void aCsvRunReadsPastAMalformedRowAndTakesTheCharsetItIsSentIn() throws Exception {
        String header = "caseRef,asOf,tenancy.type,tenancy.startDate,tenancy.rentFrequency,tenancy.rentPerPeriod,account.balance,officer\r\n";
        String row = ",2026-11-23,SECURE,2017-06-05,WEEKLY,110.00,495.00,";
        String csv = header + "CSV-1" + row + "Ren\u00e9e\r\n" + "CSV-2" + row.replace("495.00", "\"495.00\"x") + "J\r\n"
                + "CSV-3" + row + "\"Smith, J\"\r\n";
        String location = given().contentType("text/csv; charset=windows-1252").body(csv.getBytes("windows-1252"))
                .post("/api/portfolio/runs").then().statusCode(202).extract().header("Location");
        JsonNode run = waitUntilFinished(location);
        assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("DONE");
        assertThat(run.path("decided").asInt()).isEqualTo(2);
        assertThat(run.path("problems").asInt()).isEqualTo(1);
        String[] rows = given().get(location + "/results").then().statusCode(200).extract().asString().split("\n");
        assertThat(rows).hasSize(2);
        assertThat(PLAIN.readTree(rows[0]).path("line").asInt()).isEqualTo(2);
        assertThat(PLAIN.readTree(rows[0]).path("officer").asText()).isEqualTo("Ren\u00e9e");
        assertThat(PLAIN.readTree(rows[1]).path("line").asInt()).isEqualTo(4);
        JsonNode problem = PLAIN.readTree(given().get(location + "/problems").then().statusCode(200).extract().asString().trim());
        assertThat(problem.path("line").asInt()).isEqualTo(3);
        assertThat(problem.path("detail").asText()).contains("closing quote");

        given().contentType("text/csv; charset=UTF-16").body(csv.getBytes(StandardCharsets.UTF_16)).post("/api/portfolio/runs")
                .then().statusCode(400).body("errors[0].field", equalTo("Content-Type"));
    }

    @Test
    void anUnknownRunIsNotFoundAndABadPartitionIsNamed() {
        given().get("/api/portfolio/runs/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/portfolio/runs/nope").then().statusCode(400).body("errors[0].field", equalTo("runId"));
        given().contentType("application/x-ndjson").body(new byte[0]).post("/api/portfolio/runs?partition=3/2")
                .then().statusCode(400).body("errors[0].field", equalTo("partition"));
        given().contentType(ContentType.JSON).body("{}").post("/api/portfolio/runs").then().statusCode(415);
        for (String bad : new String[] {"abc", "1", ""}) {
            given().contentType("application/x-ndjson").body(new byte[0]).post("/api/portfolio/runs?decisions=" + bad)
                    .then().statusCode(400).body("errors[0].field", equalTo("decisions"));
        }
    }
}
