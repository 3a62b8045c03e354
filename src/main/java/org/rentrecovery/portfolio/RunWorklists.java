package org.rentrecovery.portfolio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import org.rentrecovery.engine.ModelSet;
import org.rentrecovery.engine.PolicyModels;
import org.rentrecovery.routing.Team;
import org.rentrecovery.worklist.WorklistPriority;
import org.rentrecovery.worklist.WorklistRow;
import org.rentrecovery.worklist.Worklists;

/**
 * Worklists over a finished portfolio run under {@code rentrecovery.portfolio.work-dir}: by default the run whose
 * summary says DONE and finished last, or the run named; every partition of it that has finished (partitions share
 * the run id). A
 * ranked list is kept for the last few (run, team, officer, date, policy) asked for, so paging through one does
 * not score the run again.
 */
@ApplicationScoped
public class RunWorklists {
    private static final int KEPT = 8;

    private final Path workDir;
    private final ObjectMapper mapper;
    private final ObjectReader rows;
    private final WorklistPriority priority;
    private final PolicyModels policies;
    private final Map<String, List<WorklistRow>> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<WorklistRow>> eldest) {
            return size() > KEPT;
        }
    };

    @Inject
    public RunWorklists(@ConfigProperty(name = "rentrecovery.portfolio.work-dir", defaultValue = "data/portfolio-runs") Path workDir,
            ObjectMapper mapper, WorklistPriority priority, PolicyModels policies) {
        this.workDir = workDir;
        this.mapper = mapper;
        this.rows = mapper.readerFor(ResultRow.class);
        this.priority = priority;
        this.policies = policies;
    }

    /** A finished run: its id, when it finished and the result files of its finished partitions. */
    public record FinishedRun(String runId, OffsetDateTime finishedAt, List<Path> results, List<String> partitionsMissing) {
    }

    /** A team's (or officer's) ranked worklist from the latest finished run. */
    public record Ranked(String runId, List<WorklistRow> rows, List<String> partitionsMissing) {
    }

    /** The latest finished run, if any has finished. */
    public Optional<FinishedRun> latest() {
        List<Map.Entry<RunSummary, Path>> done = finishedPartitions();
        return done.stream().max(Comparator.comparing(e -> e.getKey().finishedAt()))
                .map(last -> finishedRun(last.getKey().runId(), done));
    }

    /** The named run, if at least one partition of it has finished: a team may work from a run other than the latest. */
    public Optional<FinishedRun> finished(String runId) {
        List<Map.Entry<RunSummary, Path>> done = finishedPartitions();
        return done.stream().anyMatch(e -> e.getKey().runId().equals(runId)) ? Optional.of(finishedRun(runId, done))
                : Optional.empty();
    }

    private static FinishedRun finishedRun(String runId, List<Map.Entry<RunSummary, Path>> done) {
        List<Map.Entry<RunSummary, Path>> parts = done.stream().filter(e -> e.getKey().runId().equals(runId)).toList();
        OffsetDateTime finishedAt = parts.stream().map(e -> e.getKey().finishedAt()).max(Comparator.naturalOrder()).orElseThrow();
        List<Path> partitions = parts.stream().map(Map.Entry::getValue).sorted().toList();
        return new FinishedRun(runId, finishedAt, partitions, missing(parts.stream().map(e -> e.getKey().partition()).toList()));
    }

    /** Every partition under the work folder whose summary says DONE, with its results file. */
    private List<Map.Entry<RunSummary, Path>> finishedPartitions() {
        if (!Files.isDirectory(workDir)) {
            return List.of();
        }
        List<Map.Entry<RunSummary, Path>> done = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(workDir, Files::isDirectory)) {
            for (Path folder : folders) {
                Path summary = folder.resolve(RunDirectory.SUMMARY);
                if (!Files.isRegularFile(summary) || !Files.isRegularFile(folder.resolve(RunDirectory.RESULTS))) {
                    continue;
                }
                RunSummary s = mapper.readValue(summary.toFile(), RunSummary.class);
                if (RunSummary.DONE.equals(s.state()) && s.finishedAt() != null) {
                    done.add(Map.entry(s, folder.resolve(RunDirectory.RESULTS)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The portfolio runs under " + workDir + " could not be read", e);
        }
        return done;
    }

    /**
     * The partitions (i/n) of a run that have not finished, from those that have: a run split over n processes is whole
     * only when all n have. A partition written otherwise than i/n counts as the whole run. The first ten are named, then
     * how many more: a run split a thousand ways is not listed a thousand times on every page.
     */
    static final int MISSING_NAMED = 10;

    static List<String> missing(List<String> finished) {
        Set<Integer> found = new HashSet<>();
        int count = 1;
        for (String text : finished) {
            try {
                Partition partition = text == null ? Partition.WHOLE : Partition.parse(text);
                count = Math.max(count, partition.count());
                found.add(partition.index());
            } catch (IllegalArgumentException e) {
                return List.of();
            }
        }
        List<String> missing = new ArrayList<>();
        int notFinished = count - found.size();
        for (int index = 0; index < count && missing.size() < MISSING_NAMED; index++) {
            if (!found.contains(index)) {
                missing.add(new Partition(index, count).toString());
            }
        }
        if (notFinished > missing.size()) {
            missing.add("and " + (notFinished - missing.size()) + " more of " + count);
        }
        return List.copyOf(missing);
    }

    /**
     * The ranked worklist of a team (of one officer in it, when named) on a date, from the named run or, when none is
     * named, the latest; empty when that run, or any run, has not finished.
     */
    public Optional<Ranked> ranked(String runId, Team team, String officer, LocalDate on) {
        Optional<FinishedRun> run = runId == null ? latest() : finished(runId);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        ModelSet policy = policies.forDate(on);
        // The partitions read are part of the key: one copied in later may have finished before the latest did.
        String key = run.get().runId() + "|" + run.get().finishedAt() + "|" + run.get().results() + "|" + team + "|" + officer
                + "|" + on + "|" + policy.versionId();
        synchronized (recent) {
            List<WorklistRow> kept = recent.get(key);
            if (kept != null) {
                return Optional.of(new Ranked(run.get().runId(), kept, run.get().partitionsMissing()));
            }
        }
        List<WorklistRow> ranked = List.copyOf(rank(run.get(), team, officer, on, policy));
        synchronized (recent) {
            recent.put(key, ranked);
        }
        return Optional.of(new Ranked(run.get().runId(), ranked, run.get().partitionsMissing()));
    }

    private List<WorklistRow> rank(FinishedRun run, Team team, String officer, LocalDate on, ModelSet policy) {
        List<MappingIterator<ResultRow>> opened = new ArrayList<>();
        try {
            for (Path results : run.results()) {
                opened.add(rows.readValues(results.toFile()));
            }
            Iterator<org.rentrecovery.worklist.WorklistEntry> entries = new Iterator<>() {
                int i;

                @Override
                public boolean hasNext() {
                    while (i < opened.size() && !opened.get(i).hasNext()) {
                        i++;
                    }
                    return i < opened.size();
                }

                @Override
                public org.rentrecovery.worklist.WorklistEntry next() {
                    hasNext();
                    return opened.get(i).next().toWorklistEntry();
                }
            };
            return Worklists.rank(entries, team, officer, on, priority, policy);
        } catch (IOException e) {
            throw new UncheckedIOException("The results of run " + run.runId() + " could not be read", e);
        } finally {
            for (MappingIterator<ResultRow> it : opened) {
                try {
                    it.close();
                } catch (IOException ignored) {
                    // closing a file we only read: nothing is lost
                }
            }
        }
    }
}
