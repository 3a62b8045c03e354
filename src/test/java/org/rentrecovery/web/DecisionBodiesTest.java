package org.rentrecovery.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.Path;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.ext.web.RoutingContext;

import org.rentrecovery.support.TestCases;
import org.rentrecovery.support.TestIdentity;

/**
 * The one-case decision endpoints have their body read on the event loop (DecisionBodies): a body sent in chunks is
 * still read whole and decided, one past the chunked backstop is refused as problem+json, and every endpoint that
 * records a decision from a body is one whose body is read this way.
 */
@QuarkusTest
class DecisionBodiesTest {

    @Test
    void shouldReadACaseLargerThanQuarkusRestsInputBufferWhole() {
        TestCases large = TestCases.secure();
        for (int i = 0; i < 999; i++) {
            large.action("CONTACT_TENANT", 1 + i % 300);
        }
        String json = large.json();
        assertThat(json.length()).isGreaterThan(40_000);
        RestAssured.given().header("Authorization", TestIdentity.bearer()).contentType("application/json").body(json)
                .post("/api/decisions/next-action").then().statusCode(200).body("caseRef", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void shouldDecideACaseSentInSmallChunks() throws Exception {
        byte[] body = TestCases.secure().json().getBytes(StandardCharsets.UTF_8);
        String answer = chunkedPost("/api/decisions/next-action", body, 7);
        assertThat(answer).startsWith("HTTP/1.1 200").contains("\"decisionId\"").contains("\"nextAction\"");
    }

    @Test
    void shouldAnswerExpectContinueBeforeTheBodyIsSent() throws Exception {
        byte[] body = TestCases.secure().json().getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/decisions/write-off HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + TestIdentity.bearer()
                    + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            // Nothing of the body is sent until the service says to go on (the socket's timeout fails the test if it never does).
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 100 Continue");
            out.write(body);
            out.flush();
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 200").contains("\"writeOff\"");
        }
    }

    @Test
    void shouldDecideACaseSentOverHttp2() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_2).build();
        // The first request on a connection asks to upgrade to HTTP/2 (h2c); the second then goes over HTTP/2.
        for (int attempt = 0; attempt < 2; attempt++) {
            java.net.http.HttpResponse<String> answer = client.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + RestAssured.port + "/api/decisions/next-action"))
                    .header("Authorization", TestIdentity.bearer()).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TestCases.secure().json())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"nextAction\"");
            if (attempt == 1) {
                assertThat(answer.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
            }
        }
    }

    @Test
    void shouldLeaveABodyThatIsNotJsonUnreadForTheMediaTypeProblem() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        String[][] bodies = {{"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"caseRef\"\r\n\r\nHRA-1\r\n--x--\r\n"},
                {"application/x-www-form-urlencoded", "caseRef=HRA-1"}};
        for (String[] body : bodies) {
            java.net.http.HttpResponse<String> answer = client.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + RestAssured.port + "/api/decisions/next-action"))
                    .header("Authorization", TestIdentity.bearer()).header("Content-Type", body[0])
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body[1])).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(body[0] + ": " + answer.body()).isEqualTo(415);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void shouldRefuseAChunkedBodyPastTheBackstopAsAProblem() throws Exception {
        byte[] body = new byte[(int) RequestGate.CHUNKED_BODY_BACKSTOP_BYTES + 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        String answer = chunkedPost("/api/decisions/escalation", body, 256 * 1024);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("/problems/payload-too-large").contains("10 MiB");
    }

    @Test
    void shouldStillAnswerAChunkedBodyOverTenMebibytesUnderTheBackstopWithTheReadersProblem() throws Exception {
        String json = TestCases.secure().json();
        byte[] body = (json.substring(0, json.length() - 1) + " ".repeat((int) RequestGate.MAX_BODY_BYTES) + "}")
                .getBytes(StandardCharsets.UTF_8);
        String answer = chunkedPost("/api/decisions/routing", body, 256 * 1024);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("/problems/payload-too-large");
    }

    @Test
    void shouldReadTheBodyOfEveryRecordedEndpointOnTheEventLoop() {
        Set<String> recorded = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rentrecovery.web")) {
            Class<?> resource = type.reflect();
            Path classPath = resource.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : resource.getDeclaredMethods()) {
                if (answersARecordedDecision(method)) {
                    Path methodPath = method.getAnnotation(Path.class);
                    recorded.add(classPath.value() + (methodPath == null ? "" : methodPath.value()));
                }
            }
        }
        assertThat(recorded).isNotEmpty().containsExactlyInAnyOrderElementsOf(DecisionBodies.PATHS);
    }

    /** An endpoint answered through RecordedDecisions: a stage of a decision, and the request it keeps the JSON on. */
    private static boolean answersARecordedDecision(Method method) {
        return PublicJsonContractTest.answersADecisionStage(method)
                && List.of(method.getParameterTypes()).contains(RoutingContext.class);
    }

    /** A raw HTTP/1.1 POST with a chunked body, sent while the answer is read; the whole answer as text. */
    private static String chunkedPost(String path, byte[] body, int chunkSize) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try {
                    out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + TestIdentity.bearer()
                            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    for (int start = 0; start < body.length; start += chunkSize) {
                        int length = Math.min(chunkSize, body.length - start);
                        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body, start, length);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            String answer = readAnswer(socket.getInputStream());
            sent.get(30, TimeUnit.SECONDS);
            return answer;
        }
    }

    /** Reads the status line, headers and the body its Content-Length announces (the connection stays open). */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.write(next);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = headers.lines().filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                .mapToInt(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).trim())).findFirst().orElse(0);
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
