package org.rentrecovery.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.rentrecovery.support.TestCases;
import org.rentrecovery.support.TestIdentity;

/**
 * Scrapes GET /q/metrics after real traffic (single decisions, a batch, a portfolio run) and checks
 * that an operator finds each series the runbook names, with its tags: decisions by endpoint, next
 * action and policy version, guards that blocked a step or refused a checked one, latency
 * histograms, the audit's queue and batches, the policy version in force and portfolio progress.
 */
@QuarkusTest
class MetricsScrapeTest {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One Prometheus sample: its name, labels and value. */
    record Sample(String name, Map<String, String> labels, double value) {
        boolean has(Map<String, String> wanted) {
            return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        }
    }

    @Test
    void shouldExposeDecisionAuditPolicyAndPortfolioSeriesWithTheirTagsAfterRealTraffic() throws Exception {
        String prefix = "MET-" + UUID.randomUUID().toString().substring(0, 8);
        // Letter 1 and 2 sent, 4.95 weeks behind, in a Breathing Space: the notice is held back by its guard.
        String breathingSpace = TestCases.secure().set("caseRef", prefix + "-bs").set("account.balance", 495.00)
                .action("SEND_REMINDER_LETTER_1", 28).action("SEND_REMINDER_LETTER_2", 14)
                .set("breathingSpace", Map.of("type", "STANDARD", "startDate", "2026-11-10")).json();
        given().contentType(ContentType.JSON).body(breathingSpace).post("/api/decisions/next-action").then().statusCode(200)
                .body("blockedActions.blockedBy.flatten().guard", org.hamcrest.Matchers.hasItem("BREATHING_SPACE"));
        // A Ground 8 notice on a market-rent assured tenancy, checked below 13 weeks: refused by GROUND_8_THRESHOLD.
        String ground8 = TestCases.of("""
                {"caseRef": "%s-g8", "asOf": "2026-11-23", "landlord": {"type": "HOUSING_ASSOCIATION"},
                 "tenancy": {"type": "ASSURED", "rentFrequency": "WEEKLY", "rentPerPeriod": 120.00, "socialHousing": false},
                 "account": {"balance": 1500.00},
                 "proposedAction": {"type": "SERVE_SECTION_8_NOTICE", "plannedDate": "2026-11-30", "grounds": ["GROUND_8"]}}"""
                .formatted(prefix)).json();
        given().contentType(ContentType.JSON).body(ground8).post("/api/decisions/next-action").then().statusCode(200)
                .body("proposedActionCheck.permitted", equalTo(false));
        given().contentType("application/x-ndjson").body((TestCases.secure().set("caseRef", prefix + "-batch").json() + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/decisions/next-action/batch").then().statusCode(200);
        StringBuilder portfolio = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            portfolio.append(TestCases.secure().set("caseRef", prefix + "-run-" + i).set("account.balance", 50 * i).json()).append('\n');
        }
        portfolio.append("{\"caseRef\": \"broken\"\n");
        String location = given().contentType("application/x-ndjson").body(portfolio.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/portfolio/runs").then().statusCode(202).extract().header("Location");
        waitUntilFinished(location);

        List<Sample> metrics = scrape();

        assertThat(find(metrics, "rentrecovery_decisions_total", Map.of("endpoint", "/api/decisions/next-action",
                "next_action", "CONTACT_ABOUT_CURRENT_RENT"))).as("decisions by endpoint and next action").isNotEmpty()
                .allSatisfy(s -> assertThat(s.labels()).containsKey("policy_version"));
        assertThat(sum(metrics, "rentrecovery_decisions_total", Map.of("endpoint", "/api/decisions/next-action/batch")))
                .as("batch lines are counted as decisions").isGreaterThanOrEqualTo(1);
        assertThat(sum(metrics, "rentrecovery_decisions_total", Map.of("endpoint", "portfolio-run")))
                .as("portfolio cases are counted as decisions").isGreaterThanOrEqualTo(5);
        assertThat(sum(metrics, "rentrecovery_decisions_blocked_total", Map.of("endpoint", "/api/decisions/next-action",
                "guard", "BREATHING_SPACE"))).isGreaterThanOrEqualTo(1);
        assertThat(sum(metrics, "rentrecovery_decisions_checked_total", Map.of("action", "SERVE_SECTION_8_NOTICE",
                "permitted", "false"))).isGreaterThanOrEqualTo(1);
        assertThat(sum(metrics, "rentrecovery_decisions_check_blocked_total", Map.of("guard", "GROUND_8_THRESHOLD")))
                .isGreaterThanOrEqualTo(1);

        assertThat(find(metrics, "http_server_requests_seconds_bucket", Map.of("uri", "/api/decisions/next-action",
                "method", "POST"))).as("a latency histogram for the decision endpoint").hasSizeGreaterThan(5);

        assertThat(find(metrics, "rentrecovery_audit_queue_depth", Map.of("store", "postgresql"))).hasSize(1);
        assertThat(sum(metrics, "rentrecovery_audit_batch_size_count", Map.of("store", "postgresql")))
                .as("batches written").isGreaterThanOrEqualTo(1);
        assertThat(find(metrics, "rentrecovery_audit_batch_size_bucket", Map.of("store", "postgresql"))).isNotEmpty();
        assertThat(find(metrics, "rentrecovery_audit_batches_failed_total", Map.of("store", "postgresql"))).hasSize(1);
        assertThat(find(metrics, "rentrecovery_audit_records_failed_total", Map.of("store", "postgresql"))).hasSize(1);

        List<Sample> inForce = find(metrics, "rentrecovery_policy_active", Map.of()).stream().filter(s -> s.value() == 1.0).toList();
        assertThat(inForce).as("exactly one policy version in force today").hasSize(1);
        String versionInForce = given().header("Authorization", TestIdentity.ANONYMOUS).get("/q/health/ready").then()
                .extract().path("checks.find { it.name == 'policy' }.data.versionInForce");
        assertThat(inForce.get(0).labels()).containsEntry("version", versionInForce).containsKey("effective_from");

        assertThat(value(metrics, "rentrecovery_portfolio_run_cases", Map.of("count", "decided"))).isEqualTo(5.0);
        assertThat(value(metrics, "rentrecovery_portfolio_run_cases", Map.of("count", "problems"))).isEqualTo(1.0);
        assertThat(value(metrics, "rentrecovery_portfolio_run_cases", Map.of("count", "read"))).isEqualTo(6.0);
        assertThat(value(metrics, "rentrecovery_portfolio_run_fraction_read", Map.of())).isEqualTo(1.0);
        assertThat(value(metrics, "rentrecovery_portfolio_runs_active", Map.of())).isEqualTo(0.0);
        assertThat(sum(metrics, "rentrecovery_portfolio_runs_total", Map.of("state", "DONE"))).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldTagARequestRefusedForItsRoleWithItsEndpointsPathTemplate() {
        // Authenticated, but the decisions role may not read the audit: 403 after authentication, and its latency is
        // kept under the endpoint's template, not under a path with a decision id in it (one series per id).
        String decisionsOnly = "Bearer " + TestIdentity.token("metrics-refused", List.of("decisions"));
        given().header("Authorization", decisionsOnly).get("/api/decisions/" + UUID.randomUUID()).then().statusCode(403)
                .contentType("application/problem+json");

        List<Sample> metrics = scrape();

        assertThat(find(metrics, "http_server_requests_seconds_count", Map.of("uri", "/api/decisions/{decisionId}",
                "method", "GET", "status", "403"))).as("the refused request under its endpoint's template").hasSize(1);
        assertThat(metrics).noneMatch(s -> "403".equals(s.labels().get("status"))
                && s.labels().getOrDefault("uri", "").matches("/api/decisions/[0-9a-f-]{36}"));
    }

    @Test
    void shouldNameDecisionAndRunIdsInTheEndpointTagAsAPlaceholder() {
        assertThat(DecisionMetrics.endpointTag("/api/decisions/0b7e5f8e-6a0e-4c59-9a57-2b1f1c3f9d11/replay"))
                .isEqualTo("/api/decisions/{id}/replay");
        assertThat(DecisionMetrics.endpointTag("/api/decisions/next-action")).isEqualTo("/api/decisions/next-action");
    }

    private static void waitUntilFinished(String location) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        String state = "";
        while (!state.equals("DONE") && !state.equals("FAILED") && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
            state = given().get(location).then().statusCode(200).extract().path("state");
        }
        assertThat(state).isEqualTo("DONE");
    }

    private static List<Sample> scrape() {
        String text = given().header("Authorization", TestIdentity.ANONYMOUS).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return samples;
    }

    private static List<Sample> find(List<Sample> samples, String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.has(labels)).toList();
    }

    private static double sum(List<Sample> samples, String name, Map<String, String> labels) {
        return find(samples, name, labels).stream().mapToDouble(Sample::value).sum();
    }

    private static double value(List<Sample> samples, String name, Map<String, String> labels) {
        List<Sample> found = find(samples, name, labels);
        assertThat(found).as(name + labels).hasSize(1);
        return found.get(0).value();
    }
}
