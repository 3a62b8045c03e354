package org.rentrecovery.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.inject.Vetoed;

import io.vertx.ext.web.RoutingContext;

import org.junit.jupiter.api.Test;
import org.rentrecovery.audit.DecisionAudit;
import org.rentrecovery.contract.DecisionAnswer;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.decision.DecisionService;
import org.rentrecovery.support.Scenarios;
import org.rentrecovery.support.TestCases;

/** Which thread reads and decides a case: the event loop that calls, or a worker when that could make it wait. */
class RecordedDecisionsTest {
    private final DecisionService decisions = TestCases.decisions();
    private static final int LIMIT = 32 * 1024;
    private final RecordedDecisions recorded = new RecordedDecisions(new ConfirmedAtOnce(), Scenarios.reader(), decisions, LIMIT);

    @Test
    void aUsualCaseUnderTheVersionInForceIsDecidedOnTheCallingThread() throws Exception {
        Decided decided = answer(caseJson(""));

        assertThat(decided.thread()).isSameAs(Thread.currentThread());
        assertThat(decided.answer().caseRef()).isEqualTo("THREAD-1");
    }

    @Test
    void aCasePinnedToAVersionOnTheTimelineIsDecidedOnTheCallingThread() throws Exception {
        String inForce = decisions.policies().forDate(java.time.LocalDate.parse("2026-11-23")).versionId();

        assertThat(answer(caseJson(", \"policyVersion\": \"" + inForce + "\"")).thread()).isSameAs(Thread.currentThread());
    }

    @Test
    void aCasePinnedToAVersionOffTheTimelineGoesToAWorkerThatMayLoadAndCompileIt() throws Exception {
        AtomicReference<Thread> decidedOn = new AtomicReference<>();
        var stage = answer(recorded, caseJson(", \"policyVersion\": \"draft-not-on-the-timeline\""), decidedOn);

        assertThat(failure(stage)).hasMessageContaining("policyVersion");
        assertThat(decidedOn.get()).isNotNull().isNotSameAs(Thread.currentThread());
    }

    @Test
    void aBodyOverTheLimitIsReadAndDecidedOnAWorker() throws Exception {
        String padding = " ".repeat(LIMIT);
        byte[] large = (new String(caseJson(""), StandardCharsets.UTF_8) + padding).getBytes(StandardCharsets.UTF_8);

        Decided decided = answer(large);

        assertThat(decided.thread()).isNotSameAs(Thread.currentThread());
        assertThat(decided.answer().caseRef()).isEqualTo("THREAD-1");
    }

    @Test
    void aBodyAtTheLimitIsStillDecidedOnTheCallingThread() throws Exception {
        byte[] usual = caseJson("");
        byte[] atLimit = (new String(usual, StandardCharsets.UTF_8)
                + " ".repeat(LIMIT - usual.length)).getBytes(StandardCharsets.UTF_8);
        assertThat(atLimit).hasSize(LIMIT);

        assertThat(answer(atLimit).thread()).isSameAs(Thread.currentThread());
    }

    @Test
    void aLimitOfNothingSendsEveryCaseToAWorker() throws Exception {
        RecordedDecisions onWorkers = new RecordedDecisions(new ConfirmedAtOnce(), Scenarios.reader(), decisions, 0);
        AtomicReference<Thread> decidedOn = new AtomicReference<>();

        answer(onWorkers, caseJson(""), decidedOn).get(30, TimeUnit.SECONDS);

        assertThat(decidedOn.get()).isNotNull().isNotSameAs(Thread.currentThread());
    }

    @Test
    void aNegativeLimitIsRefusedWithTheSettingNamed() {
        assertThatThrownBy(() -> new RecordedDecisions(new ConfirmedAtOnce(), Scenarios.reader(), decisions, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rentrecovery.decisions.event-loop-body-limit");
    }

    @Test
    void aBadCaseFailsTheStageWithTheFieldNamedWhereverItIsRead() throws Exception {
        byte[] bad = "{\"caseRef\": \"THREAD-1\", \"asOf\": \"not a date\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(failure(recorded.answer("next-action", bad, request(), decisions::decide).toCompletableFuture()))
                .hasMessageContaining("asOf");
    }

    private Decided answer(byte[] body) throws Exception {
        AtomicReference<Thread> decidedOn = new AtomicReference<>();
        Decision answer = answer(recorded, body, decidedOn).get(30, TimeUnit.SECONDS);
        return new Decided(answer, decidedOn.get());
    }

    /** The next-action answer through {@code through}, noting in {@code decidedOn} the thread that decided it. */
    private CompletableFuture<Decision> answer(RecordedDecisions through, byte[] body, AtomicReference<Thread> decidedOn) {
        return through.answer("next-action", body, request(), facts -> {
            decidedOn.set(Thread.currentThread());
            return decisions.decide(facts);
        }).toCompletableFuture();
    }

    private static Throwable failure(CompletableFuture<?> stage) throws InterruptedException, TimeoutException {
        try {
            stage.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the stage completed without a failure");
    }

    private static byte[] caseJson(String extra) {
        return ("{\"caseRef\": \"THREAD-1\", \"asOf\": \"2026-11-23\"" + extra + ","
                + " \"landlord\": {\"type\": \"LOCAL_AUTHORITY\"},"
                + " \"tenancy\": {\"type\": \"SECURE\", \"startDate\": \"2017-06-05\", \"rentFrequency\": \"WEEKLY\", \"rentPerPeriod\": 110.00},"
                + " \"account\": {\"balance\": 495.00}}").getBytes(StandardCharsets.UTF_8);
    }

    private static RoutingContext request() {
        return (RoutingContext) Proxy.newProxyInstance(RoutingContext.class.getClassLoader(), new Class<?>[] {RoutingContext.class},
                (proxy, method, args) -> method.getName().equals("put") ? proxy : null);
    }

    private record Decided(Decision answer, Thread thread) {
    }

    /**
     * An audit that confirms every record at once: this test is about threads, not the store. Vetoed, or the
     * container would find it beside the real audit when the other tests start Quarkus.
     */
    @Vetoed
    private static final class ConfirmedAtOnce extends DecisionAudit {
        ConfirmedAtOnce() {
            super(Optional.empty(), Path.of("unused"), 1, 1, 1, Duration.ofSeconds(1), null, null, null, null, null);
        }

        @Override
        public <D extends DecisionAnswer> Recording<D> recordWithoutWaiting(String endpoint, byte[] requestBody, D decision,
                long startedNanos) {
            return new Recording<>(decision, new byte[0], CompletableFuture.completedFuture(decision));
        }
    }
}
