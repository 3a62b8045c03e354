package org.rentrecovery.scenarios;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

import org.rentrecovery.contract.InvalidRequestException;
import org.rentrecovery.contract.Problem;
import org.rentrecovery.engine.RuleTrace.Hit;
import org.rentrecovery.engine.RuleTrace;
import org.rentrecovery.scenarios.ScenarioFileException.BadFile;
import org.rentrecovery.scenarios.ScenarioResult.Failure;
import org.rentrecovery.scenarios.ScenarioResult.Outcome;

/**
 * Runs scenarios: builds each request, calls the target exactly as its HTTP endpoint does (an
 * invalid case becomes the same problem+json a client gets), checks every expectation, and records
 * which table rows and rules fired. The three runners (JUnit, command line, HTTP) all use this.
 */
public final class ScenarioEngine {

    /** A scenario's result and what fired while it ran. */
    public record Executed(ScenarioResult result, Set<Hit> hits) {
    }

    private final ScenarioTargets targets;
    private final Supplier<RuleUniverse> universe;
    private final SuiteLoader loader;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Configuration jsonPath = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(json)).mappingProvider(new JacksonMappingProvider(json)).build();

    public ScenarioEngine(ScenarioTargets targets, Supplier<RuleUniverse> universe) {
        this.targets = targets;
        this.universe = universe;
        this.loader = new SuiteLoader(targets);
    }

    /** @param vocabulary the names expected values may take: those of the policy versions the scenarios run under */
    public ScenarioEngine(ScenarioTargets targets, Supplier<RuleUniverse> universe, Supplier<ValueVocabulary> vocabulary) {
        this.targets = targets;
        this.universe = universe;
        this.loader = new SuiteLoader(targets, vocabulary);
    }

    public SuiteLoader loader() {
        return loader;
    }

    /** A loader for this engine's targets whose expected names are {@code vocabulary}'s (e.g. with a draft's own names). */
    public SuiteLoader loaderWith(Supplier<ValueVocabulary> vocabulary) {
        return new SuiteLoader(targets, vocabulary);
    }

    public ObjectMapper json() {
        return json;
    }

    public Executed run(Scenario scenario) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(scenario.request());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        JsonNode response;
        int status;
        Set<Hit> hits = Set.of();
        try {
            RuleTrace.Traced<Object> traced = RuleTrace.record(() -> targets.call(scenario.target(), body));
            response = json.valueToTree(traced.result());
            hits = traced.hits();
            status = 200;
        } catch (InvalidRequestException invalid) {
            Problem problem = invalid.problem();
            response = json.valueToTree(problem);
            status = problem.status();
        } catch (RuntimeException e) {
            return new Executed(new ScenarioResult(scenario.name(), scenario.file(), scenario.line(), scenario.reference(),
                    scenario.target(), Outcome.ERROR, 500, List.of(), null,
                    "the service failed on this case: " + e, scenario.tags(), scenario.given(), List.of(), null), hits);
        }
        List<Failure> failures = check(scenario, status, response);
        boolean passed = failures.isEmpty();
        return new Executed(new ScenarioResult(scenario.name(), scenario.file(), scenario.line(), scenario.reference(),
                scenario.target(), passed ? Outcome.PASSED : Outcome.FAILED, status, failures,
                passed ? null : response.get("reasons"), null, scenario.tags(), scenario.given(),
                status == 200 ? DecidingRules.of(scenario.target(), response) : List.of(), passed ? null : actuals(scenario, status, response)), hits);
    }

    /** The actual value at each path a scenario checks, to paste back as its expectations. */
    private JsonNode actuals(Scenario scenario, int status, JsonNode response) {
        com.fasterxml.jackson.databind.node.ObjectNode actual = json.createObjectNode();
        if (status != 200 || scenario.expectations().stream().anyMatch(Expectation::isStatus)) {
            actual.put(Expectation.STATUS, status);
        }
        for (Expectation expectation : scenario.expectations()) {
            if (!expectation.isStatus() && !actual.has(expectation.path())) {
                JsonNode value = read(response, expectation.path());
                actual.set(expectation.path(), value == null || value.isMissingNode() ? json.nullNode() : value);
            }
        }
        return actual;
    }

    /** One expectation checked against an answer: the value found and, when it did not hold, why. */
    public record Checked(Expectation expectation, JsonNode actual, String failure) {
        public boolean held() {
            return failure == null;
        }
    }

    /** A scenario's answer (a decision, or the problem a client would get) and each expectation checked on it. */
    public record Observation(int status, JsonNode response, List<Checked> checks, String error) {
    }

    /**
     * Runs the scenario with {@code change} applied to a copy of its request (e.g. pinning a policy
     * version) and checks every expectation, keeping the value each one found, held or not.
     */
    public Observation observe(Scenario scenario, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> change) {
        com.fasterxml.jackson.databind.node.ObjectNode request = scenario.request().deepCopy();
        change.accept(request);
        JsonNode response;
        int status;
        try {
            byte[] body = json.writeValueAsBytes(request);
            response = json.valueToTree(targets.call(scenario.target(), body));
            status = 200;
        } catch (InvalidRequestException invalid) {
            Problem problem = invalid.problem();
            response = json.valueToTree(problem);
            status = problem.status();
        } catch (JsonProcessingException | RuntimeException e) {
            return new Observation(500, MissingNode.getInstance(), List.of(), "the service failed on this case: " + e);
        }
        List<Checked> checks = new ArrayList<>();
        for (Expectation expectation : scenario.expectations()) {
            if (expectation.isStatus()) {
                int expected = Matcher.number(expectation.expected()).orElseThrow().intValue();
                checks.add(new Checked(expectation, IntNode.valueOf(status), status == expected ? null
                        : "expected status " + expected + ", got " + status));
                continue;
            }
            JsonNode actual = read(response, expectation.path());
            checks.add(new Checked(expectation, actual == null || actual.isMissingNode() ? null : actual,
                    expectation.matcher().check(actual, expectation.expected())));
        }
        return new Observation(status, response, checks, null);
    }

    private List<Failure> check(Scenario scenario, int status, JsonNode response) {
        List<Failure> failures = new ArrayList<>();
        Expectation statusExpectation = scenario.expectations().stream().filter(Expectation::isStatus).findFirst().orElse(null);
        int expectedStatus = statusExpectation == null ? 200 : Matcher.number(statusExpectation.expected()).orElseThrow().intValue();
        if (status != expectedStatus) {
            failures.add(wrongStatus(scenario, statusExpectation, expectedStatus, status, response));
            return failures; // the other expectations address a response of the other kind
        }
        for (Expectation expectation : scenario.expectations()) {
            if (expectation.isStatus()) {
                continue;
            }
            JsonNode actual = read(response, expectation.path());
            String why = expectation.matcher().check(actual, expectation.expected());
            if (why != null) {
                failures.add(new Failure(expectation.path(), expectation.matcher().label(), expectation.expected(),
                        actual == null || actual.isMissingNode() ? null : actual, expectation.line(), why));
            }
        }
        return failures;
    }

    /** The status differs from the one expected: for a 400, each field the service refused, at the line it was given. */
    private static Failure wrongStatus(Scenario scenario, Expectation statusExpectation, int expectedStatus, int status,
            JsonNode response) {
        int line = statusExpectation == null ? scenario.line() : statusExpectation.line();
        String why;
        if (status == 400) {
            // Point at the given line of each field the service refused, not at the scenario's first line.
            StringBuilder fields = new StringBuilder();
            int firstLine = 0;
            for (JsonNode error : response.path("errors")) {
                String field = error.path("field").asText();
                int fieldLine = scenario.lineOf(field);
                firstLine = firstLine == 0 ? fieldLine : firstLine;
                fields.append(fields.length() == 0 ? "" : "; ").append(field).append(' ').append(error.path("message").asText())
                        .append(" (given at line ").append(fieldLine).append(')');
            }
            line = statusExpectation == null && firstLine > 0 ? firstLine : line;
            why = "the case is not valid: " + (fields.length() > 0 ? fields : response.path("detail").asText())
                    + " (add a status: 400 expectation if that is the point)";
        } else {
            why = "expected an answer with status " + expectedStatus + ", but the case was valid and got a decision";
        }
        return new Failure(Expectation.STATUS, Matcher.EQUALS.label(), IntNode.valueOf(expectedStatus), IntNode.valueOf(status), line, why);
    }

    private JsonNode read(JsonNode response, String path) {
        try {
            Object value = JsonPath.using(jsonPath).parse(response).read(path.startsWith("$") ? path : "$." + path);
            return value instanceof JsonNode node ? node : json.valueToTree(value);
        } catch (PathNotFoundException e) {
            return MissingNode.getInstance();
        }
    }

    /** Runs every loaded scenario, in file order, and reports results and rule coverage. */
    public ScenarioReport run(SuiteLoader.Loaded loaded) {
        return run(loaded, ScenarioSelection.ALL);
    }

    /** Runs the chosen scenarios of the loaded suites; a run where nothing ran says why in its notes. */
    public ScenarioReport run(SuiteLoader.Loaded all, ScenarioSelection selection) {
        SuiteLoader.Loaded loaded = selection.apply(all);
        List<String> notes = new ArrayList<>();
        if (loaded.scenarioCount() == 0) {
            if (!selection.everything() && all.scenarioCount() > 0) {
                notes.add("No scenario ran: " + selection.describe() + " matched none of the " + all.scenarioCount()
                        + " scenarios loaded (a name matches when it contains the text, ignoring case; tags match whole)");
            } else if (all.badFiles().isEmpty()) {
                notes.add("No scenario ran: no suite file (.yaml, .yml or .csv with scenarios) was found where the run looked");
            } else {
                notes.add("No scenario ran: every file given is a bad file or holds no scenarios (see the bad files)");
            }
        }
        ScenarioReport report = runSelected(loaded);
        return new ScenarioReport(report.summary(), report.badFiles(), report.suites(), report.coverage(), notes);
    }

    private ScenarioReport runSelected(SuiteLoader.Loaded loaded) {
        List<ScenarioReport.SuiteResult> suites = new ArrayList<>();
        Set<Hit> hits = new HashSet<>();
        int passed = 0;
        int failed = 0;
        int errors = 0;
        int scenarios = 0;
        for (Suite suite : loaded.suites()) {
            if (suite.scenarios().isEmpty() || suite.file().endsWith(SuiteLoader.DEFAULTS_SUFFIX)) {
                continue; // a CSV suite's defaults file, checked on its own and applied with its CSV
            }
            List<ScenarioResult> results = new ArrayList<>();
            int suitePassed = 0;
            for (Scenario scenario : suite.scenarios()) {
                Executed executed = run(scenario);
                hits.addAll(executed.hits());
                results.add(executed.result());
                scenarios++;
                switch (executed.result().outcome()) {
                    case PASSED -> {
                        passed++;
                        suitePassed++;
                    }
                    case FAILED -> failed++;
                    default -> errors++;
                }
            }
            suites.add(new ScenarioReport.SuiteResult(suite.file(), suite.name(), suite.reference(), suitePassed,
                    results.size() - suitePassed, results));
        }
        ScenarioReport.Summary summary = new ScenarioReport.Summary(suites.size(), scenarios, passed, failed, errors,
                (int) loaded.badFiles().stream().map(BadFile::file).distinct().count(), failed == 0 && errors == 0 && loaded.badFiles().isEmpty() && scenarios > 0);
        return new ScenarioReport(summary, loaded.badFiles(), suites, RuleCoverage.of(universe.get(), hits), List.of());
    }
}
