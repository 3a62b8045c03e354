package org.rentrecovery.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.rentrecovery.support.PostgresTestDatabase;
import org.rentrecovery.support.TestCases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Against the real PostgreSQL: every answered decision is a committed row with the request and the
 * answer it was given, concurrent decisions each get exactly one record, the GET endpoints serve
 * them, and the retention purge deletes exactly what has expired.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class DecisionAuditPostgresTest {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final int CONCURRENT = 200;

    @TestHTTPResource("/api/decisions/next-action")
    URI nextAction;

    @Inject
    DecisionAudit audit;

    static String uniqueCase() {
        return "AUDIT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void concurrentDecisionsAreEachRecordedOnceWithTheRequestAndTheAnswerGiven() throws Exception {
        String caseRef = uniqueCase();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> requests = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            // arrears from £0 to £1,990 in £10 steps, so the cases take different rungs of the ladder
            String body = TestCases.secure().set("caseRef", caseRef).set("account.balance", 10 * i)
                    .action("SEND_REMINDER_LETTER_1", 30).json();
            requests.add(body);
            answers.add(client.sendAsync(HttpRequest.newBuilder(nextAction).header("Content-Type", "application/json")
                        .header("Authorization", org.rentrecovery.support.TestIdentity.bearer())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        Map<UUID, Integer> sentIndexById = new HashMap<>();
        Map<UUID, JsonNode> answerById = new HashMap<>();
        for (int i = 0; i < CONCURRENT; i++) {
            HttpResponse<String> answer = answers.get(i).get();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode json = PLAIN.readTree(answer.body());
            UUID id = UUID.fromString(json.path("decisionId").asText());
            sentIndexById.put(id, i);
            answerById.put(id, json);
        }
        assertThat(sentIndexById).hasSize(CONCURRENT);

        int rows = 0;
        try (Connection db = PostgresTestDatabase.connect();
                PreparedStatement q = db.prepareStatement("SELECT decision_id, endpoint, as_of, policy_version, policy_build, "
                        + "evaluation_micros, payload IS NOT NULL FROM decision_audit WHERE case_ref = ?")) {
            q.setString(1, caseRef);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    UUID id = rs.getObject(1, UUID.class);
                    JsonNode answer = answerById.get(id);
                    assertThat(answer).as("a record for a decision that was answered: " + id).isNotNull();
                    assertThat(rs.getString(2)).isEqualTo("next-action");
                    assertThat(rs.getString(3)).isEqualTo("2026-11-23");
                    assertThat(rs.getString(4)).isEqualTo(answer.path("policy").path("version").asText());
                    assertThat(rs.getString(5)).isEqualTo(answer.path("policy").path("build").asText());
                    assertThat(rs.getLong(6)).isPositive();
                    List<String> rulesInReasons = new ArrayList<>();
                    answer.path("reasons").forEach(r -> {
                        if (!rulesInReasons.contains(r.path("rule").asText())) {
                            rulesInReasons.add(r.path("rule").asText());
                        }
                    });
                    assertThat(rs.getBoolean(7)).as("stored compressed").isTrue();
                    AuditRecord stored = audit.find(id).orElseThrow();
                    assertThat(stored.rulesFired()).isEqualTo(rulesInReasons).isNotEmpty();
                    assertThat(stored.requestJson()).isEqualTo(requests.get(sentIndexById.get(id)));
                    assertThat(PLAIN.readTree(stored.responseJson())).isEqualTo(answer);
                }
            }
        }
        assertThat(rows).isEqualTo(CONCURRENT);
    }

    @Test
    void aRecordedDecisionIsServedByIdAndAmongItsCasesNewestFirst() throws Exception {
        String caseRef = uniqueCase();
        List<String> ids = new ArrayList<>();
        for (int balance : new int[] {150, 450, 900}) {
            ids.add(given().contentType(ContentType.JSON)
                    .body(TestCases.secure().set("caseRef", caseRef).set("account.balance", balance).json())
                    .post("/api/decisions/next-action").then().statusCode(200).extract().path("decisionId"));
        }
        String answered = given().contentType(ContentType.JSON)
                .body(TestCases.secure().set("caseRef", caseRef).set("account.balance", 150).json())
                .post("/api/decisions/escalation").then().statusCode(200).extract().asString();
        String escalationId = PLAIN.readTree(answered).path("decisionId").asText();
        ids.add(escalationId);

        String stored = given().get("/api/decisions/" + escalationId).then().statusCode(200)
                .body("decisionId", equalTo(escalationId))
                .body("caseRef", equalTo(caseRef))
                .body("endpoint", equalTo("escalation"))
                .body("asOf", equalTo("2026-11-23"))
                .body("request.account.balance", equalTo(150))
                .extract().asString();
        JsonNode record = PLAIN.readTree(stored);
        assertThat(record.path("response")).isEqualTo(PLAIN.readTree(answered));
        assertThat(record.path("rulesFired").toString()).contains("EscalationStep/");

        given().get("/api/decisions?caseRef=" + caseRef + "&size=3").then().statusCode(200)
                .body("total", equalTo(4))
                .body("decisions.size()", equalTo(3))
                .body("decisions[0].decisionId", equalTo(ids.get(3)))
                .body("decisions[1].decisionId", equalTo(ids.get(2)))
                .body("decisions[2].decisionId", equalTo(ids.get(1)))
                .body("decisions[0].href", equalTo("/api/decisions/" + ids.get(3)))
                .body("decisions[1].nextAction", org.hamcrest.Matchers.notNullValue());
        given().get("/api/decisions?caseRef=" + caseRef + "&size=3&page=1").then().statusCode(200)
                .body("decisions.decisionId", equalTo(List.of(ids.get(0))));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "routing", "write-off", "benefit-cap" })
    void everyDecisionEndpointIsRecordedUnderItsOwnName(String endpoint) throws Exception {
        String caseRef = uniqueCase();
        String answered = given().contentType(ContentType.JSON)
                .body(TestCases.secure().set("caseRef", caseRef).set("account.balance", 420).json())
                .post("/api/decisions/" + endpoint).then().statusCode(200).extract().asString();
        String id = PLAIN.readTree(answered).path("decisionId").asText();
        String stored = given().get("/api/decisions/" + id).then().statusCode(200)
                .body("caseRef", equalTo(caseRef))
                .body("endpoint", equalTo(endpoint))
                .body("request.account.balance", equalTo(420))
                .extract().asString();
        JsonNode record = PLAIN.readTree(stored);
        assertThat(record.path("response")).isEqualTo(PLAIN.readTree(answered));
        assertThat(record.path("rulesFired")).isNotEmpty();
    }

    @Test
    void unknownMalformedAndIncompleteLookupsAreProblems() {
        given().get("/api/decisions/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().get("/api/decisions/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("decisionId"));
        given().get("/api/decisions").then().statusCode(400).body("errors[0].field", equalTo("caseRef"));
        given().get("/api/decisions?caseRef=X&size=0").then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().get("/api/decisions?caseRef=X&size=100").then().statusCode(200);
        given().get("/api/decisions?caseRef=X&size=101").then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().get("/api/decisions?caseRef=X&page=-1").then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().get("/api/decisions?caseRef=X&page=abc").then().statusCode(400).body("errors[0].field", equalTo("page"));
    }

    @Test
    void retentionPurgeDeletesInBatchesOnlyRecordsDecidedBeforeTheRetentionPeriod() throws Exception {
        String caseRef = uniqueCase();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(UUID.fromString(given().contentType(ContentType.JSON)
                    .body(TestCases.secure().set("caseRef", caseRef).json())
                    .post("/api/decisions/next-action").then().statusCode(200).extract().<String>path("decisionId")));
        }
        // "now" is the real time: every other record in the database was decided minutes ago and must survive.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        AuditRetention retention = new AuditRetention(audit, 2193, 2);
        OffsetDateTime cutoff = now.minusDays(2193);
        // Five records fall just before the cutoff (purged in three batches of at most 2), one on it, two after.
        OffsetDateTime[] decidedAt = {cutoff.minusYears(1), cutoff.minusDays(1), cutoff.minusSeconds(1),
                cutoff.minusNanos(1000), cutoff.minusNanos(1000), cutoff, cutoff.plusNanos(1000), now};
        try (Connection db = PostgresTestDatabase.connect();
                PreparedStatement backdate = db.prepareStatement("UPDATE decision_audit SET decided_at = ? WHERE decision_id = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                backdate.setObject(1, decidedAt[i]);
                backdate.setObject(2, ids.get(i));
                assertThat(backdate.executeUpdate()).isEqualTo(1);
            }
        }
        long purged = retention.purgeExpired(now);
        assertThat(purged).isGreaterThanOrEqualTo(5); // more only if an interrupted earlier run left backdated rows
        for (int i = 0; i < ids.size(); i++) {
            assertThat(audit.find(ids.get(i)).isPresent()).as("record " + i + " kept").isEqualTo(i >= 5);
        }
        assertThat(retention.purgeExpired(now)).isZero();
    }

    @Test
    void aRecordTheDatabaseRefusesFailsAloneAndTheOthersInItsBatchAreStillRecorded() throws Exception {
        String caseRef = uniqueCase();
        List<AuditRecord> good = new ArrayList<>();
        List<CompletableFuture<Void>> goodDone = new ArrayList<>();
        // A second record under a decision id already recorded is refused by the database (ids are never
        // reused, so this cannot happen in service), and must not take its batch-mates down with it.
        AuditRecord first = new AuditRecord(UUID.randomUUID(), caseRef + "-first", "next-action", OffsetDateTime.now(ZoneOffset.UTC),
                java.time.LocalDate.of(2026, 11, 23), "test", "test", 1, List.of("rule"), "{}", "{}");
        audit.store().append(first).get();
        AuditRecord refused = new AuditRecord(first.decisionId(), caseRef, "next-action", OffsetDateTime.now(ZoneOffset.UTC),
                java.time.LocalDate.of(2026, 11, 23), "test", "test", 1, List.of("rule"), "{\"x\":1}", "{}");
        for (int i = 0; i < 20; i++) {
            good.add(new AuditRecord(UUID.randomUUID(), caseRef, "next-action", OffsetDateTime.now(ZoneOffset.UTC),
                    java.time.LocalDate.of(2026, 11, 23), "test", "test", 1, List.of("rule"), "{\"i\":" + i + "}", "{}"));
        }
        for (int i = 0; i < 10; i++) {
            goodDone.add(audit.store().append(good.get(i)));
        }
        CompletableFuture<Void> refusedDone = audit.store().append(refused);
        for (int i = 10; i < 20; i++) {
            goodDone.add(audit.store().append(good.get(i)));
        }
        CompletableFuture.allOf(goodDone.toArray(CompletableFuture[]::new)).get();
        assertThat(refusedDone).failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(AuditUnavailableException.class);
        for (AuditRecord r : good) {
            assertThat(audit.find(r.decisionId())).isPresent();
        }
        assertThat(audit.find(refused.decisionId()).orElseThrow().caseRef()).isEqualTo(caseRef + "-first");
        assertThat(audit.list(caseRef, 0, 100).total()).isEqualTo(20);
    }
}
