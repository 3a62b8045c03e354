package org.rentrecovery.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.rentrecovery.scenarios.ScenarioFileException.BadFile;
import org.rentrecovery.scenarios.Scenario;
import org.rentrecovery.scenarios.ScenarioEngine;
import org.rentrecovery.scenarios.ScenarioFields;
import org.rentrecovery.scenarios.ScenarioRunner;
import org.rentrecovery.scenarios.Suite;
import org.rentrecovery.scenarios.SuiteLoader;

/**
 * The scenario suites against a draft: every scenario runs as written (the version in force on its
 * {@code asOf}) and again pinned to the draft, and each expectation that holds under one and not
 * the other is listed with both values and both decisions' reasons. These are the suites that
 * encode the policy being changed. The suites are those the version sees ({@link DraftSuites}): its
 * own copies of the suites its change rewrote in place of the stored files.
 */
@ApplicationScoped
public class PolicySuites {
    private final PolicyService service;
    private final ScenarioRunner runner;
    private final DraftSuites files;

    @Inject
    public PolicySuites(PolicyService service, ScenarioRunner runner, DraftSuites files) {
        this.service = service;
        this.runner = runner;
        this.files = files;
    }

    /** An expectation whose outcome the version moves: held before and not after, or the other way. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MovedExpectation(
            @Schema(description = ScenarioFields.PATH) String path,
            @Schema(description = ScenarioFields.MATCHER) String matcher,
            @Schema(description = ScenarioFields.EXPECTED) JsonNode expected,
            @Schema(description = ScenarioFields.EXPECTATION_LINE) int line,
            @Schema(description = "Whether it held under the version in force on the scenario's asOf") boolean heldBefore,
            @Schema(description = "The value at the path under the version in force, null when absent") JsonNode before,
            @Schema(description = "Whether it holds under the candidate") boolean heldAfter,
            @Schema(description = "The value at the path under the candidate, null when absent") JsonNode after,
            @Schema(description = "Why it does not hold, under whichever version it fails") String failure) {
    }

    /** A scenario with at least one moved expectation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MovedScenario(
            @Schema(description = ScenarioFields.NAME) String name,
            @Schema(description = ScenarioFields.FILE) String file,
            @Schema(description = "The suite file's path under the suites folder, as the suite endpoints name it, e.g. "
                    + "escalation/first-steps.csv") String suite,
            @Schema(description = "True when the scenario was read from the version's own copy of its suite, false when from "
                    + "the stored suite") boolean inVersion,
            @Schema(description = ScenarioFields.LINE) int line,
            @Schema(description = ScenarioFields.REFERENCE) String reference,
            @Schema(description = ScenarioFields.TARGET) String target,
            @Schema(description = "Whether it passed under the version in force on its asOf") boolean passedBefore,
            @Schema(description = "Whether it passes under the candidate") boolean passedAfter,
            @Schema(description = "Each expectation that holds under one version and not the other") List<MovedExpectation> expectations,
            @Schema(description = "The decision's reasons under the version in force") JsonNode reasonsBefore,
            @Schema(description = "The decision's reasons under the candidate") JsonNode reasonsAfter,
            @Schema(description = "Why the version in force refused the case, when it did (e.g. its history has a code of the "
                    + "landlord's own that only the candidate declares): the problem's status and detail; absent when it decided it")
            String refusedBefore,
            @Schema(description = "Why the candidate refused the case, when it did; absent when it decided it") String refusedAfter) {
    }

    /**
     * @param scenarios every scenario run; {@code moved} of them have an expectation whose outcome changed
     */
    @Schema(name = "SuitesReport")
    public record Report(
            @Schema(description = "The version the suites ran against, e.g. 2026.11.30-1") String candidate,
            @Schema(description = "Scenarios run, each under both versions") int scenarios,
            @Schema(description = "Scenarios that passed under the version in force on their asOf") int passedBefore,
            @Schema(description = "Scenarios that pass under the candidate") int passedAfter,
            @Schema(description = "Scenarios with an expectation whose outcome the candidate changes") int moved,
            @Schema(description = "Those scenarios, each with its moved expectations and both decisions' reasons") List<MovedScenario> movedScenarios,
            @Schema(description = "Each problem that kept a suite file or scenario from running") List<BadFile> badFiles,
            @Schema(description = "The suite files the version carries its own copies of (paths under the suites folder); "
                    + "the suites run read them in place of the stored files") List<String> suiteCopies) {
    }

