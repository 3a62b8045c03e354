package org.rentrecovery.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import org.rentrecovery.security.Roles;
import org.rentrecovery.support.TestCases;
import org.rentrecovery.support.TestIdentity;

/**
 * Every endpoint × every caller: no token or a forged one → 401, a token without one of the
 * endpoint's roles → 403 (both problem+json), one of its roles → the endpoint's own answer.
 */
@QuarkusTest
class EndpointRolesTest {
    private static final String DECISIONS = Roles.DECISIONS;
    private static final String TESTER = Roles.TESTER;
    private static final String AUTHOR = Roles.POLICY_AUTHOR;
    private static final String APPROVER = Roles.POLICY_APPROVER;
    private static final String AUDITOR = Roles.AUDITOR;
    private static final String ADMIN = Roles.ADMIN;
    private static final String NO_SUCH = "00000000-0000-4000-8000-000000000000";

    /** An endpoint, a request it is sent, what it answers an allowed caller, and who is allowed. */
    record Endpoint(String method, String path, String contentType, String body, int allowedStatus, Set<String> roles) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/decisions/next-action", "application/json", TestCases.secure().json(), 200, Set.of(DECISIONS, ADMIN)),
            new Endpoint("POST", "/api/decisions/escalation", "application/json", TestCases.secure().json(), 200, Set.of(DECISIONS, ADMIN)),
            new Endpoint("POST", "/api/decisions/routing", "application/json", TestCases.secure().json(), 200, Set.of(DECISIONS, ADMIN)),
            new Endpoint("POST", "/api/decisions/write-off", "application/json", "{}", 400, Set.of(DECISIONS, ADMIN)),
            new Endpoint("POST", "/api/decisions/benefit-cap", "application/json", "{}", 400, Set.of(DECISIONS, ADMIN)),
            new Endpoint("POST", "/api/decisions/next-action/batch", "application/x-ndjson", TestCases.secure().json() + "\n", 200,
                    Set.of(DECISIONS, ADMIN)),
            new Endpoint("POST", "/api/portfolio/runs", "application/x-ndjson", "not json\n", 202, Set.of(DECISIONS, ADMIN)),
            new Endpoint("GET", "/api/portfolio/runs", null, null, 200, Set.of(DECISIONS, ADMIN)),
            new Endpoint("GET", "/api/portfolio/runs/" + NO_SUCH, null, null, 404, Set.of(DECISIONS, ADMIN)),
            new Endpoint("GET", "/api/portfolio/runs/" + NO_SUCH + "/results", null, null, 404, Set.of(DECISIONS, ADMIN)),
            new Endpoint("GET", "/api/portfolio/runs/" + NO_SUCH + "/problems", null, null, 404, Set.of(DECISIONS, ADMIN)),
            new Endpoint("GET", "/api/portfolio/runs/" + NO_SUCH + "/decisions", null, null, 404, Set.of(DECISIONS, ADMIN)),
            new Endpoint("DELETE", "/api/portfolio/runs/" + NO_SUCH, null, null, 404, Set.of(DECISIONS, ADMIN)),
            new Endpoint("GET", "/api/worklists/NO_SUCH_TEAM", null, null, 400, Set.of(DECISIONS, ADMIN)),
            new Endpoint("GET", "/api/decisions/" + NO_SUCH, null, null, 404, Set.of(AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/decisions?caseRef=ROLES-1", null, null, 200, Set.of(AUDITOR, ADMIN)),
            new Endpoint("POST", "/api/decisions/" + NO_SUCH + "/replay", "application/json", "{}", 404, Set.of(AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/decisions/subject-access?caseRef=ROLES-1", null, null, 200, Set.of(AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/decisions/access-log?caseRef=ROLES-1", null, null, 200, Set.of(AUDITOR, ADMIN)),
            new Endpoint("POST", "/api/scenarios/run", "application/json", "{\"stored\": [\"no-such-suite\"]}", 400, Set.of(TESTER, ADMIN)),
            new Endpoint("GET", "/api/policies", null, null, 200, Set.of(AUTHOR, APPROVER, AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/policies/no-such-version", null, null, 404, Set.of(AUTHOR, APPROVER, AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/policies/no-such-version/diff", null, null, 404, Set.of(AUTHOR, APPROVER, AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/policies/no-such-version/models/ladder.dmn", null, null, 404, Set.of(AUTHOR, APPROVER, AUDITOR, ADMIN)),
            new Endpoint("POST", "/api/policies", "application/json", "{\"from\": \"no-such-version\", \"note\": \"x\"}", 404,
                    Set.of(AUTHOR, ADMIN)),
            new Endpoint("PUT", "/api/policies/no-such-version/models/ladder.dmn", "application/xml",
                    "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\"/>", 404,
                    Set.of(AUTHOR, ADMIN)),
            new Endpoint("PUT", "/api/policies/no-such-version/models", "multipart/form-data; boundary=b",
                    "--b\r\nContent-Disposition: form-data; name=\"ladder.dmn\"; filename=\"ladder.dmn\"\r\n"
                            + "Content-Type: application/xml\r\n\r\n<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\"/>"
                            + "\r\n--b--\r\n", 404, Set.of(AUTHOR, ADMIN)),
            new Endpoint("POST", "/api/policies/no-such-version/validate", "application/json", "{}", 404, Set.of(AUTHOR, APPROVER, ADMIN)),
            new Endpoint("POST", "/api/policies/no-such-version/suites", "application/json", "{}", 404, Set.of(AUTHOR, APPROVER, ADMIN)),
            new Endpoint("GET", "/api/policies/no-such-version/suites", null, null, 404, Set.of(AUTHOR, APPROVER, AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/policies/no-such-version/suites/first-steps.csv", null, null, 404,
                    Set.of(AUTHOR, APPROVER, AUDITOR, ADMIN)),
            new Endpoint("PUT", "/api/policies/no-such-version/suites/first-steps.csv", "text/csv",
                    "name,expect.escalation.step\nx,MONITOR\n", 404, Set.of(AUTHOR, ADMIN)),
            new Endpoint("DELETE", "/api/policies/no-such-version/suites/first-steps.csv", null, null, 404, Set.of(AUTHOR, ADMIN)),
            new Endpoint("POST", "/api/policies/no-such-version/suites/accept", "application/json", "{\"expectations\": []}", 404,
                    Set.of(AUTHOR, ADMIN)),
            new Endpoint("POST", "/api/policies/no-such-version/impact", "application/json", "{}", 404, Set.of(AUTHOR, APPROVER, ADMIN)),
            new Endpoint("POST", "/api/policies/no-such-version/approve", "application/json", "{}", 404, Set.of(APPROVER, ADMIN)),
            new Endpoint("POST", "/api/policies/no-such-version/activate", "application/json", "{\"effectiveFrom\": \"2099-01-01\"}", 404,
                    Set.of(APPROVER, ADMIN)),
            new Endpoint("POST", "/api/policies/rollback", "application/json", "{\"effectiveFrom\": \"not a date\"}", 400,
                    Set.of(APPROVER, ADMIN)),
            new Endpoint("GET", "/api/session", null, null, 200, Set.copyOf(Roles.ALL)),
            new Endpoint("GET", "/api/no-such-endpoint", null, null, 404, Set.of(ADMIN)));

    static Stream<Arguments> everyEndpointAndRole() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String role : Roles.ALL) {
                cases.add(Arguments.of(endpoint.toString(), role, endpoint.roles().contains(role) ? endpoint.allowedStatus() : 403));
            }
        }
        return cases.stream();
    }

    /** By name: Quarkus copies test arguments between class loaders, which a record here does not survive. */
    static Stream<String> everyEndpoint() {
        return ENDPOINTS.stream().map(Endpoint::toString);
    }

    private static Endpoint endpoint(String name) {
        return ENDPOINTS.stream().filter(e -> e.toString().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("everyEndpointAndRole")
    void shouldAnswerEachRoleAsTheEndpointAllows(String name, String role, int expected) {
        Endpoint endpoint = endpoint(name);
        var answer = send(endpoint, given().header("Authorization", "Bearer " + TestIdentity.token("roles-" + role, List.of(role))))
                .then().statusCode(expected);
        if (expected == 403) {
            answer.contentType("application/problem+json").body("status", equalTo(403));
        }
    }

    @ParameterizedTest(name = "{0} without a token -> 401")
    @MethodSource("everyEndpoint")
    void shouldRefuseACallerWithoutAToken(String name) {
        Endpoint endpoint = endpoint(name);
        send(endpoint, given().header("Authorization", TestIdentity.ANONYMOUS)).then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").contentType("application/problem+json").body("status", equalTo(401));
    }

    @ParameterizedTest(name = "{0} with a forged token -> 401")
    @MethodSource("everyEndpoint")
    void shouldRefuseATokenThisServiceDidNotSign(String name) {
        Endpoint endpoint = endpoint(name);
        String genuine = TestIdentity.token("mallory", Roles.ALL);
        String[] parts = genuine.split("\\.");
        // The same header and signature over claims that say something else: the signature no longer matches.
        String claims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"iss\":\"rentrecovery-local\",\"upn\":\"mallory\",\"groups\":[\"admin\"],\"exp\":4102444800}".getBytes());
        send(endpoint, given().header("Authorization", "Bearer " + parts[0] + "." + claims + "." + parts[2]))
                .then().statusCode(401).contentType("application/problem+json");
    }

    /** Answered to anyone: signing in (and asking how to) is how a caller without a token gets one. */
    static final Set<String> OPEN = Set.of("POST /api/session", "GET /api/session/sign-in");

    /**
     * The table above covers every /api operation the OpenAPI document lists (a path's {parameters} match any one
     * segment), so an endpoint added later cannot go untested for its roles.
     */
    @Test
    void shouldCoverEveryApiOperationOfTheOpenApiDocument() throws Exception {
        var document = new com.fasterxml.jackson.databind.ObjectMapper().readTree(given().header("Authorization", TestIdentity.ANONYMOUS)
                .accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        List<String> untested = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            String operation = method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
            if (!path.getKey().startsWith("/api") || !path.getValue().path(method).has("responses") || OPEN.contains(operation)) {
                return;
            }
            String pattern = java.util.regex.Pattern.quote(path.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (ENDPOINTS.stream().noneMatch(e -> e.method().equalsIgnoreCase(method) && e.path().split("\\?")[0].matches(pattern))) {
                untested.add(operation);
            }
        }));
        assertThat(untested).as("/api operations missing from ENDPOINTS").isEmpty();
    }

    @Test
    void shouldSignInAQuickStartUserAndNameThemBack() {
        String token = given().header("Authorization", TestIdentity.ANONYMOUS).contentType("application/json")
                .body("{\"user\": \"author\", \"password\": \"author-pass\"}").post("/api/session")
                .then().statusCode(200).body("user", equalTo("author")).body("roles", hasItem(AUTHOR))
                .body("token", notNullValue()).extract().path("token");
        given().header("Authorization", "Bearer " + token).get("/api/session").then().statusCode(200)
                .body("user", equalTo("author")).body("roles", equalTo(List.of(AUTHOR)));
        given().header("Authorization", "Bearer " + token).get("/api/policies").then().statusCode(200);
        given().header("Authorization", "Bearer " + token).contentType("application/json").body("{}")
                .post("/api/policies/no-such-version/approve").then().statusCode(403);
    }

    @Test
    void shouldRefuseAWrongPasswordWithoutSayingWhichPartWasWrong() {
        given().header("Authorization", TestIdentity.ANONYMOUS).contentType("application/json")
                .body("{\"user\": \"approver\", \"password\": \"author-pass\"}").post("/api/session")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", equalTo("The user name or password is not right."));
        given().header("Authorization", TestIdentity.ANONYMOUS).contentType("application/json")
                .body("{\"user\": \"nobody\", \"password\": \"x\"}").post("/api/session")
                .then().statusCode(401).body("detail", equalTo("The user name or password is not right."));
        given().header("Authorization", TestIdentity.ANONYMOUS).contentType("application/json")
                .body("{\"user\": \"author\"}").post("/api/session")
                .then().statusCode(400).body("errors[0].field", equalTo("password"));
    }

    @Test
    void shouldLeaveTheOpenApiDocumentOpen() {
        given().header("Authorization", TestIdentity.ANONYMOUS).get("/q/openapi").then().statusCode(200);
    }

    private static io.restassured.response.Response send(Endpoint endpoint, RequestSpecification request) {
        if (endpoint.contentType() != null) {
            request = request.contentType(endpoint.contentType()).body(endpoint.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return request.request(endpoint.method(), endpoint.path());
    }
}
