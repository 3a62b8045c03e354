package org.rentrecovery.policy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.rentrecovery.scenarios.CsvCellEdit;
import org.rentrecovery.scenarios.Expectation;
import org.rentrecovery.scenarios.Matcher;
import org.rentrecovery.scenarios.Scenario;
import org.rentrecovery.scenarios.ScenarioEngine;
import org.rentrecovery.scenarios.ScenarioFileException;
import org.rentrecovery.scenarios.ScenarioRunner;
import org.rentrecovery.scenarios.Suite;

/**
 * "The draft is right, update the suite": for each chosen expectation a draft moves, the draft's own
 * answer is written into the expected cell of its CSV suite, in the draft's copy of the file (made
 * from the stored suite the first time). Only plain expected values are rewritten (a cell with a
 * matcher such as {@code contains} says what it checks in words the service cannot choose); every
 * other byte of the file stays, and all the chosen cells are stored in one change, or none.
 */
@ApplicationScoped
public class AcceptedExpectations {
    private final PolicyService service;
    private final ScenarioRunner runner;
    private final DraftSuites files;

    @Inject
    public AcceptedExpectations(PolicyService service, ScenarioRunner runner, DraftSuites files) {
        this.service = service;
        this.runner = runner;
        this.files = files;
    }

    /** An expectation the officer accepts the draft's answer for: where it is written and what it checks. */
    @Schema(name = "AcceptedExpectation", description = "A moved expectation whose expected cell takes the draft's answer")
    public record Choice(
            @Schema(description = "Its suite file, as the suites report names it (suite or file), e.g. escalation/first-steps.csv") String file,
            @Schema(description = "The line of its scenario's row in that file") int line,
            @Schema(description = "The response path it checks, e.g. escalation.step (the column expect.<path>)") String path) {
    }

    /** One expected cell rewritten. */
    @Schema(name = "RewrittenExpectation", description = "One expected cell of a CSV suite rewritten to the draft's answer")
    public record Rewritten(
            @Schema(description = "The suite file, under the suites folder") String file,
            @Schema(description = "The line of the scenario's row") int line,
            @Schema(description = "The scenario's name") String scenario,
            @Schema(description = "The column, expect.<path>") String column,
            @Schema(description = "The cell as it was") String before,
            @Schema(description = "The cell as it is now: the draft's answer") String after) {
    }

    /** Rewrites the chosen expected cells in the draft's copies of their suites. */
    public List<Rewritten> accept(String id, List<Choice> choices, String actor) {
        PolicyVersion draft = service.versions().version(id);
        service.versions().suites().requireDraft(draft);
        if (choices == null || choices.isEmpty()) {
            throw PolicyInputException.badField("expectations", "is required: the moved expectations to update, each with "
                    + "file, line and path as the suites report gives them");
        }
        Map<String, List<Integer>> byFile = new LinkedHashMap<>();
        for (int i = 0; i < choices.size(); i++) {
            Choice choice = choices.get(i);
            String field = "expectations[" + i + "]";
            if (choice == null || choice.file() == null || choice.path() == null) {
                throw PolicyInputException.badField(field, "needs file, line and path, as the suites report gives them");
            }
            String path = files.relative(choice.file());
            DraftInputs.requireCsvSuitePath(field + ".file", path);
            byFile.computeIfAbsent(path, p -> new ArrayList<>()).add(i);
        }
        Map<String, byte[]> changed = new LinkedHashMap<>();
        Map<String, String> basedOn = new LinkedHashMap<>();
        List<Rewritten> rewritten = new ArrayList<>();
        byFile.forEach((path, indexes) -> {
            String text = new String(files.read(id, path), StandardCharsets.UTF_8);
            for (int index : indexes) {
                Rewritten cell = rewrite(id, path, text, choices.get(index), "expectations[" + index + "]");
                text = new CsvCellEdit(text).replace(path, cell.line(), cell.column(), cell.after());
                rewritten.add(cell);
            }
            files.parse(id, path, path, text); // still a suite the folder would read
            changed.put(path, text.getBytes(StandardCharsets.UTF_8));
            if (draft.suites().containsKey(path)) {
                basedOn.put(path, draft.suites().get(path));
            }
        });
        service.versions().suites().change(id, changed, basedOn, actor, PolicyEvent.Type.SUITE_EXPECTATIONS_ACCEPTED,
                rewritten.stream().map(r -> r.file() + ":" + r.line() + " " + r.column() + " " + r.before() + " -> " + r.after())
                        .collect(Collectors.joining("; ")));
        return rewritten;
    }

