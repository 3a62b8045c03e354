package org.rentrecovery.portfolio;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/**
 * Decides every case of a portfolio: reads the input in chunks, decides the chunks on a few
 * threads, and writes each chunk's results in input order once every decision in it is recorded
 * (records carry the run's id, and the audit writes them in shared batches). Memory stays flat:
 * only a few chunks are in flight, whatever the size of the input. A bad line is reported with its
 * number and reason and counted; it never stops the run.
 */
@ApplicationScoped
public class PortfolioRunner {
    private static final Logger LOG = Logger.getLogger(PortfolioRunner.class);
    static final String ENDPOINT = "portfolio-run";
    static final int CHUNK = 256;
    /** How often progress is reported. */
    static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    private final CaseLineDecider decider;
    private final org.rentrecovery.decision.DecisionMeters meters;

    @Inject
    public PortfolioRunner(CaseLineDecider decider, org.rentrecovery.decision.DecisionMeters meters) {
        this.decider = decider;
        this.meters = meters;
    }

    /** What to run over and how. */
    public record Job(UUID runId, String inputName, OffsetDateTime queuedAt, CaseSource source, LongSupplier bytesRead,
            long totalBytes, Partition partition, int threads) {
    }

    /** Runs the job to its end, reporting progress about once a second; answers the final summary (DONE or FAILED). */
    RunSummary run(Job job, RunDirectory out, Consumer<RunSummary> progress) throws IOException {
        Counters counters = new Counters(job, OffsetDateTime.now(ZoneOffset.UTC), System.nanoTime());
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(job.threads(), r -> {
            Thread t = new Thread(r, "portfolio-run-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        String failure;
        try {
            Pass pass = new Pass(job, out, progress, counters, pool);
            failure = pass.readAndDecide();
            pass.finish();
        } finally {
            pool.shutdownNow();
        }
        RunSummary summary = counters.summary(failure == null ? RunSummary.DONE : RunSummary.FAILED,
                OffsetDateTime.now(ZoneOffset.UTC), failure);
        out.finish(summary);
        progress.accept(summary);
        return summary;
    }

    /**
     * One pass over the input: chunks of cases decided on the pool while the next are read, at most two per thread in
     * flight, their results written in input order.
     */
    private final class Pass {
        private final Job job;
        private final RunDirectory out;
        private final Consumer<RunSummary> progress;
        private final Counters counters;
        private final ExecutorService pool;
        private final ArrayDeque<Future<List<CaseLineDecider.Outcome>>> inFlight = new ArrayDeque<>();
        private long lastReport = System.nanoTime();

        Pass(Job job, RunDirectory out, Consumer<RunSummary> progress, Counters counters, ExecutorService pool) {
            this.job = job;
            this.out = out;
            this.progress = progress;
            this.counters = counters;
            this.pool = pool;
        }

        /** Reads every case, deciding them chunk by chunk; null at the end of the input, else why reading stopped. */
        String readAndDecide() throws IOException {
            List<CaseSource.InputCase> chunk = new ArrayList<>(CHUNK);
            while (true) {
                CaseSource.InputCase input;
                try {
                    input = job.source().next();
                } catch (IOException | RuntimeException e) {
                    // The input itself broke (unreadable bytes, a CSV quote never closed): what was read is
                    // decided, and the run says where reading stopped.
                    LOG.warnf("Portfolio run %s: reading stopped after %d cases: %s", job.runId(), counters.casesRead,
                            org.rentrecovery.security.LogSafe.describe(e));
                    submit(chunk);
                    return "reading stopped after " + counters.casesRead + " cases: " + e.getMessage();
                }
                if (input == null) {
                    submit(chunk);
                    return null;
                }
                counters.casesRead++;
                if (!job.partition().holds(input.caseRef(), input.line())) {
                    counters.otherPartitions++;
                    continue;
                }
                chunk.add(input);
                if (chunk.size() == CHUNK) {
                    submit(chunk);
                    chunk = new ArrayList<>(CHUNK);
                    while (inFlight.size() > 2 * job.threads()) {
                        write(inFlight.poll(), out, counters);
                    }
                }
                reportWhenDue();
            }
        }

        private void submit(List<CaseSource.InputCase> chunk) {
            if (!chunk.isEmpty()) {
                inFlight.add(pool.submit(() -> decide(chunk, job.runId())));
            }
        }

        /** Writes every chunk still in flight, in order. */
        void finish() throws IOException {
            while (!inFlight.isEmpty()) {
                write(inFlight.poll(), out, counters);
                reportWhenDue();
            }
        }

        private void reportWhenDue() {
            if (System.nanoTime() - lastReport > PROGRESS_EVERY_NANOS) {
                lastReport = System.nanoTime();
                progress.accept(counters.summary(RunSummary.RUNNING, null, null));
            }
        }
    }

    private List<CaseLineDecider.Outcome> decide(List<CaseSource.InputCase> chunk, UUID runId) {
        List<CaseLineDecider.Outcome> outcomes = new ArrayList<>(chunk.size());
        for (CaseSource.InputCase input : chunk) {
            outcomes.add(input.problem() != null
                    ? new CaseLineDecider.Outcome(input.line(), null, null, null, input.problem())
                    : decider.decide(input.line(), input.json(), ENDPOINT, runId));
        }
        return outcomes;
    }

    private void write(Future<List<CaseLineDecider.Outcome>> decided, RunDirectory out, Counters counters)
            throws IOException {
        List<CaseLineDecider.Outcome> outcomes;
        try {
            outcomes = decided.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("The run was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A chunk of the run could not be decided", e.getCause());
        }
        for (CaseLineDecider.Outcome outcome : outcomes) {
            CaseLineDecider.Outcome released = decider.awaitRecorded(outcome);
            if (released.decided()) {
                out.decided(ResultRow.of(released.line(), released.facts(), released.decision()), released.answerJson());
                counters.decided++;
                meters.count(org.rentrecovery.decision.DecisionMeters.PORTFOLIO_RUN, released.decision());
            } else {
                out.problem(released.problem());
                counters.problems++;
            }
        }
    }

    /** Counts kept by the reading thread; read for progress by the same thread. */
    private static final class Counters {
        final Job job;
        final OffsetDateTime startedAt;
        final long startedNanos;
        long casesRead;
        long otherPartitions;
        long decided;
        long problems;

        Counters(Job job, OffsetDateTime startedAt, long startedNanos) {
            this.job = job;
            this.startedAt = startedAt;
            this.startedNanos = startedNanos;
        }

        RunSummary summary(String state, OffsetDateTime finishedAt, String failure) {
            double seconds = (System.nanoTime() - startedNanos) / 1e9;
            long answered = decided + problems;
            double rate = seconds > 0 ? answered / seconds : 0;
            Double fraction = null;
            Long secondsLeft = null;
            if (job.totalBytes() > 0) {
                fraction = Math.min(1.0, (double) job.bytesRead().getAsLong() / job.totalBytes());
                if (finishedAt == null && fraction > 0) {
                    secondsLeft = Math.round(seconds * (1 - fraction) / fraction);
                }
            }
            return new RunSummary(job.runId().toString(), state, job.inputName(), job.partition().toString(),
                    job.queuedAt(), startedAt, finishedAt, casesRead, otherPartitions, decided, problems, Math.round(seconds * 10) / 10.0,
                    Math.round(rate), fraction == null ? null : Math.round(fraction * 1000) / 1000.0, secondsLeft, failure);
        }
    }
}
