package org.rentrecovery.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.rentrecovery.engine.ModelSet;
import org.rentrecovery.engine.PolicyModels;
import org.rentrecovery.engine.TimelineEntry;
import org.rentrecovery.scenarios.ScenarioFileException;
import org.rentrecovery.scenarios.ScenarioFileException.BadFile;
import org.rentrecovery.scenarios.ScenarioRunner;
import org.rentrecovery.scenarios.Suite;
import org.rentrecovery.scenarios.SuiteLoader;
import org.rentrecovery.scenarios.ValueVocabulary;

/**
 * The scenario suites as a version sees them: the stored suites folder, with the version's own copies
 * of the suite files its change rewrote in place of the stored files: CSV and YAML suites, and a CSV
 * suite's defaults file. A draft's author downloads a file, uploads it changed (read as the suites
 * folder reads it, with the draft's own names known; a defaults file with the CSV suite it completes;
 * a bad file is refused naming file, line and column, and nothing is stored) or drops the copy.
 */
@ApplicationScoped
public class DraftSuites {
    private static final String DEFAULTS_SUFFIX = ".defaults.yaml";

    private final PolicyService service;
    private final ScenarioRunner runner;
    private final PolicyModels policies;

    @Inject
    public DraftSuites(PolicyService service, ScenarioRunner runner, PolicyModels policies) {
        this.service = service;
        this.runner = runner;
        this.policies = policies;
    }

    /** One suite file as a version sees it. */
    @Schema(name = "PolicySuiteFile", description = "A scenario suite file (CSV, YAML, or a CSV suite's defaults) as a version sees it")
    public record SuiteFile(
            @Schema(description = "Its path under the suites folder, e.g. escalation/first-steps.csv, "
                    + "law/breathing-space-notices.yaml or escalation/first-steps.defaults.yaml") String path,
            @Schema(description = "True when the version carries its own copy (its change rewrote the suite); false when "
                    + "the stored suite applies") boolean inVersion,
            @Schema(description = "SHA-256 of the bytes the version uses") String sha256) {
    }

    /** Every suite file: the stored ones and the version's own copies, by path. */
    public List<SuiteFile> list(String id) {
        PolicyVersion version = service.versions().version(id);
        Map<String, SuiteFile> files = new TreeMap<>();
        for (String path : storedSuitePaths()) {
            files.put(path, new SuiteFile(path, false, ModelBytes.sha256(storedBytes(path))));
        }
        version.suites().forEach((path, sha) -> files.put(path, new SuiteFile(path, true, sha)));
        return List.copyOf(files.values());
    }

    /** A suite file's bytes as the version uses them: its own copy, else the stored file. */
    public byte[] read(String id, String path) {
        DraftInputs.requireSuitePath("path", path);
        PolicyVersion version = service.versions().version(id);
        if (version.suites().containsKey(path)) {
            return service.versions().suites().of(version).get(path);
        }
        if (!Files.isRegularFile(stored(path))) {
            throw PolicyInputException.notFound("suite " + path + " in policy version " + id);
        }
        return storedBytes(path);
    }

    /**
     * Stores (or replaces) a draft's copy of a suite file, after reading it as the suites folder would: a defaults file
     * with the CSV suite beside it (the draft's copy, else the stored one), which it must complete.
     */
    public SuiteFile put(String id, String path, byte[] bytes, String actor) {
        String text = DraftInputs.requireSuite(path, bytes, service.maxModelBytes());
        PolicyVersion draft = service.versions().version(id);
        service.versions().suites().requireDraft(draft);
        Suite suite = isDefaults(path) ? parseWithDefaults(id, path, text) : parse(id, path, path, text);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(path, bytes);
        Map<String, String> basedOn = new LinkedHashMap<>();
        if (draft.suites().containsKey(path)) {
            basedOn.put(path, draft.suites().get(path));
        }
        service.versions().suites().change(id, files, basedOn, actor, PolicyEvent.Type.SUITE_UPLOADED, path + " replaced ("
                + suite.scenarios().size() + " scenarios, " + bytes.length + " bytes, sha256 "
                + ModelBytes.sha256(bytes).substring(0, 12) + ")");
        return new SuiteFile(path, true, ModelBytes.sha256(bytes));
    }

