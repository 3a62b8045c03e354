package org.rentrecovery.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.rentrecovery.support.PostgresTestDatabase;
import org.rentrecovery.support.TcpProxy;
import org.rentrecovery.support.TestCases;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The service reaches the real PostgreSQL through a relay this test owns. With the relay down, every
 * decision answers 503 problem+json with Retry-After and none answers 200; when it comes back the
 * service recovers by itself; cut again while eight clients decide, every answer is a 200 or a 503;
 * and every 200 answered at any point has its committed record.
 */
@QuarkusTest
@TestProfile(DecisionAuditOutageTest.ThroughRelay.class)
@QuarkusTestResource(PostgresTestDatabase.class)
class DecisionAuditOutageTest {
    private static final String PORT_PROPERTY = "rentrecovery.test.relay-port";
    private static final ObjectMapper PLAIN = new ObjectMapper();

    /** Points the datasource at a port the relay will open only once the test starts it. */
    public static class ThroughRelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            System.setProperty(PORT_PROPERTY, Integer.toString(port));
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/" + PostgresTestDatabase.DATABASE,
                    "quarkus.datasource.jdbc.acquisition-timeout", "1S",
                    "rentrecovery.audit.retry-after-seconds", "3");
        }
    }

    @TestHTTPResource("/api/decisions/next-action")
    URI nextAction;

    private final String caseRef = "OUTAGE-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> answeredIds = new ArrayList<>();

    private Response decide() {
        Response r = given().contentType(ContentType.JSON).body(TestCases.secure().set("caseRef", caseRef)
                .set("account.balance", 450).json()).post("/api/decisions/next-action");
        if (r.statusCode() == 200) {
            answeredIds.add(r.path("decisionId"));
        }
        return r;
    }

    /**
     * Eight clients decide back to back for about three seconds; the relay is cut after the first
     * second and restored after the second. Every 200's decision id joins {@link #answeredIds}.
     */
    private Map<Integer, Integer> cutUnderLoad(TcpProxy relay, HttpClient client) throws Exception {
        Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> answered = java.util.Collections.synchronizedList(new ArrayList<>());
        long stopAt = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
        String body = TestCases.secure().set("caseRef", caseRef).set("account.balance", 450).json();
        String token = org.rentrecovery.support.TestIdentity.bearer();
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            running.add(clients.submit(() -> {
                while (System.nanoTime() < stopAt) {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(nextAction).header("Content-Type", "application/json")
                            .header("Authorization", token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    statuses.merge(r.statusCode(), 1, Integer::sum);
                    if (r.statusCode() == 200) {
                        answered.add(PLAIN.readTree(r.body()).path("decisionId").asText());
                    }
                }
                return null;
            }));
        }
        Thread.sleep(1000);
        relay.cut();
        Thread.sleep(1000);
        relay.restore();
        for (java.util.concurrent.Future<?> f : running) {
            f.get();
        }
        clients.shutdown();
        answeredIds.addAll(answered);
        return statuses;
    }

    private static void assertUnavailable(Response r) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(503);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.header("Retry-After")).isEqualTo("3");
        assertThat(r.<String>path("type")).isEqualTo("/problems/audit-unavailable");
    }

    private Response decideUntilAnswered() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Response r = decide();
        while (r.statusCode() != 200 && System.nanoTime() < deadline) {
            assertUnavailable(r);
            Thread.sleep(200);
            r = decide();
        }
        return r;
    }

    @Test
    void noDecisionIsAnsweredWithoutItsRecordAndTheServiceRecoversByItself() throws Exception {
        int port = Integer.parseInt(System.getProperty(PORT_PROPERTY));

        // Started while the database was unreachable: the service runs, and refuses to decide.
        assertUnavailable(decide());
        assertUnavailable(given().get("/api/decisions/" + UUID.randomUUID()));

        try (TcpProxy relay = new TcpProxy(PostgresTestDatabase.HOST, PostgresTestDatabase.PORT, port)) {
            // The database appears: decisions are answered again without a restart (schema migrated on the way).
            assertThat(decideUntilAnswered().statusCode()).isEqualTo(200);
            for (int i = 0; i < 5; i++) {
                assertThat(decide().statusCode()).isEqualTo(200);
            }

            // Outage mid-run: every connection dropped, new ones refused.
            relay.cut();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<CompletableFuture<HttpResponse<String>>> during = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                during.add(client.sendAsync(HttpRequest.newBuilder(nextAction).header("Content-Type", "application/json")
                        .header("Authorization", org.rentrecovery.support.TestIdentity.bearer())
                        .POST(HttpRequest.BodyPublishers.ofString(TestCases.secure().set("caseRef", caseRef).json())).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> f : during) {
                HttpResponse<String> r = f.get();
                assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).contains("3");
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(PLAIN.readTree(r.body()).path("status").asInt()).isEqualTo(503);
            }
            given().get("/api/decisions?caseRef=" + caseRef).then().statusCode(503).header("Retry-After", equalTo("3"));

            // The database returns: the service reconnects by itself.
            relay.restore();
            assertThat(decideUntilAnswered().statusCode()).isEqualTo(200);
            given().get("/api/decisions/" + answeredIds.get(answeredIds.size() - 1)).then().statusCode(200)
                    .body("caseRef", equalTo(caseRef));

            // Under load, cut while decisions are in flight: each answer is a 200 (checked below to be
            // committed) or a 503, never anything else; then the service recovers again under the same load.
            Map<Integer, Integer> statuses = cutUnderLoad(relay, client);
            assertThat(statuses.keySet()).as("answers under load").containsOnly(200, 503).contains(200, 503);
            assertThat(decideUntilAnswered().statusCode()).isEqualTo(200);
        }

        // Every decision that was answered 200 is committed (read directly, not through the relay).
        assertThat(answeredIds).hasSizeGreaterThanOrEqualTo(7);
        try (Connection db = PostgresTestDatabase.connect();
                PreparedStatement q = db.prepareStatement("SELECT count(*) FROM decision_audit WHERE decision_id = ANY (?)")) {
            q.setArray(1, db.createArrayOf("uuid", answeredIds.stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(answeredIds.size());
            }
        }
    }
}
