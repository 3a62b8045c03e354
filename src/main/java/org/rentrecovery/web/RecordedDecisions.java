package org.rentrecovery.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;

import org.rentrecovery.audit.DecisionAudit;
import org.rentrecovery.contract.DecisionAnswer;

/**
 * Decides one case on a worker thread and answers once its record is durable, without a thread waiting for the audit.
 * The endpoint runs on the event loop (its body was read there, {@link DecisionBodies}); the case is read and decided
 * on Quarkus's worker pool, the answer handed to the audit, and the worker is free again. When the audit's writer
 * confirms the record, Quarkus REST resumes the request on its event loop, which writes the answer. A blocking
 * endpoint would instead keep its worker asleep until the writer woke it, then hand the answer to the event loop: one
 * more thread woken for every decision.
 */
@ApplicationScoped
public class RecordedDecisions {
    /** The JSON a decision was recorded as, kept on its request so the same bytes are served (DecisionAnswerWriter). */
    static final String SERVED_JSON = RecordedDecisions.class.getName() + ".json";

    private final DecisionAudit audit;

    @Inject
    public RecordedDecisions(DecisionAudit audit) {
        this.audit = audit;
    }

    /**
     * The decision {@code decide} makes of {@code body}, recorded as {@code endpoint} before it is answered; fails with
     * what {@code decide} threw (a bad case: 400) or with the audit's 503.
     */
    public <D extends DecisionAnswer> CompletionStage<D> answer(String endpoint, byte[] body, RoutingContext request,
            Function<byte[], D> decide) {
        long started = System.nanoTime();
        Executor workers = Infrastructure.getDefaultWorkerPool();
        return CompletableFuture.supplyAsync(() -> {
            DecisionAudit.Recording<D> recording = audit.recordWithoutWaiting(endpoint, body, decide.apply(body), started);
            request.put(SERVED_JSON, new Served(recording.decision(), recording.json()));
            return recording.durable();
        }, workers).thenCompose(durable -> durable);
    }

    /** The bytes {@code answer} was recorded as on this request, or null when it was not recorded here. */
    static byte[] servedJson(RoutingContext request, Object answer) {
        Served served = request == null ? null : request.get(SERVED_JSON);
        return served == null || served.answer() != answer ? null : served.json();
    }

    private record Served(Object answer, byte[] json) {
    }
}
