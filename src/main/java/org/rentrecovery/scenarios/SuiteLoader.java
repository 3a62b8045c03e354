package org.rentrecovery.scenarios;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.rentrecovery.engine.PolicyModels;
import org.rentrecovery.scenarios.ScenarioFileException.BadFile;

/**
 * Reads scenario suites: YAML files ({@code suite}, {@code defaults}, {@code scenarios}) and CSV
 * files (one scenario a row; {@code given.*} and {@code expect.*} columns) with an optional
 * {@code <name>.defaults.yaml} beside them. Every {@code given} path is checked against the
 * CaseFacts contract and every {@code expect} path against the response, so a typo is a bad file
 * naming its line, never a scenario that silently checks nothing. See test-scenarios/README.md.
 * The formats are read by {@link YamlSuiteReader} and {@link CsvSuiteReader}, their {@code given} written by
 * {@link GivenWriter} and their {@code expect} checked by {@link ExpectationReader}.
 */
public final class SuiteLoader {
    static final String DEFAULTS_SUFFIX = ".defaults.yaml";
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final YamlSuiteReader yaml;
    private final CsvSuiteReader csv;

    /** Expected names checked against the code and the packaged policy's vocabulary.dmn. */
    public SuiteLoader(ScenarioTargets targets) {
        this(targets, packagedVocabulary());
    }

    /** @param vocabulary the names expected values may take (the policy versions under test), asked on each load */
    public SuiteLoader(ScenarioTargets targets, Supplier<ValueVocabulary> vocabulary) {
        ObjectMapper introspection = new ObjectMapper().registerModule(new JavaTimeModule());
        GivenWriter given = new GivenWriter(new ContractPaths(introspection, true));
        ExpectationReader expect = new ExpectationReader(new ContractPaths(introspection, false), targets, vocabulary);
        this.yaml = new YamlSuiteReader(targets, given, expect);
        this.csv = new CsvSuiteReader(yaml.yaml(), targets, given, expect);
    }

    private static Supplier<ValueVocabulary> packagedVocabulary() {
        ValueVocabulary[] once = new ValueVocabulary[1];
        return () -> {
            synchronized (once) {
                if (once[0] == null) {
                    once[0] = ValueVocabulary.of(List.of(PolicyModels.classpathSeed("dev")));
                }
                return once[0];
            }
        };
    }

    /** What a load found: the suites that can run and the files that cannot, with why. */
    public record Loaded(List<Suite> suites, List<BadFile> badFiles) {
        public int scenarioCount() {
            return suites.stream().mapToInt(s -> s.scenarios().size()).sum();
        }
    }

    /** Every suite under a folder (or one file), in path order. */
    public Loaded load(Path location) {
        List<Path> files;
        if (Files.isRegularFile(location) && location.toString().endsWith(DEFAULTS_SUFFIX)) {
            String name = location.toString();
            Path csvFile = Path.of(name.substring(0, name.length() - DEFAULTS_SUFFIX.length()) + ".csv");
            return new Loaded(List.of(), List.of(new BadFile(name, 0, Files.isRegularFile(csvFile)
                    ? "holds only the defaults of " + csvFile.getFileName() + ", so no scenario ran: run " + csvFile
                            + " (it applies these defaults) or its folder"
                    : "is a defaults file, but there is no " + csvFile.getFileName() + " beside it to apply to, so no scenario ran")));
        } else if (Files.isRegularFile(location)) {
            files = List.of(location);
        } else if (Files.isDirectory(location)) {
            try (Stream<Path> walk = Files.walk(location)) {
                files = walk.filter(Files::isRegularFile).filter(SuiteLoader::isSuiteFile).sorted().toList();
            } catch (IOException e) {
                return new Loaded(List.of(), List.of(new BadFile(location.toString(), 0, "cannot be read: " + e.getMessage())));
            }
        } else {
            return new Loaded(List.of(), List.of(new BadFile(location.toString(), 0, "no such file or folder")));
        }
        List<Suite> suites = new ArrayList<>();
        List<BadFile> bad = new ArrayList<>();
        for (Path file : files) {
            try {
                suites.add(loadFile(file));
            } catch (ScenarioFileException e) {
                bad.addAll(e.problems());
            }
        }
        return new Loaded(suites, bad);
    }

    static boolean isSuiteFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".csv");
    }

    Suite loadFile(Path file) {
        String name = file.toString();
        String text = read(file);
        if (name.endsWith(DEFAULTS_SUFFIX)) {
            Path csvFile = Path.of(name.substring(0, name.length() - DEFAULTS_SUFFIX.length()) + ".csv");
            if (!Files.isRegularFile(csvFile)) {
                throw new ScenarioFileException(name, 1, "is a defaults file, but there is no " + csvFile.getFileName()
                        + " beside it to apply to");
            }
            yaml.parse(name, text, true); // checked here; applied with its CSV file
            return new Suite(name, "defaults for " + csvFile.getFileName(), null, List.of());
        }
        if (name.endsWith(".csv")) {
            Path defaults = Path.of(name.substring(0, name.length() - 4) + DEFAULTS_SUFFIX);
            Suite header = Files.isRegularFile(defaults) ? yaml.parse(defaults.toString(), read(defaults), true) : null;
            return csv.parse(name, text, header);
        }
        return yaml.parse(name, text, false);
    }

    /** A suite sent in a request body: YAML, or CSV with its defaults as YAML text (may be null). */
    public Suite loadText(String fileName, String text, String defaultsText) {
        if (fileName.endsWith(".csv")) {
            Suite header = defaultsText == null || defaultsText.isBlank() ? null
                    : yaml.parse(fileName.substring(0, fileName.length() - 4) + DEFAULTS_SUFFIX, defaultsText, true);
            return csv.parse(fileName, text, header);
        }
        if (fileName.endsWith(".yaml") || fileName.endsWith(".yml")) {
            return yaml.parse(fileName, text, false);
        }
        throw new ScenarioFileException(fileName, 0, "a suite file name ends in .yaml, .yml or .csv");
    }

    private static String read(Path file) {
        try {
            return withoutByteOrderMark(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ScenarioFileException(file.toString(), 0, "cannot be read as UTF-8 text: " + e.getMessage());
        }
    }

    /** Excel's "CSV UTF-8" (and some editors) start a file with a byte-order mark: not part of the text. */
    static String withoutByteOrderMark(String text) {
        return text != null && !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }
}
