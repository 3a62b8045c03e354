package org.rentrecovery.scenarios;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rentrecovery.scenarios.ScenarioFileException.BadFile;

/**
 * {@code scenarios run <folder or file>... [--name TEXT]... [--tag TAG]... [--report-dir DIR] [--min-coverage PERCENT]}: runs the
 * suites, prints a summary and every failure explained, writes the JSON, JUnit XML and HTML reports,
 * and answers 0 when everything passed (and coverage reached the minimum), 1 when not, 2 for a usage error.
 */
@ApplicationScoped
public class ScenarioCommand {
    public static final String DEFAULT_REPORT_DIR = "target/scenario-report";
    static final String USAGE = "usage: scenarios run <folder or file>... [--name TEXT]... [--tag TAG]... [--report-dir DIR]"
            + " [--min-coverage PERCENT]";

    private final ScenarioRunner runner;

    @Inject
    public ScenarioCommand(ScenarioRunner runner) {
        this.runner = runner;
    }

    public static boolean isCommand(String... args) {
        return args.length > 0 && args[0].equals("scenarios");
    }

    public int run(List<String> args, PrintStream out) {
        if (args.size() < 2 || !args.get(0).equals("scenarios") || !args.get(1).equals("run")) {
            out.println(USAGE);
            return 2;
        }
        Options options = options(args, out);
        if (options == null) {
            return 2;
        }
        List<Path> locations = options.locations().isEmpty() ? List.of(runner.directory()) : options.locations();
        Path reportDir = options.reportDir();
        List<Suite> suites = new ArrayList<>();
        List<BadFile> bad = new ArrayList<>();
        for (Path location : locations) {
            SuiteLoader.Loaded loaded = runner.engine().loader().load(location);
            suites.addAll(loaded.suites());
            bad.addAll(loaded.badFiles());
        }
        ScenarioReport report = runner.engine().run(new SuiteLoader.Loaded(suites, bad), new ScenarioSelection(options.names(), options.tags()));
        out.print(report.summaryText());
        try {
            ReportWriter.writeAll(report, runner.engine().json(), reportDir);
            out.println("Reports: " + reportDir.resolve(ReportWriter.HTML) + ", " + reportDir.resolve(ReportWriter.JUNIT)
                    + ", " + reportDir.resolve(ReportWriter.JSON));
        } catch (IOException e) {
            out.println("The reports could not be written to " + reportDir + ": " + e.getMessage());
            return 1;
        }
        if (report.coverage().percent() < options.minCoverage()) {
            out.println("Rule coverage " + report.coverage().percent() + "% is below the minimum of " + options.minCoverage() + "%");
            return 1;
        }
        return report.summary().success() ? 0 : 1;
    }

    /** The options after {@code scenarios run}; no locations means the default folder. */
    private record Options(List<Path> locations, Path reportDir, double minCoverage, List<String> names, List<String> tags) {
    }

    /** Reads the options; null when one is wrong, after saying why with the usage. */
    private static Options options(List<String> args, PrintStream out) {
        List<Path> locations = new ArrayList<>();
        Path reportDir = Path.of(DEFAULT_REPORT_DIR);
        double minCoverage = 0;
        List<String> names = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (int i = 2; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--report-dir") || arg.equals("--min-coverage") || arg.equals("--name") || arg.equals("--tag")) {
                if (i + 1 >= args.size()) {
                    out.println(arg + " needs a value; " + USAGE);
                    return null;
                }
                String value = args.get(++i);
                if (arg.equals("--name")) {
                    names.add(value);
                } else if (arg.equals("--tag")) {
                    tags.add(value);
                } else if (arg.equals("--report-dir")) {
                    reportDir = Path.of(value);
                } else {
                    try {
                        minCoverage = Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        out.println("--min-coverage takes a percentage, e.g. 100; " + USAGE);
                        return null;
                    }
                }
            } else if (arg.startsWith("--")) {
                out.println("unknown option " + arg + "; " + USAGE);
                return null;
            } else {
                locations.add(Path.of(arg));
            }
        }
        return new Options(locations, reportDir, minCoverage, names, tags);
    }
}
