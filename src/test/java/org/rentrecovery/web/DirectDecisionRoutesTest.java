package org.rentrecovery.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import org.rentrecovery.support.TestCases;
import org.rentrecovery.support.TestIdentity;

/**
 * The usual one-case request is answered from its route, and anything less usual, or a failure, is answered by Quarkus
 * REST exactly as before: the same statuses, problems and bytes.
 */
@QuarkusTest
class DirectDecisionRoutesTest {
    @Inject
    DirectDecisionRoutes routes;

    private static Response post(String path, String contentType, String accept, String body) {
        var request = RestAssured.given().header("Authorization", TestIdentity.bearer()).contentType(contentType).body(body);
        if (accept != null) {
            request.header("Accept", accept);
        }
        return request.post(path);
    }

    @Test
    void shouldAnswerEachOneCaseEndpointFromItsRouteWithTheRecordedBytes() {
        for (String path : DecisionBodies.PATHS) {
            long before = routes.answeredOnRoute();
            Response answer = post(path, "application/json", null, TestCases.secure().json());
            answer.then().statusCode(200).header("Content-Type", "application/json;charset=UTF-8");
            assertThat(routes.answeredOnRoute()).as(path).isEqualTo(before + 1);
            String recorded = RestAssured.given().header("Authorization", "Bearer " + TestIdentity.token("route-auditor", java.util.List.of("auditor")))
                    .get("/api/decisions/" + answer.path("decisionId")).then().statusCode(200).extract().body().asString();
            assertThat(recorded).as(path).contains(answer.body().asString());
        }
    }

    @Test
    void shouldLeaveANegotiatedRequestToQuarkusRestWhichAnswersTheSame() {
        long before = routes.answeredOnRoute();
        post("/api/decisions/next-action", "application/json; charset=UTF-8", "application/json;q=0.9, */*;q=0.1",
                TestCases.secure().json()).then().statusCode(200).body("caseRef", equalTo("TEST-1"));
        post("/api/decisions/next-action", "application/json", "text/csv", TestCases.secure().json()).then().statusCode(406);
        post("/api/decisions/next-action", "application/json-patch+json", null, TestCases.secure().json()).then().statusCode(415);
        assertThat(routes.answeredOnRoute()).isEqualTo(before);
    }

    @Test
    void shouldAnswerAFailureOnTheRouteWithTheSameProblemAsBefore() {
        long before = routes.answeredOnRoute();
        post("/api/decisions/next-action", "application/json", null, TestCases.secure().json().replace("\"TEST-1\"", "5"))
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("/problems/invalid-request")).body("errors[0].field", equalTo("caseRef"));
        post("/api/decisions/write-off", "application/json", null, "{\"caseRef\": 5}")
                .then().statusCode(400).body("errors[0].field", equalTo("caseRef"));
        assertThat(routes.answeredOnRoute()).isEqualTo(before);
    }

    @Test
    void shouldAnswerAContentTypeAsQuarkusRestDoesWhateverTheAccept() {
        long before = routes.answeredOnRoute();
        String spaced = "application/json ; charset=UTF-8";
        post("/api/decisions/next-action", spaced, null, TestCases.secure().json()).then().statusCode(415);
        post("/api/decisions/next-action", spaced, "application/json;q=0.9", TestCases.secure().json()).then().statusCode(415);
        assertThat(routes.answeredOnRoute()).isEqualTo(before);

        post("/api/decisions/next-action", "Application/JSON;charset=UTF-8", null, TestCases.secure().json()).then().statusCode(200);
        assertThat(routes.answeredOnRoute()).isEqualTo(before + 1);
        assertThat(DecisionBodies.exactlyJson("application/json")).isTrue();
        assertThat(DecisionBodies.exactlyJson("application/json;charset=UTF-8")).isTrue();
        assertThat(DecisionBodies.exactlyJson(null)).isFalse();
        assertThat(DecisionBodies.exactlyJson("application/jsonx")).isFalse();
        assertThat(DecisionBodies.exactlyJson("application/json-patch+json")).isFalse();
    }

    @Test
    void shouldServeTheSameHeadersWhicheverWayTheRequestWent() {
        Response onRoute = post("/api/decisions/escalation", "application/json", null, TestCases.secure().json());
        Response throughRest = post("/api/decisions/escalation", "application/json", "application/json;q=1", TestCases.secure().json());
        for (Response answer : java.util.List.of(onRoute, throughRest)) {
            answer.then().statusCode(200).header("Content-Type", "application/json;charset=UTF-8")
                    .header("Content-Length", String.valueOf(answer.body().asByteArray().length));
        }
        assertThat(onRoute.headers().asList().stream().map(header -> header.getName().toLowerCase(java.util.Locale.ROOT)).sorted().toList())
                .isEqualTo(throughRest.headers().asList().stream().map(header -> header.getName().toLowerCase(java.util.Locale.ROOT)).sorted().toList());
    }

    @Test
    void shouldCountADecisionAnsweredFromAPathSpelledAnotherWayUnderItsEndpoint() {
        long before = routes.answeredOnRoute();
        RestAssured.given().urlEncodingEnabled(false).header("Authorization", TestIdentity.bearer()).contentType("application/json")
                .body(TestCases.secure().json()).post("/api/decisions/%6Eext-action").then().statusCode(200);
        post("/api/decisions/next-action/", "application/json", null, TestCases.secure().json()).then().statusCode(200);
        assertThat(routes.answeredOnRoute()).isEqualTo(before + 2);
        String metrics = RestAssured.given().header("Authorization", TestIdentity.ANONYMOUS).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        assertThat(metrics).contains("uri=\"/api/decisions/next-action\"").doesNotContain("%6E").doesNotContain("next-action/\"");
    }

    @Test
    void shouldListTheSamePathsAsTheResourcesThatAnswerThemOtherwise() {
        for (OneCaseEndpoint endpoint : OneCaseEndpoint.values()) {
            assertThat(AllowedMethods.allow(endpoint.path())).as(endpoint.path()).isEqualTo("POST");
            assertThat(AllowedMethods.consumes("POST", endpoint.path())).as(endpoint.path()).containsExactly("application/json");
            assertThat(endpoint.path()).endsWith("/" + endpoint.recordedAs());
        }
        assertThat(DecisionBodies.PATHS).hasSize(OneCaseEndpoint.values().length);
    }

    @Test
    void shouldTakeJsonOnlyFromAnAcceptWithoutParameters() {
        assertThat(DirectDecisionRoutes.acceptsJson(null)).isTrue();
        assertThat(DirectDecisionRoutes.acceptsJson("application/json")).isTrue();
        assertThat(DirectDecisionRoutes.acceptsJson("*/*")).isTrue();
        assertThat(DirectDecisionRoutes.acceptsJson("Application/JSON, application/*")).isTrue();
        assertThat(DirectDecisionRoutes.acceptsJson("")).isFalse();
        assertThat(DirectDecisionRoutes.acceptsJson("text/csv")).isFalse();
        assertThat(DirectDecisionRoutes.acceptsJson("application/json;q=0")).isFalse();
        assertThat(DirectDecisionRoutes.acceptsJson("application/json, text/html")).isFalse();
    }
}
