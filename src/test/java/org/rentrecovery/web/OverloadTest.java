package org.rentrecovery.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.rentrecovery.support.TestCases;

/**
 * Overload (issue 17 item 5): with the scenario, policy suites, impact or portfolio bulkhead full, the next run is refused
 * at once with 429 problem+json and Retry-After, while decisions are still answered. The bulkhead is
 * filled through the real gate with work the test holds, so nothing depends on how long a suite takes.
 */
@QuarkusTest
class OverloadTest {
    private final ExecutorService holders = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Future<Object>> held = new ArrayList<>();

    @Inject
    OverloadGate gate;

    @AfterEach
    void releaseTheBulkheads() throws Exception {
        release.countDown();
        for (Future<Object> f : held) {
            f.get(10, TimeUnit.SECONDS);
        }
        holders.shutdownNow();
    }

    /** Occupies one place of a bulkhead until the test ends. */
    private void occupy(java.util.function.Function<java.util.concurrent.Callable<Object>, Object> place) throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        held.add(holders.submit(() -> place.apply(() -> {
            inside.countDown();
            release.await(30, TimeUnit.SECONDS);
            return null;
        })));
        if (!inside.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the test could not enter the bulkhead");
        }
    }

    @Test
    void shouldRefuseAScenarioRunWith429AndRetryAfterWhileTheBulkheadIsFullAndStillAnswerDecisions() throws Exception {
        occupy(work -> call(() -> gate.scenarioRun(work)));

        given().contentType(ContentType.JSON).body("{\"stored\": [\"guards/ground-8.csv\"]}").post("/api/scenarios/run")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", "10")
                .body("type", equalTo("/problems/too-many-requests")).body("status", equalTo(429))
                .body("detail", containsString("decisions are still answered"));
        given().multiPart("stored", "guards/ground-8.csv").post("/api/scenarios/run")
                .then().statusCode(429).header("Retry-After", "10");
        given().contentType(ContentType.JSON).body(TestCases.secure().set("account.balance", 150).json())
                .post("/api/decisions/next-action").then().statusCode(200);
    }

    @Test
    void shouldAdmitTheNextScenarioRunOnceTheBulkheadHasRoom() throws Exception {
        occupy(work -> call(() -> gate.scenarioRun(work)));
        given().contentType(ContentType.JSON).body("{\"stored\": [\"guards/ground-8.csv\"]}").post("/api/scenarios/run")
                .then().statusCode(429);
        release.countDown();
        for (Future<Object> f : held) {
            f.get(10, TimeUnit.SECONDS);
        }
        given().contentType(ContentType.JSON).body("{\"stored\": [\"guards/ground-8.csv\"]}").post("/api/scenarios/run")
                .then().statusCode(200).body("summary.success", equalTo(true));
    }

    @Test
    void shouldRefuseAPortfolioUploadWith429AndRetryAfterWhileTwoAreArriving() throws Exception {
        occupy(work -> call(() -> gate.portfolioUpload(work)));
        occupy(work -> call(() -> gate.portfolioUpload(work)));

        byte[] portfolio = (TestCases.secure().json() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        given().contentType("application/x-ndjson").body(portfolio).post("/api/portfolio/runs")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", "10")
                .body("type", equalTo("/problems/too-many-requests"));
    }

    @Test
    void shouldRefuseAPolicyVersionsSuitesWith429WhileItsBulkheadIsFullButNotAScenarioRun() throws Exception {
        String seed = seedVersion();
        occupy(work -> call(() -> gate.policySuites(work)));

        given().contentType(ContentType.JSON).body("{\"stored\": [\"guards/ground-8.csv\"]}").post("/api/policies/{id}/suites", seed)
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", "10")
                .body("type", equalTo("/problems/too-many-requests")).body("detail", containsString("policy version's suites"));
        given().contentType(ContentType.JSON).body("{\"stored\": [\"guards/ground-8.csv\"]}").post("/api/scenarios/run")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(TestCases.secure().set("account.balance", 150).json())
                .post("/api/decisions/next-action").then().statusCode(200);
    }

    @Test
    void shouldRefuseAPolicyVersionsImpactOverAnUploadOrAnAuditPeriodWith429WhileOneIsRunning() throws Exception {
        String seed = seedVersion();
        occupy(work -> call(() -> gate.policyImpact(work)));

        byte[] portfolio = (TestCases.secure().json() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        given().contentType("application/x-ndjson").body(portfolio).post("/api/policies/{id}/impact", seed)
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", "10")
                .body("type", equalTo("/problems/too-many-requests"));
        given().contentType(ContentType.JSON).body("{\"from\": \"2026-11-01\", \"to\": \"2026-11-30\"}")
                .post("/api/policies/{id}/impact", seed).then().statusCode(429).header("Retry-After", "10");
        given().contentType(ContentType.JSON).body(TestCases.secure().set("account.balance", 150).json())
                .post("/api/decisions/next-action").then().statusCode(200);

        release.countDown();
        for (Future<Object> f : held) {
            f.get(10, TimeUnit.SECONDS);
        }
        given().contentType("application/x-ndjson").body(portfolio).post("/api/policies/{id}/impact", seed)
                .then().statusCode(200).body("cases", equalTo(1));
    }

    private static String seedVersion() {
        return given().get("/api/policies").then().statusCode(200).extract().path("timeline[0].versionId");
    }

    private static Object call(java.util.concurrent.Callable<Object> work) {
        try {
            return work.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
