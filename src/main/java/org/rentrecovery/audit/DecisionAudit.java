package org.rentrecovery.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;
import org.rentrecovery.contract.AnswerJson;
import org.rentrecovery.contract.DecisionAnswer;
import org.rentrecovery.contract.Reason;

/**
 * Records every decision before it is answered. The one-case endpoints call {@link #recordWithoutWaiting} and answer
 * when its future completes; callers that decide many cases {@link #submit} each and {@link #awaitDurable} before
 * releasing an answer. A record that cannot be made durable is answered {@link AuditUnavailableException} (503 with
 * Retry-After), never served.
 *
 * <p>With {@code quarkus.datasource.jdbc.url} set (in production the environment variable
 * {@code QUARKUS_DATASOURCE_JDBC_URL}, with {@code _USERNAME} and {@code _PASSWORD}) records go to
 * PostgreSQL; without it, to an append-only journal file, so the quick-start run needs no setup.
 */
@ApplicationScoped
public class DecisionAudit {
    private static final Logger LOG = Logger.getLogger(DecisionAudit.class);

    private final Optional<String> jdbcUrl;
    private final Path journalFile;
    private final int maxBatch;
    private final int queueCapacity;
    private final int writers;
    private final Duration commitTimeout;
    private final Instance<AgroalDataSource> dataSource;
    private final Instance<Flyway> flyway;
    private final ObjectMapper mapper;
    /** Every recorded answer is written once, here, and served as these bytes (web's RecordedDecisions). */
    private final AnswerJson answers;
    private final Instance<MeterRegistry> meters;
    private volatile AuditStore store;
    /** Records waiting for the store's writers, as its queue reports them (a gauge in the metrics). */
    private volatile java.util.function.IntSupplier queueDepth = () -> 0;

    @Inject
    public DecisionAudit(@ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl,
            @ConfigProperty(name = "rentrecovery.audit.journal", defaultValue = "data/decision-journal.ndjson") Path journalFile,
            @ConfigProperty(name = "rentrecovery.audit.max-batch", defaultValue = "500") int maxBatch,
            @ConfigProperty(name = "rentrecovery.audit.queue-capacity", defaultValue = "20000") int queueCapacity,
            @ConfigProperty(name = "rentrecovery.audit.writers", defaultValue = "2") int writers,
            @ConfigProperty(name = "rentrecovery.audit.commit-timeout", defaultValue = "10s") Duration commitTimeout,
            Instance<AgroalDataSource> dataSource, Instance<Flyway> flyway, ObjectMapper mapper, AnswerJson answers,
            Instance<MeterRegistry> meters) {
        requireAtLeastOne("rentrecovery.audit.max-batch", maxBatch);
        requireAtLeastOne("rentrecovery.audit.queue-capacity", queueCapacity);
        requireAtLeastOne("rentrecovery.audit.writers", writers);
        this.jdbcUrl = jdbcUrl.filter(url -> !url.isBlank());
        this.journalFile = journalFile;
        this.maxBatch = maxBatch;
        this.queueCapacity = queueCapacity;
        this.writers = writers;
        this.commitTimeout = commitTimeout;
        this.dataSource = dataSource;
        this.flyway = flyway;
        this.mapper = mapper;
        this.answers = answers;
        this.meters = meters;
    }

