package org.rentrecovery.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The open-loop load against a local server that answers each request after a fixed delay, one at a time. Only
 * counts and lower bounds are asserted: a loaded machine can make every latency longer, never shorter than the
 * server's delay and the queue the schedule builds behind it.
 */
class OpenLoopLoadTest {
    private static final long MS = 1_000_000;
    private static final int DELAY_MS = 20;
    private static final String BODY = "{\"weeksInArrears\": 9.5}";

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private URI serve(int closeEvery, int unavailableEvery) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/decide", exchange -> answer(exchange, closeEvery, unavailableEvery));
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/decide");
    }

    private void answer(HttpExchange exchange, int closeEvery, int unavailableEvery) throws IOException {
        int number = requests.incrementAndGet();
        received.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Authorization") + " "
                + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        try {
            Thread.sleep(DELAY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (number % closeEvery == 0) {
            exchange.close();
            return;
        }
        byte[] body = "{\"step\":\"SERVE_NOSP\"}".getBytes(StandardCharsets.UTF_8);
        // Every other answer chunked (length 0), the rest with a Content-Length.
        exchange.sendResponseHeaders(number % unavailableEvery == 0 ? 503 : 200, number % 2 == 0 ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private OpenLoopSummary run(URI url, long rate, long warmUp, long measured) throws IOException {
        try (OpenLoopLoad load = new OpenLoopLoad(url, Map.of("Authorization", "Bearer t0ken"),
                BODY.getBytes(StandardCharsets.UTF_8), 1)) {
            return load.run(rate, warmUp, measured, () -> { }, () -> { });
        }
    }

    @Test
    void everyScheduledRequestIsSentWithItsBodyAndHeadersAndAnswered() throws IOException {
        OpenLoopSummary summary = run(serve(Integer.MAX_VALUE, 4), 100, 4, 20);

        assertThat(received).hasSize(24).allMatch(("POST Bearer t0ken " + BODY)::equals);
        assertThat(summary.requests()).isEqualTo(20);
        assertThat(summary.answers()).isEqualTo(20);
        assertThat(summary.nonSuccess()).as("every 4th of 24 answered 503, 5 of them measured").isEqualTo(5);
        assertThat(summary.failures()).isZero();
        assertThat(summary.unanswered()).isZero();
        assertThat(summary.senderLag()).as("one sender lateness for each measured request").hasSize(20);
        assertThat(summary.senderLag()[0]).as("the least, sorted first").isNotNegative();
    }

    @Test
    void theSelectorWaitsWholeMillisecondsRoundedUpFromOneToAHundred() {
        long now = 5_000_000_000L;
        assertThat(OpenLoopLoad.waitMillis(now + 300_000, now)).as("0.3 ms").isEqualTo(1);
        assertThat(OpenLoopLoad.waitMillis(now + 2_000_000, now)).as("2 ms").isEqualTo(2);
        assertThat(OpenLoopLoad.waitMillis(now + 2_000_001, now)).as("just over 2 ms").isEqualTo(3);
        assertThat(OpenLoopLoad.waitMillis(now, now)).as("due now: 0 would wait for ever").isEqualTo(1);
        assertThat(OpenLoopLoad.waitMillis(now - 7_000_000, now)).as("overdue").isEqualTo(1);
        assertThat(OpenLoopLoad.waitMillis(now + 10_000_000_000L, now)).as("10 s").isEqualTo(100);
    }

    @Test
    void requestsQueuedBehindASlowAnswerCountFromTheirIntendedStart() throws IOException {
        // One connection, a request every 10 ms, each answer taking at least 20 ms: request k (0-based) is meant to
        // start at 10k ms and cannot be answered before 20(k+1) ms, so it waits at least 20 + 10k ms; the last of 20
        // at least 210 ms. Timed from when it was written, each would look like the server's 20 ms.
        OpenLoopSummary summary = run(serve(Integer.MAX_VALUE, Integer.MAX_VALUE), 100, 0, 20);

        assertThat(summary.answers()).isEqualTo(20);
        assertThat(summary.correctedPercentile(100_000)).isGreaterThanOrEqualTo(210 * MS);
        assertThat(summary.correctedPercentile(50_000)).as("request 9 of 0..19").isGreaterThanOrEqualTo(110 * MS);
        assertThat(summary.corrected()[0]).isGreaterThanOrEqualTo(DELAY_MS * MS);
        assertThat(LatencyTally.percentile(summary.uncorrected(), 1)).isGreaterThanOrEqualTo(DELAY_MS * MS);
    }

    @Test
    void aConnectionClosedWithoutAnAnswerIsAnErrorAndTheRunGoesOnOnANewOne() throws IOException {
        OpenLoopSummary summary = run(serve(5, Integer.MAX_VALUE), 100, 0, 20);

        assertThat(received).hasSize(20);
        assertThat(summary.failures()).as("requests 5, 10, 15 and 20").isEqualTo(4);
        assertThat(summary.answers()).isEqualTo(16);
        assertThat(summary.unanswered()).isZero();
    }
}
