package org.rentrecovery.portfolio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Portfolio runs asked for over HTTP: the upload is kept in the run's folder under
 * {@code rentrecovery.portfolio.work-dir}, then decided in the background, one run at a time (a run
 * already uses every core). Progress is kept in memory; a finished run's summary and results stay on
 * disk, so they can still be fetched after a restart.
 */
@ApplicationScoped
public class PortfolioJobs {
    private static final Logger LOG = Logger.getLogger(PortfolioJobs.class);
    static final String INPUT = "input";

    private final PortfolioRunner runner;
    private final ObjectMapper mapper;
    private final Path workDir;
    private final int threads;
    private final int maxActive;
    private final Map<UUID, RunSummary> live = new ConcurrentHashMap<>();
    /** The run started last over HTTP, as last reported: what the progress gauges show. */
    private final java.util.concurrent.atomic.AtomicReference<RunSummary> latest = new java.util.concurrent.atomic.AtomicReference<>();
    private final MeterRegistry registry;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "portfolio-jobs");
        t.setDaemon(true);
        return t;
    });

    @Inject
    public PortfolioJobs(PortfolioRunner runner, ObjectMapper mapper,
            @ConfigProperty(name = "rentrecovery.portfolio.work-dir", defaultValue = "data/portfolio-runs") Path workDir,
            @ConfigProperty(name = "rentrecovery.portfolio.threads", defaultValue = "0") int threads,
            @ConfigProperty(name = "rentrecovery.portfolio.max-active-runs", defaultValue = "3") int maxActive,
            MeterRegistry registry) {
        this.maxActive = maxActive;
        this.runner = runner;
        this.registry = registry;
        this.mapper = mapper;
        this.workDir = workDir;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        registerProgressGauges();
    }

    /**
     * Progress of the latest run for the metrics (GET /q/metrics): runs queued or running, and the
     * latest run's cases read, decided, answered with a problem (bad lines, unrecorded decisions) and
     * left to other partitions, with the share of its input read (so done/total as a fraction, since
     * the number of cases is known only at the end).
     */
    private void registerProgressGauges() {
        Gauge.builder("rentrecovery.portfolio.runs.active", this, PortfolioJobs::activeRuns)
                .description("Portfolio runs queued or running").register(registry);
        progressGauge("read", RunSummary::casesRead);
        progressGauge("decided", RunSummary::decided);
        progressGauge("problems", RunSummary::problems);
        progressGauge("other_partitions", RunSummary::otherPartitions);
        Gauge.builder("rentrecovery.portfolio.run.fraction.read", latest,
                        run -> run.get() == null || run.get().fractionRead() == null ? 0 : run.get().fractionRead())
                .description("Share of the latest run's input read, 0 to 1").register(registry);
    }

    private void progressGauge(String count, java.util.function.ToLongFunction<RunSummary> value) {
        Gauge.builder("rentrecovery.portfolio.run.cases", latest, run -> run.get() == null ? 0 : value.applyAsLong(run.get()))
                .description("Cases of the latest portfolio run, by count").tag("count", count).register(registry);
    }

    /** Runs queued or running (a finished or failed run no longer counts). */
    public long activeRuns() {
        return live.values().stream().filter(r -> !isFinished(r)).count();
    }

    private static boolean isFinished(RunSummary run) {
        return RunSummary.DONE.equals(run.state()) || RunSummary.FAILED.equals(run.state());
    }

    private void report(UUID runId, RunSummary summary) {
        live.put(runId, summary);
        latest.set(summary);
    }

    /**
     * Keeps the upload, queues the run and answers its first summary (state QUEUED); refuses with
     * {@link RunQueueFullException} when {@code rentrecovery.portfolio.max-active-runs} runs are already
     * queued or running, so uploads cannot pile up on disk faster than runs finish.
     */
    public RunSummary start(InputStream body, CaseSource.Format format, Charset csvCharset, Partition partition,
            boolean decisions) {
        if (activeRuns() >= maxActive) {
            throw new RunQueueFullException(maxActive + " portfolio runs are already queued or running");
        }
        UUID runId = UUID.randomUUID();
        Path folder = folder(runId);
        Path input = folder.resolve(INPUT + (format == CaseSource.Format.CSV ? ".csv" : ".ndjson"));
        try {
            Files.createDirectories(folder);
            Files.copy(body, input, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be kept in " + folder, e);
        }
        RunSummary queued = new RunSummary(runId.toString(), RunSummary.QUEUED, "upload", partition.toString(),
                OffsetDateTime.now(ZoneOffset.UTC), null, null, 0, 0, 0, 0, 0, 0, null, null, null);
        report(runId, queued);
        background.submit(() -> execute(runId, queued.queuedAt(), input, format, csvCharset, partition, decisions));
        return queued;
    }

    private void execute(UUID runId, OffsetDateTime queuedAt, Path input, CaseSource.Format format, Charset csvCharset, Partition partition,
            boolean decisions) {
        try (PortfolioCommand.CountingInputStream counted = new PortfolioCommand.CountingInputStream(Files.newInputStream(input));
                CaseSource source = CaseSource.open(counted, format, csvCharset, mapper);
                RunDirectory out = new RunDirectory(folder(runId), decisions, mapper)) {
            var job = new PortfolioRunner.Job(runId, "upload", queuedAt, source, counted::count, Files.size(input), partition, threads);
            RunSummary finished = runner.run(job, out, summary -> report(runId, summary));
            live.remove(runId); // finished: its summary is on disk now
            registry.counter("rentrecovery.portfolio.runs", "state", finished.state()).increment();
        } catch (IOException | RuntimeException e) {
            LOG.errorf(org.rentrecovery.security.LogSafe.redacted(e), "Portfolio run %s failed", runId);
            RunSummary last = live.get(runId);
            registry.counter("rentrecovery.portfolio.runs", "state", RunSummary.FAILED).increment();
            RunSummary failed = new RunSummary(runId.toString(), RunSummary.FAILED, "upload", partition.toString(),
                    last.queuedAt(), last.startedAt(), OffsetDateTime.now(ZoneOffset.UTC), last.casesRead(), last.otherPartitions(),
                    last.decided(), last.problems(), last.seconds(), last.casesPerSecond(), last.fractionRead(), null,
                    e instanceof IllegalArgumentException ? e.getMessage() : "the run failed; see the service log");
            report(runId, failed);
            keepFailed(runId, failed);
        } finally {
            try {
                Files.deleteIfExists(input); // the results and the audit keep what matters; the upload may hold a whole portfolio
            } catch (IOException e) {
                LOG.warnf("Could not delete the upload %s: %s", input, e.getMessage());
            }
        }
    }

    /** A failed run's summary goes to its folder too, so it is still there after a restart and is aged like the rest. */
    private void keepFailed(UUID runId, RunSummary failed) {
        try {
            RunDirectory.writeSummary(folder(runId), failed, mapper);
            live.remove(runId);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("The summary of failed run %s could not be written; it is kept in memory: %s", runId, e.getMessage());
        }
    }

    /** The run's summary: live while it runs, from its folder once it has finished (also after a restart). */
    public Optional<RunSummary> find(UUID runId) {
        RunSummary current = live.get(runId);
        if (current != null) {
            return Optional.of(current);
        }
        Path summary = folder(runId).resolve(RunDirectory.SUMMARY);
        if (!Files.isRegularFile(summary)) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(summary.toFile(), RunSummary.class));
        } catch (IOException e) {
            throw new UncheckedIOException("The summary of run " + runId + " could not be read", e);
        }
    }

    /**
     * The latest runs, newest first: those queued, running or failed since the service started, and those whose
     * summary is in the work folder (finished ones, also from before a restart). Only the {@code limit} newest
     * summaries are read from disk, chosen by when they were written.
     */
    public List<RunSummary> recent(int limit) {
        Map<String, RunSummary> runs = new HashMap<>();
        live.values().forEach(run -> runs.put(run.runId(), run));
        for (Path summary : newestSummaries(limit)) {
            String runId = summary.getParent().getFileName().toString();
            if (!runs.containsKey(runId)) {
                try {
                    runs.put(runId, mapper.readValue(summary.toFile(), RunSummary.class));
                } catch (IOException e) {
                    // A summary being written, or moved away, as the folder is listed: the run is left out this time.
                    LOG.debugf("Summary of run %s not read: %s", runId, e.getMessage());
                }
            }
        }
        return runs.values().stream().sorted(Comparator.comparing(RunSummary::requestedAt, Comparator.nullsFirst(Comparator.<OffsetDateTime>naturalOrder())).reversed()).limit(limit).toList();
    }

    private List<Path> newestSummaries(int limit) {
        if (!Files.isDirectory(workDir)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(workDir)) {
            return folders.map(folder -> folder.resolve(RunDirectory.SUMMARY)).filter(Files::isRegularFile)
                    .map(summary -> Map.entry(summary, lastModified(summary)))
                    .sorted(Map.Entry.<Path, FileTime>comparingByValue().reversed()).limit(limit).map(Map.Entry::getKey).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("The portfolio runs' folder " + workDir + " could not be listed", e);
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Whether the run is queued or running in this process. */
    public boolean isActive(UUID runId) {
        RunSummary run = live.get(runId);
        return run != null && !isFinished(run);
    }

    /**
     * Deletes a run's folder (its summary, results, problems and decisions; the decisions stay in the audit) and
     * answers whether there was one.
     *
     * @throws RunActiveException while the run is queued or running
     */
    public boolean delete(UUID runId) {
        if (isActive(runId)) {
            throw new RunActiveException("Run " + runId + " is " + live.get(runId).state() + "; delete it once it has finished.");
        }
        Path folder = folder(runId);
        live.remove(runId);
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try {
            RunDirectory.delete(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("The folder of run " + runId + " could not be deleted", e);
        }
        return true;
    }

    /** One of the run's output files, once the run has finished. */
    public Path file(UUID runId, String name) {
        return folder(runId).resolve(name);
    }

    private Path folder(UUID runId) {
        return workDir.resolve(runId.toString());
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
