package org.rentrecovery.portfolio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Run folders are working copies: every decision of a run is in the audit, for the audit's own retention. A nightly
 * run over every account would otherwise fill the disk, and its rows name tenants' accounts, so a run's folder is
 * deleted {@code rentrecovery.portfolio.retention-days} after it finished (a folder left unfinished, by a restart or
 * a stopped command, after that long untouched). Never deleted: a run queued or running, and the latest finished
 * run, which the worklists are built from however old it is.
 */
@ApplicationScoped
public class PortfolioRetention {
    private static final Logger LOG = Logger.getLogger(PortfolioRetention.class);

    private final Path workDir;
    private final ObjectMapper mapper;
    private final int retentionDays;
    private final Predicate<String> active;
    private final Supplier<Optional<String>> latestFinished;

    @Inject
    public PortfolioRetention(@ConfigProperty(name = "rentrecovery.portfolio.work-dir", defaultValue = "data/portfolio-runs") Path workDir,
            @ConfigProperty(name = "rentrecovery.portfolio.retention-days", defaultValue = "35") int retentionDays,
            ObjectMapper mapper, PortfolioJobs jobs, RunWorklists worklists) {
        this(workDir, mapper, retentionDays, runId -> isActive(jobs, runId),
                () -> worklists.latest().map(RunWorklists.FinishedRun::runId));
    }

    PortfolioRetention(Path workDir, ObjectMapper mapper, int retentionDays, Predicate<String> active,
            Supplier<Optional<String>> latestFinished) {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("rentrecovery.portfolio.retention-days must be at least 1, was " + retentionDays);
        }
        this.workDir = workDir;
        this.mapper = mapper;
        this.retentionDays = retentionDays;
        this.active = active;
        this.latestFinished = latestFinished;
    }

    private static boolean isActive(PortfolioJobs jobs, String runId) {
        try {
            return jobs.isActive(java.util.UUID.fromString(runId));
        } catch (IllegalArgumentException e) {
            return false; // a folder named otherwise (a command-line run's --out) is never one the service runs
        }
    }

    @Scheduled(every = "{rentrecovery.portfolio.purge-every}", delayed = "{rentrecovery.portfolio.purge-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        try {
            purgeExpired(OffsetDateTime.now(ZoneOffset.UTC));
        } catch (RuntimeException e) {
            LOG.warnf("Portfolio run retention skipped, will retry at the next run: %s", e.getMessage());
        }
    }

    /** Deletes every run folder expired on {@code now}; answers how many. */
    public int purgeExpired(OffsetDateTime now) {
        List<Path> expired = expired(now.minusDays(retentionDays).toInstant());
        int deleted = 0;
        for (Path folder : expired) {
            try {
                RunDirectory.delete(folder);
                deleted++;
            } catch (IOException e) {
                LOG.warnf("Portfolio run retention: a folder could not be deleted (%s); retried at the next run", e.getMessage());
            }
        }
        if (deleted > 0) {
            LOG.infof("Portfolio run retention: deleted %d run folders finished, or last written, more than %d days ago",
                    deleted, retentionDays);
        }
        return deleted;
    }

    /** The run folders finished before the cutoff, or unfinished and untouched since, that are neither active nor the latest. */
    List<Path> expired(Instant cutoff) {
        if (!Files.isDirectory(workDir)) {
            return List.of();
        }
        String latest = latestFinished.get().orElse(null);
        List<Path> expired = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(workDir, Files::isDirectory)) {
            for (Path folder : folders) {
                Run run = read(folder);
                if (!active.test(run.runId()) && !run.runId().equals(latest) && run.endedAt().isBefore(cutoff)) {
                    expired.add(folder);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The portfolio runs under " + workDir + " could not be read", e);
        }
        return expired;
    }

    /** A folder's run id and when it ended: its summary's, else the folder's name and when it was last written. */
    private record Run(String runId, Instant endedAt) {
    }

    private Run read(Path folder) throws IOException {
        Path summary = folder.resolve(RunDirectory.SUMMARY);
        if (Files.isRegularFile(summary)) {
            try {
                RunSummary read = mapper.readValue(summary.toFile(), RunSummary.class);
                if (read.runId() != null && read.finishedAt() != null) {
                    return new Run(read.runId(), read.finishedAt().toInstant());
                }
            } catch (IOException e) {
                // a summary that cannot be read: the folder is aged by its files, like an unfinished run
                LOG.debugf("Run summary not read: %s", e.getMessage());
            }
        }
        return new Run(folder.getFileName().toString(), RunDirectory.lastWritten(folder));
    }
}
