package org.rentrecovery.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.rentrecovery.support.TestCases;
import org.rentrecovery.support.TestIdentity;

/** Probes and metrics: readiness names the policy in force and the audit store; decisions are counted. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void isLiveAndReadyWithAPolicyInForceAndAWritableAudit() {
        given().header("Authorization", TestIdentity.ANONYMOUS).get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"));
        given().header("Authorization", TestIdentity.ANONYMOUS).get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP")).body("checks.name", hasItems("policy", "audit"))
                .body("checks.find { it.name == 'policy' }.data.versionInForce", notNullValue())
                .body("checks.find { it.name == 'audit' }.data.store", equalTo("PostgreSQL"));
    }

    @Test
    void countsDecisionsByEndpointNextActionAndPolicyAndKeepsLatencyHistograms() {
        given().contentType(ContentType.JSON).body(TestCases.secure().set("account.balance", 150).json())
                .post("/api/decisions/next-action").then().statusCode(200);
        given().header("Authorization", TestIdentity.ANONYMOUS).get("/q/metrics").then().statusCode(200)
                .body(containsString("rentrecovery_decisions_total{endpoint=\"/api/decisions/next-action\""))
                .body(containsString("http_server_requests_seconds_bucket{"));
    }
}
