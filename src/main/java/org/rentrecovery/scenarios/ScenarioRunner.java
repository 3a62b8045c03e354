package org.rentrecovery.scenarios;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rentrecovery.contract.CaseFactsReader;
import org.rentrecovery.decision.DecisionService;
import org.rentrecovery.engine.PolicyModels;
import org.rentrecovery.engine.TimelineEntry;

/**
 * The scenario engine inside the service, over the container's decision service: used by the
 * command line and by POST /api/scenarios/run. Stored suites live in {@code rentrecovery.scenarios.directory}.
 */
@ApplicationScoped
public class ScenarioRunner {
    private final ScenarioEngine engine;
    private final Path directory;
    private volatile RuleUniverse universe;

    @Inject
    public ScenarioRunner(CaseFactsReader reader, DecisionService decisions, PolicyModels policies,
            @ConfigProperty(name = "rentrecovery.scenarios.directory", defaultValue = "test-scenarios") String directory) {
        // Over the container's beans, so a scenario runs what the endpoint runs without going through HTTP.
        this.engine = new ScenarioEngine(ScenarioTargets.of(reader, decisions), this::universe, () -> vocabulary(policies));
        this.directory = storedFolder(Path.of(directory));
    }

    /**
     * The configured folder as given when it exists from the working directory (reports keep its
     * short paths); a relative folder that does not is looked for beside the application instead
     * (the project of {@code target/quarkus-app/quarkus-run.jar}), so the service finds its suites
     * wherever it is started from.
     */
    static Path storedFolder(Path configured) {
        if (configured.isAbsolute() || Files.isDirectory(configured)) {
            return configured;
        }
        try {
            Path code = Path.of(ScenarioRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = code; dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(configured);
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        } catch (RuntimeException | java.net.URISyntaxException e) {
            // no code location (an unusual class loader): the configured path stands
        }
        return configured;
    }

    /**
     * A stored suite file or folder by its name in the stored suites folder ({@code guards},
     * {@code guards/ground-8.csv}; the folder's own name in front is accepted too); null when there is
     * none, or the name leads outside the folder.
     */
    public Path storedSuite(String name) {
        Path root = directory.normalize();
        if (name == null || name.isBlank()) {
            return Files.isDirectory(root) ? directory : null;
        }
        String relative = name.replace('\\', '/');
        String folderName = root.getFileName() == null ? "" : root.getFileName().toString();
        if (!Files.exists(root.resolve(relative).normalize()) && relative.startsWith(folderName + "/")) {
            relative = relative.substring(folderName.length() + 1);
        }
        Path location = directory.resolve(relative).normalize();
        return location.startsWith(root) && Files.exists(location) ? location : null;
    }

    /**
     * The names of every installed policy version (a suite may run cases dated under any of them),
     * read again only when the timeline changes.
     */
    private ValueVocabulary vocabulary(PolicyModels policies) {
        List<TimelineEntry> timeline = policies.timeline();
        Cached cached = vocabulary;
        if (cached == null || cached.timeline() != timeline) {
            cached = new Cached(timeline, ValueVocabulary.of(timeline.stream().map(TimelineEntry::models).toList()));
            vocabulary = cached;
        }
        return cached.names();
    }

    private record Cached(List<TimelineEntry> timeline, ValueVocabulary names) {
    }

    private volatile Cached vocabulary;

    public ScenarioEngine engine() {
        return engine;
    }

    /** Where stored suites are read from (relative to the working directory unless absolute). */
    public Path directory() {
        return directory;
    }

    /** Discovered once, on first use: the DMN models and DRL files the build packaged. */
    public RuleUniverse universe() {
        RuleUniverse found = universe;
        if (found == null) {
            synchronized (this) {
                if (universe == null) {
                    universe = RuleUniverse.discover();
                }
                found = universe;
            }
        }
        return found;
    }
}
