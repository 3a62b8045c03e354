package org.rentrecovery.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.rentrecovery.engine.ClasspathFiles;
import org.rentrecovery.engine.ModelSet;
import org.rentrecovery.engine.ModelSetCompiler;
import org.rentrecovery.engine.ModelSetInvalidException;
import org.rentrecovery.engine.PolicyModels;
import org.rentrecovery.engine.TimelineEntry;

/**
 * Where policy versions meet the engine: a version's models are compiled and checked by the
 * engine's {@link ModelSetCompiler} (the same checks as the build's), and the timeline of stored
 * versions is installed into {@link PolicyModels}, which every decision reads.
 */
@ApplicationScoped
public class PolicyEngineBridge {
    private static final Logger LOG = Logger.getLogger(PolicyEngineBridge.class);

    private final PolicyModels policyModels;
    /** Versions already reported as unusable, so a poll every second does not repeat the message. */
    private final java.util.Set<String> reportedUnusable = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Inject
    public PolicyEngineBridge(PolicyModels policyModels) {
        this.policyModels = policyModels;
    }

    /** Compiles with the engine; a set it refuses becomes a 400 naming each model, table, row and column. */
    PolicyCompiler compiler() {
        return new PolicyCompiler() {
            @Override
            public Object compile(String versionId, Map<String, byte[]> models) {
                return PolicyEngineBridge.compile(versionId, models);
            }

            @Override
            public List<ModelProblem> warnings(Object compiled) {
                return ((ModelSet) compiled).warnings().stream().map(PolicyEngineBridge::problem).toList();
            }
        };
    }

    static ModelSet compile(String versionId, Map<String, byte[]> models) {
        Map<String, byte[]> seed = seedModels();
        if (sameFiles(seed, models)) {
            // The packaged tables are compiled once per JVM already: reuse them under this version's id.
            return PolicyModels.classpathSeed(versionId);
        }
        try {
            return ModelSetCompiler.compile(versionId, models);
        } catch (ModelSetInvalidException e) {
            List<ModelProblem> problems = e.problems().stream().map(PolicyEngineBridge::problem).toList();
            long errors = problems.stream().filter(p -> "ERROR".equals(p.severity())).count();
            throw PolicyInputException.invalidModels("Policy version " + versionId + " does not compile: " + errors
                    + " error(s), first: " + problems.stream().filter(p -> "ERROR".equals(p.severity())).findFirst()
                            .map(p -> p.location() + ": " + p.message()).orElse("(none)"), problems);
        }
    }

    static ModelProblem problem(org.rentrecovery.engine.ModelProblem p) {
        String row = p.rowName() != null ? p.rowName() : p.row() == null ? null : "row " + p.row();
        return new ModelProblem(p.file(), p.model(), p.table(), row, p.column(),
                p.severity() == org.rentrecovery.engine.ModelProblem.Severity.ERROR ? "ERROR" : "WARNING",
                p.code() + ": " + p.message());
    }

    private static boolean sameFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(entry -> Arrays.equals(entry.getValue(), b.get(entry.getKey())));
    }

    /** The models packaged under decision-tables/ (its examples/ are documentation, not policy). */
    static Map<String, byte[]> seedModels() {
        Map<String, byte[]> files = new TreeMap<>(ClasspathFiles.read(PolicyEngineBridge.class.getClassLoader(),
                PolicyModels.SEED_FOLDER, ".dmn"));
        files.keySet().removeIf(path -> path.startsWith("examples/"));
        if (files.isEmpty()) {
            throw new IllegalStateException("no DMN models found under decision-tables/ on the classpath");
        }
        return files;
    }

    /**
     * Hands the store's timeline to the engine in one atomic swap. A version that cannot be used
     * (it no longer compiles, or was written for another policy contract) is left out with one
     * clear log message, and the version before it stays in force for its days: decisions never
     * fail because of it. The earliest usable entry answers every earlier date.
     */
    synchronized void install(PolicyVersions versions) {
        List<TimelineEntry> entries = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        for (PolicyVersions.TimelineModels period : versions.timelineModels()) {
            if (period.models().isEmpty()) {
                unusable.add(period.versionId());
                if (reportedUnusable.add(period.versionId() + "@" + period.from())) {
                    LOG.errorf("Policy version %s (in force from %s) cannot be used by this release and is left out of "
                            + "the timeline; the version before it stays in force. Problems:%n  %s", period.versionId(),
                            period.from(), period.problems().stream()
                                    .filter(p -> "ERROR".equals(p.severity()))
                                    .map(p -> p.location() + ": " + p.message()).collect(Collectors.joining("\n  ")));
                }
                continue;
            }
            ModelSet models = (ModelSet) period.models().get();
            LocalDate from = entries.isEmpty() ? LocalDate.MIN : period.from();
            entries.add(new TimelineEntry(period.versionId(), from, models));
        }
        if (entries.isEmpty()) {
            LOG.errorf("No stored policy version can be used (%s); decisions use the tables packaged with this release",
                    unusable);
            return;
        }
        policyModels.install(entries);
    }

    /**
     * Lets a decision pin any stored version, including a draft or an approved version not yet in
     * force (shadow runs, impact, replays); it is compiled on first use, once per content.
     */
    void catalogue(PolicyVersions versions) {
        policyModels.catalogue(id -> {
            try {
                return java.util.Optional.ofNullable((ModelSet) versions.compiled(id));
            } catch (PolicyInputException e) {
                return java.util.Optional.empty();
            }
        });
    }

    /** What the engine has installed: version id and first day, earliest first (diagnostics and tests). */
    List<TimelineEntry> installed() {
        return policyModels.timeline();
    }
}