    /** Runs the stored suites (all, or the named files and folders under the suites folder). */
    public Report run(String candidateId, List<String> stored) {
        PolicyVersion candidate = service.versions().version(candidateId);
        service.versions().compiled(candidate.id()); // an invalid version is refused before anything runs
        ScenarioEngine engine = runner.engine();
        SuiteLoader.Loaded loaded = load(candidateId, stored);
        List<Suite> suites = loaded.suites();
        List<BadFile> bad = loaded.badFiles();
        int total = 0;
        int passedBefore = 0;
        int passedAfter = 0;
        List<MovedScenario> moved = new ArrayList<>();
        for (Suite suite : suites) {
            for (Scenario scenario : suite.scenarios()) {
                total++;
                ScenarioEngine.Observation before = engine.observe(scenario, request -> request.remove("policyVersion"));
                ScenarioEngine.Observation after = engine.observe(scenario, request -> request.put("policyVersion", candidateId));
                boolean beforePassed = passed(before);
                boolean afterPassed = passed(after);
                passedBefore += beforePassed ? 1 : 0;
                passedAfter += afterPassed ? 1 : 0;
                List<MovedExpectation> changes = changes(before, after);
                if (!changes.isEmpty() || beforePassed != afterPassed) {
                    String suiteFile = files.relative(scenario.file());
                    moved.add(new MovedScenario(scenario.name(), asWritten(suiteFile), suiteFile,
                            candidate.suites().containsKey(suiteFile), scenario.line(), scenario.reference(),
                            scenario.target(), beforePassed, afterPassed, changes, before.response().get("reasons"),
                            after.response().get("reasons"), refusal(before), refusal(after)));
                }
            }
        }
        return new Report(candidateId, total, passedBefore, passedAfter, moved.size(), moved, bad,
                List.copyOf(candidate.suites().keySet()));
    }

    /** A suite file as the repository names it (test-scenarios/escalation/first-steps.csv), not where this server keeps it. */
    private String asWritten(String suiteFile) {
        Path folder = runner.directory().toAbsolutePath().normalize().getFileName();
        return folder == null ? suiteFile : folder + "/" + suiteFile;
    }

    /**
     * The suites named (every one when none is), each under the suites folder, as the version sees them; a name may be
     * a suite file only the version has (one its draft added).
     */
    private SuiteLoader.Loaded load(String candidateId, List<String> stored) {
        SuiteLoader loader = files.loader(candidateId);
        java.util.Set<String> versionsOwn = service.versions().version(candidateId).suites().keySet();
        Path root = runner.directory();
        List<String> names = stored == null || stored.isEmpty() ? List.of("") : stored;
        List<Suite> suites = new ArrayList<>();
        List<BadFile> bad = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Path location = name == null || name.isEmpty() ? root : root.resolve(name).normalize();
            boolean inside = location.startsWith(root.normalize());
            if (!inside || !Files.exists(location) && !versionsOwn.contains(files.relative(location.toString()))) {
                throw PolicyInputException.badField("stored[" + i + "]", Files.isDirectory(root)
                        ? "names no suite file or folder under the suites folder: " + name
                        : "cannot be run: there are no stored suites (rentrecovery.scenarios.directory)");
            }
            SuiteLoader.Loaded loaded = files.load(candidateId, loader, location);
            suites.addAll(loaded.suites());
            bad.addAll(loaded.badFiles());
        }
        return new SuiteLoader.Loaded(suites, bad);
    }

    /** A run the service refused or failed, in a line: its status and why; null for a decision. */
    private static String refusal(ScenarioEngine.Observation observation) {
        if (observation.error() != null) {
            return observation.status() + ": " + observation.error();
        }
        if (observation.status() < 400) {
            return null;
        }
        JsonNode response = observation.response();
        String detail = response.path("detail").asText(response.path("title").asText(""));
        JsonNode errors = response.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            List<String> fields = new ArrayList<>();
            errors.forEach(error -> fields.add(error.path("field").asText() + " " + error.path("message").asText()));
            detail += " (" + String.join("; ", fields) + ")";
        }
        return observation.status() + ": " + detail;
    }

    private static boolean passed(ScenarioEngine.Observation observation) {
        return observation.error() == null && observation.checks().stream().allMatch(ScenarioEngine.Checked::held);
    }

    private static List<MovedExpectation> changes(ScenarioEngine.Observation before, ScenarioEngine.Observation after) {
        List<MovedExpectation> out = new ArrayList<>();
        if (before.checks().size() != after.checks().size()) {
            return out; // one of the runs failed outright; passedBefore/passedAfter say which
        }
        for (int i = 0; i < before.checks().size(); i++) {
            ScenarioEngine.Checked was = before.checks().get(i);
            ScenarioEngine.Checked is = after.checks().get(i);
            if (was.held() != is.held()) {
                var expectation = was.expectation();
                out.add(new MovedExpectation(expectation.path(), expectation.matcher().label(), expectation.expected(),
                        expectation.line(), was.held(), was.actual(), is.held(), is.actual(),
                        is.held() ? was.failure() : is.failure()));
            }
        }
        return out;
    }
}