    private static void requireAtLeastOne(String setting, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(setting + " must be at least 1, was " + value);
        }
    }

    void onStart(@Observes StartupEvent event) {
        LOG.infof("Decision audit: every decision is recorded before it is answered, in the %s", store().describe());
        if (jdbcUrl.isEmpty()) {
            LOG.info("Decision audit: no database configured (set QUARKUS_DATASOURCE_JDBC_URL, _USERNAME and _PASSWORD "
                    + "to record in PostgreSQL); using the embedded journal.");
        }
    }

    /** Created once, at startup (or on first use in a test); read on every decision without a lock. */
    AuditStore store() {
        AuditStore current = store;
        if (current == null) {
            synchronized (this) {
                if (store == null) {
                    String kind = jdbcUrl.isPresent() ? "postgresql" : "journal";
                    GroupCommitQueue.BatchListener listener = batchMeters(kind);
                    store = jdbcUrl.isPresent()
                            ? new PostgresAuditStore(dataSource.get(), () -> flyway.get().migrate(), jdbcUrl.get(),
                                    queueCapacity, maxBatch, writers, listener)
                            : new JournalAuditStore(journalFile, mapper, queueCapacity, maxBatch, listener);
                }
                current = store;
            }
        }
        return current;
    }

    /**
     * The audit's own metrics (GET /q/metrics): records waiting for a writer, the size of each batch
     * written (group commit at work: large batches mean many requests shared one commit) and the
     * records that could not be made durable, each of which was answered 503, never served.
     */
    private GroupCommitQueue.BatchListener batchMeters(String kind) {
        if (!meters.isResolvable()) {
            return GroupCommitQueue.BatchListener.NONE;
        }
        MeterRegistry registry = meters.get();
        Gauge.builder("rentrecovery.audit.queue.depth", this, audit -> audit.queueDepth.getAsInt())
                .description("Decision records handed to the audit and not yet durable").tag("store", kind)
                .strongReference(true).register(registry);
        DistributionSummary sizes = DistributionSummary.builder("rentrecovery.audit.batch.size")
                .description("Records written in one commit (PostgreSQL) or one fsync (journal)").tag("store", kind)
                .publishPercentileHistogram().minimumExpectedValue(1.0).maximumExpectedValue((double) maxBatch)
                .register(registry);
        Counter batches = Counter.builder("rentrecovery.audit.batches.failed")
                .description("Writes that failed in whole or in part (a record refused by a full queue counts as one)").tag("store", kind).register(registry);
        Counter records = Counter.builder("rentrecovery.audit.records.failed")
                .description("Decision records that could not be made durable (each answered 503, not served)")
                .tag("store", kind).register(registry);
        return new GroupCommitQueue.BatchListener() {
            @Override
            public void written(int size) {
                sizes.record(size);
            }

            @Override
            public void failed(int size) {
                batches.increment();
                records.increment(size);
            }

            @Override
            public void attached(java.util.function.IntSupplier depth) {
                queueDepth = depth;
            }
        };
    }

    /**
     * Records a decision without a thread waiting for it: the answer is written as JSON here, once, and handed to
     * the store; {@link Recording#durable()} completes with the decision once its record is durable, or fails with
     * {@link AuditUnavailableException} (503) when the store refuses it or does not confirm it within the commit
     * timeout. It completes on the store's writer thread, so what follows it must not block.
     */
    public <D extends DecisionAnswer> Recording<D> recordWithoutWaiting(String endpoint, byte[] requestBody, D decision,
            long startedNanos) {
        byte[] json;
        try {
            json = answers.writeBytes(decision);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The answer could not be written as JSON", e);
        }
        CompletableFuture<D> durable = submit(endpoint, requestBody, decision, json, startedNanos, null)
                .orTimeout(commitTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((recorded, failure) -> {
                    if (failure != null) {
                        throw unavailable(failure instanceof CompletionException wrapped ? wrapped.getCause() : failure);
                    }
                    return decision;
                });
        return new Recording<>(decision, json, durable);
    }

    /** A decision handed to the store: the JSON it was recorded as (to be served as such) and when it is durable. */
    public record Recording<D>(D decision, byte[] json, CompletableFuture<D> durable) {
    }

    private AuditUnavailableException unavailable(Throwable failure) {
        if (failure instanceof AuditUnavailableException unavailable) {
            return unavailable;
        }
        if (failure instanceof TimeoutException) {
            // The record may still be committed later; the caller retries and gets a new decision id.
            return new AuditUnavailableException("The decision store did not confirm the record within " + commitTimeout, failure);
        }
        return new AuditUnavailableException("The decision could not be recorded: " + failure, failure);
    }

    /**
     * Hands a decision's record to the store without waiting, for callers that decide many cases
     * in a row (the batch endpoint, portfolio runs): the future completes once the record is
     * durable, and the caller must not release the answer before {@link #awaitDurable} returns.
     *
     * @param responseUtf8 the answer exactly as it is served, as its UTF-8 bytes (stored without a copy: no one may
     *                     change them); the stores keep bytes, so they are not decoded to text and encoded back
     * @param runId        the portfolio run that asked, or null
     */
    public CompletableFuture<Void> submit(String endpoint, byte[] requestBody, DecisionAnswer decision, byte[] responseUtf8,
            long startedNanos, UUID runId) {
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - startedNanos);
        AuditRecord record = new AuditRecord(UUID.fromString(decision.decisionId()), decision.caseRef(), endpoint,
                decision.decidedAt(), decision.asOf(), decision.policy().version(), decision.policy().build(), micros,
                rulesFired(decision), oneLine(requestBody), AnswerText.ofUtf8(responseUtf8), runId);
        return store().append(record);
    }

    /** Waits until a submitted record is durable; throws {@link AuditUnavailableException} when it cannot be made so. */
    public void awaitDurable(CompletableFuture<Void> recorded) {
        try {
            recorded.get(commitTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw unavailable(e.getCause());
        } catch (TimeoutException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("Interrupted while recording the decision", e);
        }
    }

    private static List<String> rulesFired(DecisionAnswer decision) {
        return decision.reasons() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(decision.reasons().stream().map(Reason::rule).toList()));
    }

    public Optional<AuditRecord> find(UUID decisionId) {
        return store().find(decisionId);
    }

    public AuditStore.Page list(String caseRef, int page, int size) {
        return store().list(caseRef, page, size);
    }

    public long purgeDecidedBefore(OffsetDateTime cutoff, int batchSize) {
        return store().purgeDecidedBefore(cutoff, batchSize);
    }

    /**
     * Records that {@code user} read the audit, before what they read is answered: throws
     * {@link AuditUnavailableException} (503) when it cannot be recorded, so no read goes unlogged.
     */
    public AuditAccess recordAccess(String user, AuditAccess.Kind kind, String caseRef, UUID decisionId, int recordsServed) {
        AuditAccess access = new AuditAccess(UUID.randomUUID(), OffsetDateTime.now(java.time.ZoneOffset.UTC), user, kind,
                caseRef, decisionId, recordsServed);
        store().accessLog().record(access);
        return access;
    }

    public AuditAccess.Page accesses(AuditAccess.Filter filter, int page, int size) {
        return store().accessLog().list(filter, page, size);
    }

    public long purgeAccessedBefore(OffsetDateTime cutoff, int batchSize) {
        return store().accessLog().purgeAccessedBefore(cutoff, batchSize);
    }

    /** Each case's latest record decided in {@code [from, until)}, streamed; a record that does not decode to {@code unreadable}. */
    public void latestPerCaseDecidedBetween(OffsetDateTime from, OffsetDateTime until, java.util.function.Consumer<AuditRecord> each,
            java.util.function.Consumer<UnreadableAuditRecordException> unreadable) {
        store().latestPerCaseDecidedBetween(from, until, each, unreadable);
    }

    /**
     * The request was accepted as JSON, so a line break can only be whitespace between tokens (JSON
     * strings cannot hold a raw one): replacing it with a space keeps the content and makes one line.
     */
    static String oneLine(byte[] requestBody) {
        String text = new String(requestBody, java.nio.charset.StandardCharsets.UTF_8);
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = text.replace('\n', ' ').replace('\r', ' ');
        }
        return text.strip();
    }

    @PreDestroy
    synchronized void close() {
        if (store != null) {
            store.close();
        }
    }
}
