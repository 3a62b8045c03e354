package org.rentrecovery.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rentrecovery.audit.DecisionAudit;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.CaseFactsReader;
import org.rentrecovery.contract.DecisionAnswer;
import org.rentrecovery.decision.DecisionService;

/**
 * Decides one case and answers once its record is durable, without a thread waiting for the audit. The endpoint runs
 * on the event loop (its body was read there, {@link DecisionBodies}). A case of a usual size, under a policy version
 * whose models are compiled, is read and decided right there: a decision takes a fraction of a millisecond, less than
 * handing it to another thread and back costs, and every hand-off is one more thread the two cores must wake. A large
 * body, or a pinned version off the timeline (loaded and compiled on first use), goes to Quarkus's worker pool
 * instead, so the event loop never waits for either. The answer is then handed to the audit, and when the audit's
 * writer confirms the record the request's event loop writes the answer: {@link DirectDecisionRoutes} for the usual
 * request, Quarkus REST (which resumes the request there) for any other.
 */
@ApplicationScoped
public class RecordedDecisions {
    /** The JSON a decision was recorded as, kept on its request so the same bytes are served (DecisionAnswerWriter). */
    static final String SERVED_JSON = RecordedDecisions.class.getName() + ".json";

    static final String EVENT_LOOP_BODY_LIMIT_SETTING = "rentrecovery.decisions.event-loop-body-limit";
    private static final Executor ON_THIS_THREAD = Runnable::run;

    private final DecisionAudit audit;
    private final CaseFactsReader reader;
    private final DecisionService decisions;
    private final int eventLoopBodyLimit;

    /**
     * @param eventLoopBodyLimit the largest body, in bytes, read and decided on the event loop; 0 sends every case to a
     *                           worker. The default, 32 KiB, holds about 650 recorded actions, a case answered in 5-9 ms
     *                           end to end when warm (the bench's case is 404 bytes); bodies go up to 20 MiB.
     */
    @Inject
    public RecordedDecisions(DecisionAudit audit, CaseFactsReader reader, DecisionService decisions,
            @ConfigProperty(name = EVENT_LOOP_BODY_LIMIT_SETTING, defaultValue = "32768") int eventLoopBodyLimit) {
        if (eventLoopBodyLimit < 0) {
            throw new IllegalArgumentException(EVENT_LOOP_BODY_LIMIT_SETTING + " must be 0 or more bytes, was " + eventLoopBodyLimit);
        }
        this.audit = audit;
        this.reader = reader;
        this.decisions = decisions;
        this.eventLoopBodyLimit = eventLoopBodyLimit;
    }

    /**
     * The decision {@code decide} makes of the case in {@code body}, recorded as {@code endpoint} before it is
     * answered; fails with what reading or deciding threw (a bad case: 400) or with the audit's 503.
     */
    public <D extends DecisionAnswer> CompletionStage<D> answer(String endpoint, byte[] body, RoutingContext request,
            Function<CaseFacts, D> decide) {
        Throwable failedOnItsRoute = request == null ? null : request.get(DirectDecisionRoutes.FAILURE);
        if (failedOnItsRoute != null) {
            // Read, decided or recorded once already on its route: the same failure, answered by the same mappers.
            return CompletableFuture.failedFuture(failedOnItsRoute);
        }
        long started = System.nanoTime();
        if (body.length > eventLoopBodyLimit) {
            // Read and decided in one task on a worker. Had the deciding been a stage after the reading, a worker that
            // read the case before the stage was attached would have left the deciding to the event loop.
            return CompletableFuture.supplyAsync(() -> decideAndRecord(endpoint, body, reader.read(body), request, decide, started),
                    workers()).thenCompose(durable -> durable);
        }
        return CompletableFuture.supplyAsync(() -> reader.read(body), ON_THIS_THREAD)
                .thenCompose(facts -> CompletableFuture.supplyAsync(() -> decideAndRecord(endpoint, body, facts, request, decide, started),
                        decisions.decidesWithCompiledModels(facts) ? ON_THIS_THREAD : workers()))
                .thenCompose(durable -> durable);
    }

    /** Decides the case and hands the answer to the audit; completes once its record is durable. */
    private <D extends DecisionAnswer> CompletionStage<D> decideAndRecord(String endpoint, byte[] body, CaseFacts facts,
            RoutingContext request, Function<CaseFacts, D> decide, long started) {
        D decision = decide.apply(facts);
        DecisionAudit.Recording<D> recording = audit.recordWithoutWaiting(endpoint, body, decision, started);
        request.put(SERVED_JSON, new Served(recording.decision(), recording.json()));
        return recording.durable();
    }

    private static Executor workers() {
        return Infrastructure.getDefaultWorkerPool();
    }

    /** The bytes {@code answer} was recorded as on this request, or null when it was not recorded here. */
    static byte[] servedJson(RoutingContext request, Object answer) {
        Served served = request == null ? null : request.get(SERVED_JSON);
        return served == null || served.answer() != answer ? null : served.json();
    }

    /** The response body for recorded bytes: wrapped, not copied, since the recorded bytes are never written to again. */
    static Buffer wrapped(byte[] served) {
        return Buffer.buffer(Unpooled.wrappedBuffer(served));
    }

    private record Served(Object answer, byte[] json) {
    }
}
