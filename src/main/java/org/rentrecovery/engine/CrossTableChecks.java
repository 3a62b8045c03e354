package org.rentrecovery.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.api.core.ast.InputDataNode;
import org.kie.dmn.api.core.ast.ItemDefNode;
import org.kie.dmn.feel.lang.impl.FEELBuilder;
import org.kie.dmn.feel.lang.EvaluationContext;
import org.kie.dmn.feel.lang.impl.FEELImpl;
import org.kie.dmn.feel.runtime.UnaryTest;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.HitPolicy;
import org.kie.dmn.model.api.InputClause;
import org.kie.dmn.model.api.OutputClause;

/**
 * Every name one table outputs that another consumes is one the consumer can take: within a model
 * (a table reading {@code EscalationStep.step}) and across models the service chains
 * ({@link ModelContract.Feed}: the ladder's step is routing's {@code escalationStep}). For each
 * name a producing row can output, the consumer's column must allow it (its type's and the
 * column's own allowed values: the run-time type check refuses anything else), and a single-hit
 * table the service reads must have a row whose cell in that column accepts it (otherwise no row
 * matches and the decision fails). A live request that would have failed is refused here, at build
 * or upload, with the producing model, table, row and column named.
 */
final class CrossTableChecks {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern QUALIFIED = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\.([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** A value a producing column can output, and the row that outputs it (null when the column's type allows it). */
    record Produced(String value, String rowName, Integer row) {
    }

    /** The column a value comes from. */
    record Producer(DMNModel model, String table, DecisionTable decisionTable, int column, String columnName, DMNType type) {
    }

    private final Map<String, DMNModel> models;
    private final ModelLocator locator;
    private final List<ModelProblem> problems = new ArrayList<>();
    private final FEELImpl feel = (FEELImpl) FEELBuilder.builder().withClassloader(CrossTableChecks.class.getClassLoader()).build();
    private final EvaluationContext context = feel.newEvaluationContext(List.of(), Map.of());
    /** Each cell text's unary tests ({@link #parse}), by the text. */
    private final Map<String, List<UnaryTest>> parsedTests = new java.util.HashMap<>();

    CrossTableChecks(Map<String, DMNModel> models, ModelLocator locator) {
        this.models = models;
        this.locator = locator;
    }

    List<ModelProblem> run(List<ModelContract<?>> contracts) {
        Map<String, Map<String, ModelContract.Feed>> feedsByModel = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> readAsRow = new LinkedHashMap<>();
        for (ModelContract<?> contract : contracts) {
            for (ModelContract.Feed feed : contract.feeds()) {
                feedsByModel.computeIfAbsent(contract.model(), m -> new LinkedHashMap<>()).put(feed.input(), feed);
            }
            for (ModelContract.Output<?> output : contract.outputs()) {
                if (output.shape() == ModelContract.Shape.ROW) {
                    readAsRow.computeIfAbsent(contract.model(), m -> new java.util.HashSet<>()).add(output.decision());
                }
            }
        }
        for (ModelLocator.OwnTable own : locator.ownTables(models)) {
            DMNModel model = own.model();
            DecisionTable table = own.table();
            String tableName = own.decision().getName();
            boolean mustMatch = table.getHitPolicy() != HitPolicy.COLLECT
                    && readAsRow.getOrDefault(model.getName(), java.util.Set.of()).contains(tableName);
            for (int c = 0; c < table.getInput().size(); c++) {
                InputClause clause = table.getInput().get(c);
                String expression = clause.getInputExpression() == null ? null : clause.getInputExpression().getText();
                Producer producer = producer(model, expression == null ? "" : expression.trim(),
                        feedsByModel.getOrDefault(model.getName(), Map.of()));
                if (producer != null) {
                    checkConsumer(producer, model, tableName, table, c, mustMatch);
                }
            }
        }
        return problems;
    }

    /** The column an input clause reads, when it is another table's output (by name or by a contract's feed). */
    private Producer producer(DMNModel model, String expression, Map<String, ModelContract.Feed> feeds) {
        Matcher qualified = QUALIFIED.matcher(expression);
        if (qualified.matches()) {
            return column(model, qualified.group(1), qualified.group(2));
        }
        if (!NAME.matcher(expression).matches()) {
            return null;
        }
        if (model.getDecisionByName(expression) != null) {
            return column(model, expression, null);
        }
        ModelContract.Feed feed = feeds.get(expression);
        if (feed != null && models.get(feed.model()) != null) {
            return column(models.get(feed.model()), feed.decision(), feed.column());
        }
        return null;
    }

    private Producer column(DMNModel model, String decisionName, String columnName) {
        DecisionNode decision = model.getDecisionByName(decisionName);
        if (decision == null || !(decision.getDecision().getExpression() instanceof DecisionTable table)) {
            return null;
        }
        for (int c = 0; c < table.getOutput().size(); c++) {
            OutputClause output = table.getOutput().get(c);
            boolean single = table.getOutput().size() == 1 && columnName == null;
            if (single || (columnName != null && columnName.equals(output.getName()))) {
                return new Producer(model, decisionName, table, c, output.getName() == null ? decisionName : output.getName(),
                        VocabularyTypes.columnType(decision, table, output));
            }
        }
        return null;
    }

    /** The names a column can output: its literal cells, or its type's list when a cell is computed. */
    private List<Produced> values(Producer producer) {
        List<Produced> values = new ArrayList<>();
        boolean computed = false;
        List<DecisionRule> rules = producer.decisionTable().getRule();
        for (int r = 0; r < rules.size(); r++) {
            DecisionRule rule = rules.get(r);
            if (producer.column() >= rule.getOutputEntry().size()) {
                continue;
            }
            String text = rule.getOutputEntry().get(producer.column()).getText();
            text = text == null ? "" : text.trim();
            if (text.isEmpty() || text.equals("null")) {
                continue;
            }
            Matcher literal = STRING_LITERAL.matcher(text);
            if (literal.matches()) {
                values.add(new Produced(literal.group(1), TableColumns.rowName(producer.decisionTable(), r + 1), r + 1));
            } else {
                computed = true;
            }
        }
        if (computed && producer.type() != null) {
            VocabularyTypes.allowedNames(producer.type()).forEach(name -> values.add(new Produced(name, null, null)));
        }
        return values;
    }

    private void checkConsumer(Producer producer, DMNModel consumerModel, String consumerTable, DecisionTable table, int column,
            boolean mustMatch) {
        InputClause clause = table.getInput().get(column);
        String consumerColumn = TableColumns.inputName(clause);
        String consumer = consumerModel.getName() + "/" + consumerTable + " column " + consumerColumn;
        List<String> typeAllows = allowedByType(consumerModel, clause);
        String ownList = clause.getInputValues() == null ? null : clause.getInputValues().getText();
        java.util.Set<String> reported = new java.util.HashSet<>();
        for (Produced produced : values(producer)) {
            String value = produced.value();
            if (!reported.add(value)) {
                continue;
            }
            if (typeAllows != null && !typeAllows.contains(value)) {
                error(producer, produced, "VALUE_NOT_ACCEPTED_DOWNSTREAM", "'" + value + "' is output here, and " + consumer
                        + " is typed to take only " + typeAllows + ": add the name to the consumer's type (the vocabulary) or output one it takes");
            } else if (ownList != null && !ownList.isBlank() && !matches(ownList, value)) {
                error(producer, produced, "VALUE_NOT_ACCEPTED_DOWNSTREAM", "'" + value + "' is output here, and " + consumer
                        + " allows only " + ownList.trim());
            } else if (!anyRowAccepts(table, column, value)) {
                String text = "'" + value + "' is output here, and no row of " + consumer + " accepts it";
                if (mustMatch) {
                    error(producer, produced, "VALUE_MATCHES_NO_ROW", text + ": the service reads one row of "
                            + consumerTable + ", so a case reaching this value could not be decided. Add a row for it (or a last row with - in every input)");
                } else {
                    problems.add(new ModelProblem(locator.file(producer.model()), producer.model().getName(), producer.table(),
                            produced.rowName(), produced.row(), producer.columnName(), ModelProblem.Severity.WARNING,
                            "VALUE_MATCHES_NO_ROW", text + " (nothing follows from it there)"));
                }
            } else if (producer.model() != consumerModel && produced.rowName() != null && !defaultPolicysName(producer, value)
                    && !CellValues.anyRowNames(table, column, value)) {
                warnNotNamed(producer, produced, consumer, consumerTable);
            }
        }
    }

    /**
     * A name the packaged vocabulary lists for the column's type: the default policy's own names go to the rows with - on
     * purpose (its early rungs, to early arrears). Asked before the consumer's cells are parsed, so the packaged set, whose
     * every name is one, parses none of them for this at start-up.
     */
    private static boolean defaultPolicysName(Producer producer, String value) {
        return producer.type() != null && PackagedModels.vocabularyNames(producer.type().getName()).contains(value);
    }

    /** Across models (the ladder's rung read by routing), a landlord's new name is easily left out of the other model. */
    private void warnNotNamed(Producer producer, Produced produced, String consumer, String consumerTable) {
        problems.add(new ModelProblem(locator.file(producer.model()), producer.model().getName(), producer.table(),
                produced.rowName(), produced.row(), producer.columnName(), ModelProblem.Severity.WARNING,
                "VALUE_NOT_NAMED_DOWNSTREAM", "'" + produced.value() + "' is output here, and no row of " + consumer + " names it:"
                        + " it takes the rows with - there, like any step not named (for routing, the team of early arrears when"
                        + " no trigger applies). Name it in a row of " + consumerTable + " if it belongs elsewhere"));
    }

    /** The names the consumer's column type allows, or null when it is not a closed list. */
    private List<String> allowedByType(DMNModel model, InputClause clause) {
        String expression = clause.getInputExpression() == null ? "" : clause.getInputExpression().getText().trim();
        InputDataNode input = NAME.matcher(expression).matches() ? model.getInputByName(expression) : null;
        DMNType type = input != null ? input.getType() : null;
        if (type == null && clause.getInputExpression() != null && clause.getInputExpression().getTypeRef() != null) {
            type = itemDefinition(model, clause.getInputExpression().getTypeRef().getLocalPart());
        }
        List<String> names = type == null ? List.of() : VocabularyTypes.allowedNames(type);
        return names.isEmpty() ? null : names;
    }

    /** An item definition by its name as referenced ({@code tX} or {@code vocabulary.tX}), in the model or what it imports. */
    private DMNType itemDefinition(DMNModel model, String reference) {
        String local = reference.contains(".") ? reference.substring(reference.lastIndexOf('.') + 1) : reference;
        for (ItemDefNode item : model.getItemDefinitions()) {
            if (item.getName().equals(local)) {
                return item.getType();
            }
        }
        for (DMNModel other : models.values()) {
            for (ItemDefNode item : other.getItemDefinitions()) {
                if (item.getName().equals(local) && reference.contains(".")) {
                    return item.getType();
                }
            }
        }
        return null;
    }

    private boolean anyRowAccepts(DecisionTable table, int column, String value) {
        for (DecisionRule rule : table.getRule()) {
            if (column >= rule.getInputEntry().size()) {
                return true;
            }
            String text = rule.getInputEntry().get(column).getText();
            if (text == null || text.isBlank() || text.trim().equals("-") || matches(text, value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a cell's unary tests accept the value. A cell the checker cannot evaluate on its own
     * (it names another input) counts as accepting, so only a certain mismatch is reported.
     */
    private boolean matches(String unaryTests, String value) {
        List<UnaryTest> tests = parsedTests.computeIfAbsent(unaryTests, this::parse);
        if (tests.isEmpty()) {
            return true;
        }
        try {
            for (UnaryTest test : tests) {
                Boolean result = test.apply(context, value);
                if (result == null || result) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException e) {
            return true;
        }
    }

    /**
     * A cell's unary tests, parsed by kie-dmn's FEEL; empty (accepts everything) when it cannot be parsed on its own.
     * Parsed once per cell text: the same cell is asked about every value every producer can output, and parsing was
     * most of these checks' start-up CPU (docs/benchmarks.md, start-up).
     */
    private List<UnaryTest> parse(String unaryTests) {
        try {
            List<UnaryTest> tests = feel.evaluateUnaryTests(unaryTests);
            return tests == null ? List.of() : tests;
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private void error(Producer producer, Produced produced, String code, String message) {
        problems.add(new ModelProblem(locator.file(producer.model()), producer.model().getName(), producer.table(),
                produced.rowName(), produced.row(), producer.columnName(), ModelProblem.Severity.ERROR, code, message));
    }
}
