package org.rentrecovery.portfolio;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * The files a portfolio run writes into its output folder, each NDJSON in input order:
 * {@value #RESULTS} (one row per decided case), {@value #PROBLEMS} (one per bad line, with its line
 * number and reason), optionally {@value #DECISIONS} (each full answer, as next-action gives it),
 * and {@value #SUMMARY} (counts and speed, written last, so its presence means the run finished).
 */
public final class RunDirectory implements AutoCloseable {
    public static final String RESULTS = "results.ndjson";
    public static final String PROBLEMS = "problems.ndjson";
    public static final String DECISIONS = "decisions.ndjson";
    public static final String SUMMARY = "summary.json";

    private final Path folder;
    private final ObjectWriter rowWriter;
    private final ObjectWriter problemWriter;
    private final ObjectMapper mapper;
    private final OutputStream results;
    private final OutputStream problems;
    private final OutputStream decisions;

    RunDirectory(Path folder, boolean fullDecisions, ObjectMapper mapper) throws IOException {
        this.folder = folder;
        this.mapper = mapper;
        Files.createDirectories(folder);
        Files.deleteIfExists(folder.resolve(SUMMARY));
        this.rowWriter = mapper.writerFor(ResultRow.class);
        this.problemWriter = mapper.writerFor(LineProblem.class);
        this.results = open(RESULTS);
        this.problems = open(PROBLEMS);
        this.decisions = fullDecisions ? open(DECISIONS) : null;
        if (!fullDecisions) {
            Files.deleteIfExists(folder.resolve(DECISIONS));
        }
    }

    private OutputStream open(String name) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(folder.resolve(name)), 1 << 20);
    }

    /** Deletes a run's folder and everything in it; a file already gone is not an error. */
    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** When anything in the folder was last written: what an unfinished run's age is measured by. */
    static java.time.Instant lastWritten(Path folder) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            return paths.map(path -> {
                try {
                    return Files.getLastModifiedTime(path).toInstant();
                } catch (IOException e) {
                    return java.time.Instant.MAX; // going as we look: being written, so not old
                }
            }).max(java.util.Comparator.naturalOrder()).orElse(java.time.Instant.MAX);
        }
    }

    /** @param answerJson the decision's answer, UTF-8 JSON */
    void decided(ResultRow row, byte[] answerJson) throws IOException {
        results.write(rowWriter.writeValueAsBytes(row));
        results.write('\n');
        if (decisions != null) {
            decisions.write(answerJson);
            decisions.write('\n');
        }
    }

    void problem(LineProblem problem) throws IOException {
        problems.write(problemWriter.writeValueAsBytes(problem));
        problems.write('\n');
    }

    /** Flushes the results and writes the summary through a temporary file, so it appears whole or not at all. */
    void finish(RunSummary summary) throws IOException {
        flush();
        writeSummary(folder, summary, mapper);
    }

    /** Writes a summary through a temporary file: also for a run that failed before it could finish its folder. */
    static void writeSummary(Path folder, RunSummary summary, ObjectMapper mapper) throws IOException {
        Path temporary = folder.resolve(SUMMARY + ".tmp");
        mapper.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), summary);
        Files.move(temporary, folder.resolve(SUMMARY), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    void flush() throws IOException {
        results.flush();
        problems.flush();
        if (decisions != null) {
            decisions.flush();
        }
    }

    @Override
    public void close() throws IOException {
        try (results; problems) {
            if (decisions != null) {
                decisions.close();
            }
        }
    }
}
