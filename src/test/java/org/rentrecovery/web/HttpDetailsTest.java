package org.rentrecovery.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.Path;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import org.rentrecovery.support.TestCases;
import org.rentrecovery.support.TestIdentity;

/**
 * HTTP beyond the happy path (issue 17 item 6): a wrong method is a 405 naming the methods the path
 * takes, not a "bad decision id"; a body that is not JSON is blamed on the body with its line and
 * column, on every endpoint that reads JSON; a wrong media type is a 415. All problem+json.
 */
@QuarkusTest
class HttpDetailsTest {

    @ParameterizedTest(name = "GET {0} -> 405")
    @ValueSource(strings = {"/api/decisions/next-action", "/api/decisions/escalation", "/api/decisions/routing",
            "/api/decisions/write-off", "/api/decisions/benefit-cap", "/api/policies/rollback"})
    void shouldAnswerAGetOfAPostEndpointWithMethodNotAllowed(String path) {
        given().get(path).then().statusCode(405).contentType("application/problem+json").header("Allow", "POST")
                .body("status", equalTo(405)).body("type", equalTo("/problems/http-405"))
                .body("detail", equalTo("This path takes POST only."));
    }

    @Test
    void shouldAnswerOtherWrongMethodsWithTheMethodsThePathTakes() {
        given().delete("/api/decisions/next-action").then().statusCode(405).contentType("application/problem+json")
                .header("Allow", containsString("POST"));
        given().contentType(ContentType.JSON).body("{}").put("/api/decisions/3f1c2e4a-8b7d-4c1e-9a2b-5d6e7f8a9b0c")
                .then().statusCode(405).contentType("application/problem+json").header("Allow", containsString("GET"));
        given().get("/api/decisions/3f1c2e4a-8b7d-4c1e-9a2b-5d6e7f8a9b0c/replay").then().statusCode(405)
                .contentType("application/problem+json").header("Allow", containsString("POST"));
    }

    @Test
    void shouldStillNameAMalformedDecisionId() {
        given().get("/api/decisions/not-a-decision").then().statusCode(400).body("errors[0].field", equalTo("decisionId"));
    }