    /** Drops a draft's copy of a suite: the stored file applies to it again. */
    public void remove(String id, String path, String actor) {
        DraftInputs.requireSuitePath("path", path);
        PolicyVersion draft = service.versions().version(id);
        service.versions().suites().requireDraft(draft);
        if (!draft.suites().containsKey(path)) {
            throw PolicyInputException.notFound("a copy of suite " + path + " in draft " + id);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(path, null);
        service.versions().suites().change(id, files, Map.of(path, draft.suites().get(path)), actor,
                PolicyEvent.Type.SUITE_REMOVED, path + ": the draft's copy dropped, the stored suite applies");
    }

    /** The suite files two versions see differently (either carries its own copy that the other does not share). */
    public List<SuiteDiff> diff(String fromId, String toId) {
        PolicyVersion from = service.versions().version(fromId);
        PolicyVersion to = service.versions().version(toId);
        java.util.Set<String> paths = new java.util.TreeSet<>(from.suites().keySet());
        paths.addAll(to.suites().keySet());
        List<SuiteDiff> diffs = new ArrayList<>();
        for (String path : paths) {
            if (java.util.Objects.equals(from.suites().get(path), to.suites().get(path))) {
                continue;
            }
            String before = textAsSeen(from, path);
            String after = textAsSeen(to, path);
            if (!java.util.Objects.equals(before, after)) {
                diffs.add(SuiteDiff.of(path, before, after));
            }
        }
        return diffs;
    }

    /** A suite file's text as a version sees it, null when it has neither a copy nor a stored file. */
    private String textAsSeen(PolicyVersion version, String path) {
        return textAsSeen(version.suites().containsKey(path) ? service.versions().suites().of(version) : Map.of(), path);
    }

    /** A suite file's text: the version's copy among {@code copies}, else the stored file; null when neither exists. */
    private String textAsSeen(Map<String, byte[]> copies, String path) {
        if (copies.containsKey(path)) {
            return new String(copies.get(path), StandardCharsets.UTF_8);
        }
        return Files.isRegularFile(stored(path)) ? new String(storedBytes(path), StandardCharsets.UTF_8) : null;
    }

    /**
     * Reads a suite's text as the suites folder would (a CSV suite with its defaults file as the version sees it, if
     * any), the version's own names known; refused (400) naming file, line and column.
     *
     * @param name the file's name in the scenarios it makes and the problems it reports
     */
    Suite parse(String id, String path, String name, String text) {
        PolicyVersion version = service.versions().version(id);
        String defaults = path.endsWith(".csv") ? textAsSeen(version, defaultsOf(path)) : null;
        return read(path, () -> loader(id).loadText(name, text, defaults));
    }

    /** Reads a defaults file's text with the CSV suite it completes, as the version sees that suite. */
    private Suite parseWithDefaults(String id, String path, String text) {
        String csvPath = csvOf(path);
        String csv = textAsSeen(service.versions().version(id), csvPath);
        if (csv == null) {
            throw PolicyInputException.invalidSuite(path, List.of(new ModelProblem(path, null, null, null, null, "ERROR",
                    "is a defaults file, but there is no " + csvPath + " for it to complete", 0)));
        }
        return read(path, () -> loader(id).loadText(csvPath, csv, text));
    }

    private static Suite read(String path, java.util.function.Supplier<Suite> reading) {
        try {
            return reading.get();
        } catch (ScenarioFileException e) {
            throw PolicyInputException.invalidSuite(path, e.problems().stream().map(DraftSuites::problem).toList());
        }
    }

    private static ModelProblem problem(BadFile bad) {
        return new ModelProblem(bad.file(), null, null, null, bad.column(), "ERROR", bad.message(), bad.line());
    }

    /**
     * A suite loader that knows the names of every version on the timeline and of this one, gathered
     * once on first use (the loader asks for them at every expectation it reads).
     */
    SuiteLoader loader(String id) {
        ValueVocabulary[] once = new ValueVocabulary[1];
        return runner.engine().loaderWith(() -> {
            synchronized (once) {
                if (once[0] == null) {
                    once[0] = vocabulary(id);
                }
                return once[0];
            }
        });
    }

    private ValueVocabulary vocabulary(String id) {
        List<ModelSet> sets = new ArrayList<>(policies.timeline().stream().map(TimelineEntry::models).toList());
        try {
            sets.add(policies.pinned(id));
        } catch (RuntimeException e) {
            // a version that does not compile adds no names; its own refusal says why elsewhere
        }
        return ValueVocabulary.of(sets);
    }

    /**
     * The suites under {@code location} (a stored file or folder) as the version sees them: its own
     * copies in place of the stored files (and any copy with no stored file), a CSV suite whose defaults
     * the version carries read with them, in path order.
     */
    SuiteLoader.Loaded load(String id, SuiteLoader loader, Path location) {
        PolicyVersion version = service.versions().version(id);
        SuiteLoader.Loaded fromDisk = Files.exists(location) ? loader.load(location) : new SuiteLoader.Loaded(List.of(), List.of());
        Map<String, byte[]> copies = service.versions().suites().of(version);
        java.util.Set<String> reread = new java.util.TreeSet<>();
        copies.keySet().forEach(path -> reread.add(isDefaults(path) ? csvOf(path) : path));
        reread.removeIf(path -> !stored(path).normalize().startsWith(location.normalize()) || textAsSeen(copies, path) == null);
        List<Suite> suites = new ArrayList<>(fromDisk.suites().stream().filter(s -> !reread.contains(relative(s.file()))).toList());
        List<BadFile> bad = new ArrayList<>(fromDisk.badFiles().stream().filter(b -> !reread.contains(relative(b.file()))).toList());
        for (String path : reread) {
            String defaults = path.endsWith(".csv") ? textAsSeen(copies, defaultsOf(path)) : null;
            try {
                suites.add(loader.loadText(stored(path).toString(), textAsSeen(copies, path), defaults));
            } catch (ScenarioFileException e) {
                bad.addAll(e.problems());
            }
        }
        suites.sort(Comparator.comparing(Suite::file));
        return new SuiteLoader.Loaded(suites, bad);
    }

    /**
     * A suite file's path under the suites folder, from its path as a report names it
     * ({@code test-scenarios/escalation/first-steps.csv}) or as given ({@code escalation/first-steps.csv}).
     */
    public String relative(String file) {
        Path root = runner.directory().normalize();
        Path given = Path.of(file).normalize();
        if (given.startsWith(root)) {
            return root.relativize(given).toString().replace('\\', '/');
        }
        String folder = root.getFileName() == null ? "" : root.getFileName() + "/";
        String path = file.replace('\\', '/');
        return !folder.isEmpty() && path.startsWith(folder) && !Files.exists(stored(path)) ? path.substring(folder.length()) : path;
    }

    /** Where a suite path is in the stored suites folder. */
    Path stored(String path) {
        return runner.directory().resolve(path);
    }

    private byte[] storedBytes(String path) {
        try {
            return Files.readAllBytes(stored(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isDefaults(String path) {
        return path.endsWith(DEFAULTS_SUFFIX);
    }

    /** The defaults file of a CSV suite: escalation/first-steps.csv has escalation/first-steps.defaults.yaml. */
    static String defaultsOf(String csvPath) {
        return csvPath.substring(0, csvPath.length() - ".csv".length()) + DEFAULTS_SUFFIX;
    }

    /** The CSV suite a defaults file completes. */
    static String csvOf(String defaultsPath) {
        return defaultsPath.substring(0, defaultsPath.length() - DEFAULTS_SUFFIX.length()) + ".csv";
    }

    private List<String> storedSuitePaths() {
        Path root = runner.directory();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(path -> path.endsWith(".csv") || path.endsWith(".yaml") || path.endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