    /** The cell one choice names, and the draft's answer for it. */
    private Rewritten rewrite(String id, String path, String text, Choice choice, String field) {
        Suite suite = files.parse(id, path, files.stored(path).toString(), text);
        Scenario scenario = suite.scenarios().stream().filter(s -> s.line() == choice.line()).findFirst()
                .orElseThrow(() -> PolicyInputException.badField(field + ".line", "names no scenario row of " + path + ": line "
                        + choice.line()));
        String wanted = choice.path().startsWith("$.") ? choice.path().substring(2) : choice.path();
        int index = indexOf(scenario, wanted);
        if (index < 0) {
            throw PolicyInputException.badField(field + ".path", "is not checked by scenario '" + scenario.name() + "': " + wanted);
        }
        Expectation expectation = scenario.expectations().get(index);
        if (expectation.matcher() != Matcher.EQUALS) {
            throw PolicyInputException.badField(field + ".path", "is checked with '" + expectation.matcher().label() + "' in '"
                    + scenario.name() + "': only a plain expected value is rewritten; download the suite, edit the cell and upload it");
        }
        ScenarioEngine.Observation answer = runner.engine().observe(scenario, request -> request.put("policyVersion", id));
        if (answer.error() != null) {
            throw PolicyInputException.conflict("policy-suite-run-failed", "The draft could not decide the scenario",
                    "Scenario '" + scenario.name() + "' failed under draft " + id + ": " + answer.error());
        }
        String column = "expect." + expectation.path();
        String before;
        try {
            before = new CsvCellEdit(text).cell(path, scenario.line(), column);
        } catch (ScenarioFileException e) {
            throw PolicyInputException.badField(field + ".path", "is expected by " + DraftSuites.defaultsOf(path)
                    + ", not by a cell of the row: download the defaults file, edit it and upload it to the draft, or add the column "
                    + column);
        }
        return new Rewritten(path, scenario.line(), scenario.name(), column, before,
                cellText(answer.checks().get(index).actual(), field + ".path"));
    }

    private static int indexOf(Scenario scenario, String path) {
        for (int i = 0; i < scenario.expectations().size(); i++) {
            if (scenario.expectations().get(i).path().equals(path)) {
                return i;
            }
        }
        return -1;
    }

    /** The draft's answer as an expected cell reads it back: a plain value, a YAML list, or absent. */
    static String cellText(JsonNode actual, String field) {
        if (actual == null || actual.isMissingNode()) {
            return "absent";
        }
        if (actual.isNull()) {
            return "null";
        }
        if (actual.isNumber()) {
            return actual.decimalValue().toPlainString();
        }
        if (actual.isArray()) {
            List<String> items = new ArrayList<>();
            actual.forEach(item -> items.add(item.isValueNode() ? scalar(item, field) : null));
            if (items.contains(null)) {
                throw PolicyInputException.badField(field, "answers a list of objects under the draft: edit the cell by hand");
            }
            return "[" + String.join(", ", items) + "]";
        }
        if (actual.isObject()) {
            throw PolicyInputException.badField(field, "answers an object under the draft: edit the cell by hand");
        }
        String text = actual.asText();
        boolean misread = text.equals("absent") || text.equals("present") || text.startsWith("[")
                || text.matches("(>=|<=|!=|>|<|=|contains|notContains|size) .*");
        return misread ? "= " + text : text;
    }

    private static String scalar(JsonNode item, String field) {
        String text = item.isNumber() ? item.decimalValue().toPlainString() : item.asText();
        if (text.matches(".*[\\[\\]{},:#].*")) {
            throw PolicyInputException.badField(field, "answers a list whose items need quoting: edit the cell by hand");
        }
        return text;
    }
}
