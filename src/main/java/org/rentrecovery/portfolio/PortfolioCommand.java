package org.rentrecovery.portfolio;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rentrecovery.cli.Command;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code portfolio run CASES --out DIR [--partition i/n] [--run-id UUID] [--threads N] [--decisions]}:
 * decides every case in CASES (NDJSON, or CSV when the name ends in .csv) and writes the results
 * into DIR, with progress (cases/s, ETA) on stderr. Exits 0 when the whole input was read (bad
 * lines are counted in problems.ndjson, not fatal), 1 when reading broke off, 2 for a usage error.
 */
@ApplicationScoped
public class PortfolioCommand implements Command {
    static final String USAGE = "portfolio run CASES.ndjson|CASES.csv --out DIR [--partition i/n] [--run-id UUID] "
            + "[--threads N] [--decisions]";

    private final PortfolioRunner runner;
    private final ObjectMapper mapper;

    @Inject
    public PortfolioCommand(PortfolioRunner runner, ObjectMapper mapper) {
        this.runner = runner;
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return "portfolio";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() < 3 || !args.get(1).equals("run")) {
            err.println("usage: " + USAGE);
            return 2;
        }
        Options options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "; usage: " + USAGE);
            return 2;
        }
        return run(options.input(), options.outDir(), options.partition(), options.runId(), options.threads(),
                options.decisions(), out, err);
    }

    /** What the command line asks for: the cases file, where the results go, and how to run. */
    private record Options(Path input, Path outDir, Partition partition, UUID runId, int threads, boolean decisions) {
    }

    /** The arguments after {@code run}; an IllegalArgumentException says what is wrong with them. */
    private Options options(List<String> args) {
        Path input = null;
        Path outDir = null;
        Partition partition = Partition.WHOLE;
        UUID runId = UUID.randomUUID();
        int threads = Runtime.getRuntime().availableProcessors();
        boolean decisions = false;
        for (int i = 2; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--decisions" -> decisions = true;
                case "--out", "--partition", "--run-id", "--threads" -> {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    String value = args.get(++i);
                    switch (arg) {
                        case "--out" -> outDir = Path.of(value);
                        case "--partition" -> partition = Partition.parse(value);
                        case "--run-id" -> runId = runIdOf(value);
                        default -> threads = threadsOf(value);
                    }
                }
                default -> {
                    if (arg.startsWith("--") || input != null) {
                        throw new IllegalArgumentException("unexpected argument " + arg);
                    }
                    input = Path.of(arg);
                }
            }
        }
        if (input == null || outDir == null) {
            throw new IllegalArgumentException(input == null ? "name the cases file" : "--out DIR is required");
        }
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("no such file: " + input);
        }
        return new Options(input, outDir, partition, runId, threads, decisions);
    }

    private int run(Path input, Path outDir, Partition partition, UUID runId, int threads, boolean decisions, PrintStream out,
            PrintStream err) {
        boolean terminal = System.console() != null;
        try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(input));
                CaseSource source = CaseSource.open(counted, CaseSource.Format.of(input.getFileName().toString()), mapper);
                RunDirectory folder = new RunDirectory(outDir, decisions, mapper)) {
            err.println("Portfolio run " + runId + ": " + input + " (partition " + partition + ", " + threads + " threads) into "
                    + outDir);
            var job = new PortfolioRunner.Job(runId, input.toString(), null, source, counted::count, Files.size(input), partition,
                    threads);
            RunSummary summary = runner.run(job, folder, progress -> {
                if (RunSummary.RUNNING.equals(progress.state())) {
                    err.print(progress.progressLine() + (terminal ? "\r" : "\n"));
                }
            });
            if (terminal) {
                err.println();
            }
            out.println(summary.state() + ": " + summary.progressLine().replaceFirst("^ *[0-9.]+% ", "") + " in "
                    + summary.seconds() + " s; " + summary.otherPartitions() + " left to other partitions");
            out.println("Results: " + outDir.resolve(RunDirectory.RESULTS) + ", problems: " + outDir.resolve(RunDirectory.PROBLEMS)
                    + ", summary: " + outDir.resolve(RunDirectory.SUMMARY));
            if (summary.failure() != null) {
                out.println("Stopped early: " + summary.failure());
            }
            return RunSummary.DONE.equals(summary.state()) ? 0 : 1;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("The run could not read " + input + " or write into " + outDir + ": " + e.getMessage());
            return 1;
        }
    }

    private static UUID runIdOf(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--run-id takes a UUID, e.g. " + UUID.randomUUID());
        }
    }

    private static int threadsOf(String value) {
        try {
            int threads = Integer.parseInt(value);
            if (threads >= 1 && threads <= 256) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--threads takes a whole number from 1 to 256");
    }

    /** Counts the bytes read, for the share of the input done and the time left. */
    static final class CountingInputStream extends FilterInputStream {
        private volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
