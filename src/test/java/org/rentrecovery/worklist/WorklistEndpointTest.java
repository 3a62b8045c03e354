package org.rentrecovery.worklist;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rentrecovery.support.TestCases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** GET /api/worklists/{team}: a team's accounts from the latest finished portfolio run, ranked and explained. */
@QuarkusTest
class WorklistEndpointTest {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    /** Posts the portfolio, waits until its run is DONE and answers the run's id. */
    private static String runPortfolio(String body) throws Exception {
        String location = given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/portfolio/runs").then().statusCode(202).extract().header("Location");
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(giveUp)) {
            String state = PLAIN.readTree(given().get(location).then().statusCode(200).extract().asString()).path("state").asText();
            if (state.equals("DONE")) {
                return location.substring(location.lastIndexOf('/') + 1);
            }
            assertThat(state).isNotEqualTo("FAILED");
            Thread.sleep(100);
        }
        throw new AssertionError("the run did not finish");
    }

    @Test
    void theLatestRunsAccountsAreRankedByScoreWithComponentsAndExportedAsCsv() throws Exception {
        String prefix = "WL-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            body.append(TestCases.secure().set("caseRef", prefix + "-" + i).set("account.balance", 150 * i)
                    .set("officer", i % 2 == 0 ? "OFF-EVEN" : "OFF-ODD").json()).append('\n');
        }
        runPortfolio(body.toString());
        String results = given().get("/api/worklists/STAGE_1?asOf=2026-11-23&size=1000").then().statusCode(200).extract().asString();
        JsonNode page = PLAIN.readTree(results);
        String team = "STAGE_1";
        if (page.path("total").asInt() == 0) {
            team = "STAGE_2";
            page = PLAIN.readTree(given().get("/api/worklists/STAGE_2?asOf=2026-11-23&size=1000").then().statusCode(200).extract().asString());
        }
        List<JsonNode> ours = new ArrayList<>();
        page.path("rows").forEach(r -> {
            if (r.path("caseRef").asText().startsWith(prefix)) {
                ours.add(r);
            }
        });
        assertThat(ours).isNotEmpty();
        int previousScore = Integer.MAX_VALUE;
        int previousRank = 0;
        for (JsonNode row : ours) {
            assertThat(row.path("rank").asInt()).isGreaterThan(previousRank);
            assertThat(row.path("band").asInt()).isEqualTo(2);
            assertThat(row.path("priorityScore").asInt()).isLessThanOrEqualTo(previousScore);
            int sum = 0;
            for (JsonNode c : row.path("components")) {
                sum += c.path("points").asInt();
                assertThat(c.path("rule").asText()).startsWith("WorklistPriorityComponents/");
            }
            assertThat(sum).isEqualTo(row.path("priorityScore").asInt());
            assertThat(row.path("nextAction").asText()).isNotEmpty();
            previousScore = row.path("priorityScore").asInt();
            previousRank = row.path("rank").asInt();
        }
        // the highest balance ranks first among ours
        assertThat(ours.get(0).path("caseRef").asText()).isEqualTo(prefix + "-6");

        JsonNode even = PLAIN.readTree(given().get("/api/worklists/" + team + "?asOf=2026-11-23&officer=OFF-EVEN&size=1000")
                .then().statusCode(200).body("officer", equalTo("OFF-EVEN")).extract().asString());
        even.path("rows").forEach(r -> assertThat(r.path("officer").asText()).isEqualTo("OFF-EVEN"));
        assertThat(even.path("total").asInt()).isGreaterThanOrEqualTo(1);

        String csv = given().accept("text/csv").get("/api/worklists/" + team + "?asOf=2026-11-23").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("rank,caseRef,");
        assertThat(lines).hasSize(page.path("total").asInt() + 1);
        assertThat(lines[1]).startsWith("1," + page.path("rows").get(0).path("caseRef").asText() + ",");
        assertThat(given().get("/api/worklists/" + team + "?asOf=2026-11-23&format=csv").then().statusCode(200).extract()
                .asString()).isEqualTo(csv);
        for (String prefersCsv : new String[] {"application/json;q=0.1, text/csv", "text/*", "text/csv, application/json;q=0.5", "application/json;Q=0.1, text/csv"}) {
            given().accept(prefersCsv).get("/api/worklists/" + team + "?asOf=2026-11-23").then().statusCode(200)
                    .contentType("text/csv");
        }
        for (String prefersJson : new String[] {"*/*", "text/csv;q=0.5, application/json", "application/*, text/csv;q=0.9",
                "text/csv;q=0, application/json", "text/csv, application/json", "text/csv;Q=0.2, application/json"}) {
            given().accept(prefersJson).get("/api/worklists/" + team + "?asOf=2026-11-23").then().statusCode(200)
                    .contentType("application/json");
        }

        given().get("/api/worklists/" + team + "?asOf=2026-11-23&size=1&page=2").then().statusCode(200)
                .body("rows.size()", equalTo(1)).body("rows[0].rank", equalTo(2)).body("page", equalTo(2));
    }

    @Test
    void aNamedRunIsRankedInsteadOfTheLatest() throws Exception {
        String earlier = "WLR-" + UUID.randomUUID().toString().substring(0, 8);
        String later = "WLR-" + UUID.randomUUID().toString().substring(0, 8);
        String earlierRun = runPortfolio(TestCases.secure().set("caseRef", earlier).set("account.balance", 600).json() + "\n");
        String laterRun = runPortfolio(TestCases.secure().set("caseRef", later).set("account.balance", 600).json() + "\n");
        String team = PLAIN.readTree(given().get("/api/worklists/STAGE_1?asOf=2026-11-23&size=1000").then().statusCode(200)
                .extract().asString()).path("total").asInt() > 0 ? "STAGE_1" : "STAGE_2";

        JsonNode latest = PLAIN.readTree(given().get("/api/worklists/" + team + "?asOf=2026-11-23&size=1000").then()
                .statusCode(200).extract().asString());
        assertThat(latest.path("runId").asText()).isEqualTo(laterRun);
        assertThat(caseRefs(latest)).contains(later).doesNotContain(earlier);

        JsonNode named = PLAIN.readTree(given().get("/api/worklists/" + team + "?asOf=2026-11-23&size=1000&runId="
                + earlierRun.toUpperCase()).then().statusCode(200).extract().asString());
        assertThat(named.path("runId").asText()).isEqualTo(earlierRun);
        assertThat(caseRefs(named)).containsExactly(earlier);
        String csv = given().get("/api/worklists/" + team + "?asOf=2026-11-23&format=csv&runId=" + earlierRun).then()
                .statusCode(200).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv.split("\r\n")[1]).startsWith("1," + earlier + ",");

        String unknown = UUID.randomUUID().toString();
        given().get("/api/worklists/" + team + "?runId=" + unknown).then().statusCode(404)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString(unknown));
    }

    private static List<String> caseRefs(JsonNode page) {
        List<String> refs = new ArrayList<>();
        page.path("rows").forEach(row -> refs.add(row.path("caseRef").asText()));
        return refs;
    }

    @Test
    void badParametersAreNamed() {
        given().get("/api/worklists/NOPE").then().statusCode(400).body("errors[0].field", equalTo("team"));
        given().get("/api/worklists/STAGE_1?asOf=23-11-2026").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().get("/api/worklists/STAGE_1?size=0").then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().get("/api/worklists/STAGE_1?page=x").then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().get("/api/worklists/STAGE_1?format=xml").then().statusCode(400).body("errors[0].field", equalTo("format"));
        for (String bad : new String[] {"latest", "1-1-1-1-1", "0f8fad5b-d9cb-469f-a165-70867728950", "0f8fad5b-d9cb-469f-a165-70867728950ez"}) {
            given().get("/api/worklists/STAGE_1?runId=" + bad).then().statusCode(400).body("errors[0].field", equalTo("runId"));
        }
    }
}
