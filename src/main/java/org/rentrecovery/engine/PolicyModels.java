package org.rentrecovery.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which policy models a decision uses. Holds a timeline of policy versions, each in force from a
 * date; a decision takes the version in force on its {@code asOf} ({@link #forDate}) or a named one
 * ({@link #pinned}), once, and uses that {@link ModelSet} for every table it evaluates. The policy
 * store swaps the whole timeline with {@link #install}: one atomic reference to an immutable
 * timeline, so a decision in flight keeps the version it started with and the next one sees the new
 * timeline whole.
 *
 * <p>Until a store installs one, the timeline is the seed: the models packaged on the classpath
 * under {@code decision-tables/}, in force from any date, under the application's version id.
 */
@ApplicationScoped
public class PolicyModels {
    public static final String SEED_FOLDER = "decision-tables";
    /** Inside the seed folder: worked examples of other policies, never part of the seed. */
    public static final String EXAMPLES_FOLDER = "examples";

    private static ModelSet seed;

    private final AtomicReference<Timeline> timeline;
    /** Versions off the timeline (drafts, approved ones not yet in force), for pins and comparisons. */
    private volatile Function<String, Optional<ModelSet>> catalogue = id -> Optional.empty();

    /**
     * @param checkedModels where sets of models that passed the KIE analysis are remembered across restarts, so a
     *                      restart compiles the packaged and stored versions without analysing them again
     *                      ({@code rentrecovery.dmn.checked-models}; unset: every start analyses every set)
     * @param packagedCheckedModels read-only memos of the image build's training start, looked up after
     *                      {@code checkedModels}, so a pod that starts with an empty data volume does not analyse the
     *                      packaged models again ({@code rentrecovery.dmn.packaged-checked-models}; unset: none)
     */
    @Inject
    public PolicyModels(@ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String seedVersion,
            @ConfigProperty(name = "rentrecovery.dmn.checked-models") Optional<java.nio.file.Path> checkedModels,
            @ConfigProperty(name = "rentrecovery.dmn.packaged-checked-models") Optional<java.nio.file.Path> packagedCheckedModels) {
        this(rememberingIn(checkedModels, packagedCheckedModels, seedVersion));
    }

    private static String rememberingIn(Optional<java.nio.file.Path> checkedModels,
            Optional<java.nio.file.Path> packagedCheckedModels, String seedVersion) {
        ModelSetCompiler.rememberValidatedSetsIn(checkedModels.orElse(null), packagedCheckedModels.orElse(null));
        return seedVersion;
    }

    public PolicyModels(String seedVersion) {
        this.timeline = new AtomicReference<>(new Timeline(List.of(new TimelineEntry(seedVersion, LocalDate.MIN,
                classpathSeed(seedVersion)))));
    }

    /** Outside a CDI container (plain unit tests): the classpath seed, compiled once per JVM. */
    public static PolicyModels seeded() {
        return seeded("dev");
    }

    /** The classpath seed under a version id. */
    public static PolicyModels seeded(String versionId) {
        return new PolicyModels(versionId);
    }

    /**
     * The models under {@code decision-tables/} on the classpath, compiled (and checked) once per
     * class loader and labelled with the version id.
     *
     * @throws ModelSetInvalidException if the packaged models are invalid (the build's tests catch this first)
     */
    public static ModelSet classpathSeed(String versionId) {
        synchronized (PolicyModels.class) {
            if (seed == null) {
                seed = ModelSetCompiler.compile(versionId, seedFiles(PolicyModels.class.getClassLoader()));
            }
            return seed.versionId().equals(versionId) ? seed : seed.relabelled(versionId);
        }
    }

    /**
     * Starts compiling the packaged models in the background (a process start, before Quarkus boots), so that
     * {@link #classpathSeed} finds them compiled or under way ({@link ModelSetCompiler#beginCompiling}).
     */
    public static void beginCompilingSeed() {
        synchronized (PolicyModels.class) {
            if (seed == null) {
                ModelSetCompiler.beginCompiling(seedFiles(PolicyModels.class.getClassLoader()));
            }
        }
    }

    /**
     * The DMN files of the packaged policy: everything under {@code decision-tables/} except
     * {@code examples/}, which holds other landlords' worked policies (documentation, not policy).
     */
    public static java.util.Map<String, byte[]> seedFiles(ClassLoader loader) {
        java.util.Map<String, byte[]> files = new java.util.TreeMap<>(ClasspathFiles.read(loader, SEED_FOLDER, ".dmn"));
        files.keySet().removeIf(path -> path.startsWith(EXAMPLES_FOLDER + "/"));
        return files;
    }

    /** The models in force on a date: the latest entry whose effectiveFrom is on or before it. */
    public ModelSet forDate(LocalDate asOf) {
        return timeline.get().inForce(asOf).models();
    }

    /**
     * The models of a named version: one on the timeline, else one the catalogue knows (a draft or
     * an approved version not yet in force, see {@link #catalogue}).
     */
    public ModelSet pinned(String versionId) {
        ModelSet models = timeline.get().byVersion.get(versionId);
        if (models == null) {
            models = catalogue.apply(versionId).orElseThrow(() -> new UnknownPolicyVersionException("policy version "
                    + versionId + " does not exist or cannot be used; in force over time: "
                    + timeline.get().entries.stream().map(TimelineEntry::versionId).distinct().toList()));
        }
        return models;
    }

    /** Whether a version is on the timeline, so {@link #pinned} answers it at once, without the catalogue. */
    public boolean onTimeline(String versionId) {
        return timeline.get().byVersion.containsKey(versionId);
    }

    /** Where {@link #pinned} finds a version that is not on the timeline (the policy store; none by default). */
    public void catalogue(Function<String, Optional<ModelSet>> versionsOffTheTimeline) {
        this.catalogue = java.util.Objects.requireNonNull(versionsOffTheTimeline);
    }

    /** The version in force on a date, with its effective date. */
    public TimelineEntry entryFor(LocalDate asOf) {
        return timeline.get().inForce(asOf);
    }

    /**
     * Replaces the whole timeline at once. Entries need distinct dates; a version may come back
     * later (a rollback) with the same compiled models.
     */
    public void install(List<TimelineEntry> entries) {
        timeline.set(new Timeline(entries));
    }

    /** The installed timeline, earliest first. */
    public List<TimelineEntry> timeline() {
        return timeline.get().entries;
    }

    /** An immutable timeline, sorted by effective date. */
    private static final class Timeline {
        final List<TimelineEntry> entries;
        final Map<String, ModelSet> byVersion = new HashMap<>();

        Timeline(List<TimelineEntry> entries) {
            if (entries == null || entries.isEmpty()) {
                throw new IllegalArgumentException("a policy timeline needs at least one version");
            }
            List<TimelineEntry> sorted = new ArrayList<>(entries);
            sorted.sort(Comparator.comparing(TimelineEntry::effectiveFrom));
            for (int i = 0; i < sorted.size(); i++) {
                TimelineEntry entry = sorted.get(i);
                // A rollback puts a version on the timeline again: the same models, a later date.
                ModelSet earlier = byVersion.put(entry.versionId(), entry.models());
                if (earlier != null && earlier != entry.models()) {
                    throw new IllegalArgumentException("policy version " + entry.versionId()
                            + " is on the timeline twice with different models");
                }
                if (i > 0 && sorted.get(i - 1).effectiveFrom().equals(entry.effectiveFrom())) {
                    throw new IllegalArgumentException("policy versions " + sorted.get(i - 1).versionId() + " and "
                            + entry.versionId() + " both take effect on " + entry.effectiveFrom());
                }
            }
            this.entries = List.copyOf(sorted);
        }

        TimelineEntry inForce(LocalDate asOf) {
            TimelineEntry inForce = null;
            for (TimelineEntry entry : entries) {
                if (entry.effectiveFrom().isAfter(asOf)) {
                    break;
                }
                inForce = entry;
            }
            if (inForce == null) {
                throw new UnknownPolicyVersionException("no policy version is in force on " + asOf + "; the first takes effect on "
                        + entries.get(0).effectiveFrom());
            }
            return inForce;
        }
    }
}
