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
 * of the CSV suites its change rewrote in place of the stored files. A draft's author downloads a
 * suite, uploads it changed (read as the suites folder reads it, with the draft's own names known;
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

    /** One CSV suite file as a version sees it. */
    @Schema(name = "PolicySuiteFile", description = "A CSV scenario suite as a version sees it")
    public record SuiteFile(
            @Schema(description = "Its path under the suites folder, e.g. escalation/first-steps.csv") String path,
            @Schema(description = "True when the version carries its own copy (its change rewrote the suite); false when "
                    + "the stored suite applies") boolean inVersion,
            @Schema(description = "SHA-256 of the bytes the version uses") String sha256) {
    }

    /** Every CSV suite: the stored ones and the version's own copies, by path. */
    public List<SuiteFile> list(String id) {
        PolicyVersion version = service.versions().version(id);
        Map<String, SuiteFile> files = new TreeMap<>();
        for (String path : storedCsvPaths()) {
            files.put(path, new SuiteFile(path, false, ModelBytes.sha256(storedBytes(path))));
        }
        version.suites().forEach((path, sha) -> files.put(path, new SuiteFile(path, true, sha)));
        return List.copyOf(files.values());
    }

    /** A CSV suite's bytes as the version uses them: its own copy, else the stored file. */
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

    /** Stores (or replaces) a draft's copy of a CSV suite, after reading it as the suites folder would. */
    public SuiteFile put(String id, String path, byte[] bytes, String actor) {
        String text = DraftInputs.requireSuite(path, bytes, service.maxModelBytes());
        PolicyVersion draft = service.versions().version(id);
        service.versions().suites().requireDraft(draft);
        Suite suite = parse(id, path, path, text);
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

    /** The CSV suites two versions see differently (either carries its own copy that the other does not share). */
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

    /** A suite's text as a version sees it, null when it has neither a copy nor a stored file. */
    private String textAsSeen(PolicyVersion version, String path) {
        if (version.suites().containsKey(path)) {
            return new String(service.versions().suites().of(version).get(path), StandardCharsets.UTF_8);
        }
        return Files.isRegularFile(stored(path)) ? new String(storedBytes(path), StandardCharsets.UTF_8) : null;
    }

    /**
     * Reads a CSV suite's text (with the stored defaults file beside it, if any) as the suites folder
     * would, the version's own names known; refused (400) naming file, line and column.
     *
     * @param name the file's name in the scenarios it makes and the problems it reports
     */
    Suite parse(String id, String path, String name, String text) {
        try {
            return loader(id).loadText(name, text, storedDefaults(path));
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
     * copies in place of the stored files (and any copy with no stored file), in path order.
     */
    SuiteLoader.Loaded load(String id, SuiteLoader loader, Path location) {
        PolicyVersion version = service.versions().version(id);
        SuiteLoader.Loaded fromDisk = loader.load(location);
        Map<String, byte[]> copies = new TreeMap<>(service.versions().suites().of(version));
        copies.keySet().removeIf(path -> !stored(path).normalize().startsWith(location.normalize()));
        List<Suite> suites = new ArrayList<>(fromDisk.suites().stream().filter(s -> !copies.containsKey(relative(s.file()))).toList());
        List<BadFile> bad = new ArrayList<>(fromDisk.badFiles().stream().filter(b -> !copies.containsKey(relative(b.file()))).toList());
        copies.forEach((path, bytes) -> {
            try {
                suites.add(loader.loadText(stored(path).toString(), new String(bytes, StandardCharsets.UTF_8), storedDefaults(path)));
            } catch (ScenarioFileException e) {
                bad.addAll(e.problems());
            }
        });
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

    /** The stored defaults file of a CSV suite, null when it has none. */
    private String storedDefaults(String path) {
        Path defaults = stored(path.substring(0, path.length() - ".csv".length()) + DEFAULTS_SUFFIX);
        try {
            return Files.isRegularFile(defaults) ? Files.readString(defaults, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> storedCsvPaths() {
        Path root = runner.directory();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".csv"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