    @Test
    void shouldBlameJsonThatDoesNotParseOnTheBodyWithItsLineAndColumn() {
        // a missing comma after caseRef: the parser stands in caseRef, but caseRef is not what is wrong
        String body = "{\"caseRef\": \"HRA-1\"\n \"asOf\": \"2026-11-23\"}";
        given().contentType(ContentType.JSON).body(body).post("/api/decisions/next-action").then().statusCode(400)
                .contentType("application/problem+json").body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo("body")).body("errors[0].pointer", equalTo(""))
                .body("errors[0].message", matchesPattern("is not valid JSON at line 2 column \\d+: .*"))
                .body("detail", matchesPattern("body is not valid JSON at line 2 column \\d+: .*"));
    }

    @Test
    void shouldBlameABodyThatIsAnArrayOnTheBody() {
        for (String array : new String[] {"[]", "[{}]", "[" + TestCases.secure().json() + "]"}) {
            given().contentType(ContentType.JSON).body(array).post("/api/decisions/next-action").then().statusCode(400)
                    .body("errors[0].field", equalTo("body")).body("errors[0].pointer", equalTo(""));
        }
    }

    @Test
    void shouldBlameATruncatedBodyOnTheBody() {
        String body = TestCases.secure().json();
        given().contentType(ContentType.JSON).body(body.substring(0, body.length() / 2)).post("/api/decisions/escalation")
                .then().statusCode(400).body("errors[0].field", equalTo("body")).body("errors[0].pointer", equalTo(""))
                .body("errors[0].message", containsString("end-of-input"));
    }

    @Test
    void shouldStillNameAFieldWhenTheJsonParsesButAValueIsWrong() {
        given().contentType(ContentType.JSON).body(TestCases.secure().set("account.balance", "12").json())
                .post("/api/decisions/next-action").then().statusCode(400)
                .body("errors[0].field", equalTo("account.balance")).body("errors[0].pointer", equalTo(null));
    }

    @ParameterizedTest(name = "POST {0} with a body that is not JSON -> 400 on the body")
    @ValueSource(strings = {"/api/session", "/api/policies", "/api/scenarios/run", "/api/policies/rollback",
            "/api/decisions/benefit-cap"})
    void shouldReadEveryJsonBodyTheSameStrictWay(String path) {
        given().contentType(ContentType.JSON).body("{\"note\": oops}").post(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"))
                .body("errors[0].message", matchesPattern("is not valid JSON at line 1 column \\d+: .*"));
    }

    @Test
    void shouldNameAnUnknownFieldOfAPolicyActionAsForACase() {
        given().contentType(ContentType.JSON).body("{\"from\": \"2026.11.0\", \"nott\": \"x\"}").post("/api/policies").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("nott"));
    }

    @Test
    void shouldRefuseAMediaTypeTheEndpointDoesNotRead() {
        given().contentType("text/csv").body("caseRef\nX").post("/api/decisions/next-action").then().statusCode(415)
                .contentType("application/problem+json").body("type", equalTo("/problems/http-415"));
        given().contentType("application/xml").body("<x/>").post("/api/session").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void shouldSayWhichMediaTypesTheEndpointReads() {
        given().contentType(ContentType.JSON).body("{}").post("/api/decisions/next-action/batch").then().statusCode(415)
                .body("detail", equalTo("Send the body with Content-Type: application/x-ndjson, or application/jsonl"));
        given().contentType(ContentType.JSON).body("{}").post("/api/portfolio/runs").then().statusCode(415)
                .body("detail", equalTo("Send the body with Content-Type: application/x-ndjson, or application/jsonl, or text/csv"));
        given().contentType("text/csv").body("caseRef\nX").post("/api/decisions/next-action").then().statusCode(415)
                .body("detail", equalTo("Send the body as JSON with Content-Type: application/json"));
        given().noContentType().post("/api/decisions/next-action").then().statusCode(415)
                .body("detail", equalTo("Send the body as JSON with Content-Type: application/json"));
        given().noContentType().post("/api/portfolio/runs").then().statusCode(415)
                .body("detail", equalTo("Send the body with Content-Type: application/x-ndjson, or application/jsonl, or text/csv"));
    }

    @Test
    void shouldAnswerAWrongMethodWithoutABodyTypeWithTheMethodsThePathTakes() {
        given().noContentType().post("/api/worklists/STAGE_1").then().statusCode(405).header("Allow", "GET")
                .contentType("application/problem+json");
        given().noContentType().put("/api/portfolio/runs/" + java.util.UUID.randomUUID()).then().statusCode(405)
                .header("Allow", "DELETE, GET");
    }

    @Test
    void shouldNameTheLimitOfAnAddressTooLongInsteadOfTheTransportsBareRefusal() throws Exception {
        String path = "/api/decisions/not-a-decision?pad=";
        String atTheLimit = path + "a".repeat(RequestGate.MAX_URI_CHARS - path.length());
        assertThat(answerTo(atTheLimit)).as("an address of exactly the limit is read").startsWith("HTTP/1.1 400")
                .contains("\"field\":\"decisionId\"").doesNotContain("uri-too-long");
        String answer = answerTo(atTheLimit + "a");
        assertThat(answer).startsWith("HTTP/1.1 414").contains("application/problem+json").contains("/problems/uri-too-long")
                .contains("is " + (RequestGate.MAX_URI_CHARS + 1) + " characters; the limit is " + RequestGate.MAX_URI_CHARS);
        assertThat(answerTo(path + "a".repeat(40_000))).as("far beyond the limit, still within the transport's line")
                .startsWith("HTTP/1.1 414").contains("/problems/uri-too-long");
    }

    @Test
    void shouldNameTheLimitOfHeadersTooLarge() throws Exception {
        String uri = "/api/decisions/not-a-decision";
        // The request's other headers: Host, Authorization, Connection, each counted as "Name: value" and its line end.
        int others = ("Host".length() + "localhost".length() + 4) + ("Authorization".length() + TestIdentity.bearer().length() + 4)
                + ("Connection".length() + "close".length() + 4);
        int padAtTheLimit = RequestGate.MAX_HEADER_BYTES - others - ("X-Pad".length() + 4);
        assertThat(answerTo(uri, "X-Pad: " + "p".repeat(padAtTheLimit) + "\r\n")).as("headers of exactly the limit are read")
                .startsWith("HTTP/1.1 400").contains("\"field\":\"decisionId\"");
        assertThat(answerTo(uri, "X-Pad: " + "p".repeat(padAtTheLimit + 1) + "\r\n")).startsWith("HTTP/1.1 431")
                .contains("application/problem+json").contains("/problems/headers-too-large")
                .contains("are " + (RequestGate.MAX_HEADER_BYTES + 1) + " bytes; the limit is " + RequestGate.MAX_HEADER_BYTES);
    }

    private static String answerTo(String uri) throws Exception {
        return answerTo(uri, "");
    }

    /** A raw GET, so the address and headers are sent exactly as given (no client encodes, adds or shortens them). */
    private static String answerTo(String uri, String moreHeaders) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String request = "GET " + uri + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + TestIdentity.bearer()
                    + "\r\nConnection: close\r\n" + moreHeaders + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldRefuseABodyDeclaredOverTheLimitBeforeReadingIt() throws Exception {
        // A raw request: HTTP clients will not announce a length they do not send.
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String request = "POST /api/decisions/next-action HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + TestIdentity.bearer() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (64L * 1024 * 1024) + "\r\n\r\n{}";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413")
                    .contains("application/problem+json").contains("/problems/payload-too-large");
        }
    }

    @Test
    void shouldListEveryApiResourceForTheAllowHeader() {
        Set<String> withApiPaths = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rentrecovery.web")) {
            if (type.isAnnotatedWith(Path.class) && type.getAnnotationOfType(Path.class).value().startsWith("/api")) {
                withApiPaths.add(type.getName());
            }
        }
        assertThat(withApiPaths).as("every /api resource is one AllowedMethods reads").containsExactlyInAnyOrderElementsOf(AllowedMethods.RESOURCES.stream().map(Class::getName).toList());
    }
}
