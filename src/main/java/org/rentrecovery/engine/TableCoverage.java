package org.rentrecovery.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.HitPolicy;
import org.kie.dmn.model.api.UnaryTests;

/**
 * Every single-hit table (UNIQUE, ANY, FIRST, PRIORITY) of a model the service evaluates has a row
 * for every case: a case meeting no row would have no answer. A table passes when it ends (or
 * anywhere holds) a catch-all row, with {@code -} in every input, or when the decision-table
 * analyser ran its gap analysis over the inputs' domains and found no gap. A gap is refused with
 * the uncovered region the analyser names; a table the analyser could not check (a column over an
 * untyped string, or a cell naming another input) is refused too, asking for the column to be typed
 * with its list of values or for a catch-all row: a table the service cannot prove complete is not
 * one it will run. COLLECT tables are not checked (no row matching means nothing to collect).
 */
final class TableCoverage {
    private static final Pattern SKIPPED_COLUMNS = Pattern.compile("Columns: \\[(.*?)\\]");

    private final Map<String, DMNModel> models;
    private final ModelLocator locator;
    private final Set<String> evaluatedModels;

    TableCoverage(Map<String, DMNModel> models, ModelLocator locator, List<ModelContract<?>> contracts) {
        this.models = models;
        this.locator = locator;
        this.evaluatedModels = new TreeSet<>();
        contracts.forEach(c -> evaluatedModels.add(c.model()));
    }

    /**
     * @param analysis what the validator's decision-table analysis reported (warnings located by model and table)
     */
    List<ModelProblem> run(List<ModelProblem> analysis) {
        List<ModelProblem> problems = new ArrayList<>();
        for (ModelLocator.OwnTable own : locator.ownTables(models)) {
            // a model read from the file and never evaluated (e.g. LandlordActions) is not checked
            if (evaluatedModels.contains(own.model().getName()) && singleHit(own.table())) {
                ModelProblem problem = check(own.model(), own.decision().getName(), own.table(), analysis);
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
        return problems;
    }

    static boolean singleHit(DecisionTable table) {
        return table.getHitPolicy() != HitPolicy.COLLECT && table.getHitPolicy() != HitPolicy.RULE_ORDER
                && table.getHitPolicy() != HitPolicy.OUTPUT_ORDER;
    }

    private ModelProblem check(DMNModel model, String tableName, DecisionTable table, List<ModelProblem> analysis) {
        if (table.getRule().isEmpty()) {
            return error(model, tableName, null, "TABLE_EMPTY", tableName + " has no rows, so no case would meet one and the service"
                    + " could not decide it: add the rows, ending with a catch-all row (- in every input)");
        }
        HitPolicy policy = table.getHitPolicy() == null ? HitPolicy.UNIQUE : table.getHitPolicy();
        if ((policy == HitPolicy.UNIQUE || policy == HitPolicy.ANY) && analysisStopped(model, tableName, analysis)) {
            // A catch-all row would overlap every other row, which these hit policies refuse at run time.
            return error(model, tableName, null, "TABLE_OVERLAPS_UNCHECKED", tableName + " is " + policy.value() + ", which allows"
                    + " only one matching row (or agreeing ones), but its analysis was stopped, so the service cannot show that its"
                    + " rows do not overlap: split it into smaller tables, or make it FIRST ending with a catch-all row (- in every"
                    + " input)");
        }
        if (catchAllRow(table) > 0) {
            return null;
        }
        List<String> gaps = new ArrayList<>();
        String skipped = null;
        for (ModelProblem p : analysis) {
            if (model.getName().equals(p.model()) && tableName.equals(p.table())) {
                if ("DECISION_TABLE_GAP".equals(p.code()) && !p.message().contains("skipped")) {
                    gaps.add(region(p.message()));
                } else if (p.code().startsWith("DECISION_TABLE_GAP") || p.code().startsWith("DECISION_TABLE_ANALYSIS_")) {
                    skipped = p.message();
                }
            }
        }
        if (!gaps.isEmpty()) {
            return error(model, tableName, null, "TABLE_GAP", "no row of " + tableName + " matches a case where "
                    + String.join("; or where ", gaps) + ". The service reads one row of this table, so such a case could not be"
                    + " decided: add a row for it, or a last row with - in every input (a catch-all, e.g. one that refers the"
                    + " case to an officer)");
        }
        return skipped == null ? null : unchecked(model, tableName, skipped);
    }

    private static boolean analysisStopped(DMNModel model, String tableName, List<ModelProblem> analysis) {
        return analysis.stream().anyMatch(p -> BoundedAnalysis.STOPPED_CODE.equals(p.code()) && model.getName().equals(p.model())
                && tableName.equals(p.table()));
    }

    /** The analyser could not look for gaps: the table is refused unless its columns are typed or it has a catch-all row. */
    private ModelProblem unchecked(DMNModel model, String tableName, String analyserMessage) {
        Matcher columns = SKIPPED_COLUMNS.matcher(analyserMessage);
        String untyped = columns.find() ? columns.group(1) : null;
        String why = untyped != null ? "its columns [" + untyped + "] hold untyped strings"
                : "the analyser could not check it (" + stripPrefix(analyserMessage) + ")";
        return error(model, tableName, untyped == null ? null : untyped.split(",\\s*")[0], "TABLE_COVERAGE_UNCHECKED",
                "the service cannot check that every case meets a row of " + tableName + ", because " + why
                        + ": type those columns with the vocabulary's list of their values (an item definition with"
                        + " allowedValues) so the gaps can be found, or end the table with a catch-all row (- in every input)");
    }

    /** 1-based index of the first row with no condition in any input, or 0. */
    static int catchAllRow(DecisionTable table) {
        for (int r = 0; r < table.getRule().size(); r++) {
            DecisionRule rule = table.getRule().get(r);
            boolean all = true;
            for (UnaryTests entry : rule.getInputEntry()) {
                String text = entry.getText() == null ? "" : entry.getText().trim();
                if (!text.isEmpty() && !text.equals("-")) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return r + 1;
            }
        }
        return 0;
    }

    /** The analyser's gap message without its "DMN: Gap detected:" prefix and "(DMN id: ...)" suffix. */
    private static String region(String message) {
        String text = stripPrefix(message);
        return text.replaceFirst("^Gap detected:\\s*", "");
    }

    private static String stripPrefix(String message) {
        String text = message.replaceFirst("^DMN:\\s*", "");
        int id = text.indexOf(" (DMN id:");
        return (id > 0 ? text.substring(0, id) : text).trim();
    }

    private ModelProblem error(DMNModel model, String table, String column, String code, String message) {
        return new ModelProblem(locator.file(model), model.getName(), table, null, null, column, ModelProblem.Severity.ERROR, code,
                message);
    }
}
