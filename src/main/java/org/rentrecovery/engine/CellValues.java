package org.rentrecovery.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.api.core.ast.InputDataNode;
import org.kie.dmn.core.ast.DMNBaseNode;
import org.kie.dmn.feel.lang.ast.BaseNode;
import org.kie.dmn.feel.lang.ast.InNode;
import org.kie.dmn.feel.lang.ast.InfixOpNode;
import org.kie.dmn.feel.lang.ast.InfixOperator;
import org.kie.dmn.feel.lang.ast.ListNode;
import org.kie.dmn.feel.lang.ast.NameRefNode;
import org.kie.dmn.feel.lang.ast.RangeNode;
import org.kie.dmn.feel.lang.ast.StringNode;
import org.kie.dmn.feel.lang.ast.UnaryTestListNode;
import org.kie.dmn.feel.lang.ast.UnaryTestNode;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.InputClause;
import org.kie.dmn.model.api.OutputClause;

/**
 * Every quoted name a cell tests for or answers is one its column's type allows. kie-dmn compiles an input cell
 * {@code "LETTER_X"} in a column typed {@code vocabulary.tEscalationPause} without a word, and the row then never
 * matches; an output cell answering it fails on every case reaching its row. Such a cell is refused at build and
 * upload as {@code CELL_VALUE_NOT_ALLOWED}, naming model, table, row and column.
 * <p>
 * A column's type is the one its {@code typeRef} names, resolved through the compiled model's type registry (so a
 * type of the imported vocabulary is found by the import's namespace); for an input column whose own type lists no
 * names, the type of what it reads (an input, a decision, or a column of a decision). A column whose type lists no
 * allowed values takes any words. Only equality tests are read ({@code "A"}, {@code "A","B"}, {@code not("A")},
 * {@code = "A"}, {@code ? = "A"}, {@code ? in ["A"]}): a quoted word in a function call or a range is not a value of
 * the column, so it is left alone.
 */
final class CellValues {
    private final Map<String, DMNModel> models;
    private final ModelLocator locator;
    private final CellSyntax syntax;
    private final List<ModelProblem> problems = new ArrayList<>();

    /** Per model the service evaluates, the inputs it supplies that hold one name of a closed list, with the list. */
    private final Map<String, Map<String, List<String>>> suppliedLists = new java.util.HashMap<>();

    /**
     * @param syntax    the cells' trees as {@link CellNames} parsed them (a cell it skipped is parsed here)
     * @param contracts what the service supplies: an input declared a plain string still holds only its list's names
     */
    CellValues(Map<String, DMNModel> models, ModelLocator locator, CellSyntax syntax, List<ModelContract<?>> contracts) {
        this.models = models;
        this.locator = locator;
        this.syntax = syntax;
        for (ModelContract<?> contract : contracts) {
            Map<String, List<String>> lists = suppliedLists.computeIfAbsent(contract.model(), m -> new java.util.HashMap<>());
            for (java.lang.reflect.RecordComponent input : InputComponents.of(contract.inputs())) {
                List<String> names = InputComponents.closedList(input);
                if (!names.isEmpty()) {
                    lists.put(input.getName(), names);
                }
            }
        }
    }

    List<ModelProblem> run() {
        for (ModelLocator.OwnTable own : locator.ownTables(models)) {
            if (own.decision() instanceof DMNBaseNode node) {
                checkTable(own.model(), own.decision().getName(), own.table(), CellSyntax.scope(node));
            }
        }
        return problems;
    }

    private void checkTable(DMNModel model, String tableName, DecisionTable table, Set<String> scope) {
        for (int c = 0; c < table.getInput().size(); c++) {
            InputClause input = table.getInput().get(c);
            DMNType type = inputType(model, input);
            if (closedList(type)) {
                checkInputCells(model, tableName, table, c, type, scope);
            } else {
                List<String> supplied = suppliedList(model, input);
                if (supplied != null) {
                    checkSuppliedCells(model, tableName, table, c, supplied, scope);
                }
            }
        }
        for (int c = 0; c < table.getOutput().size(); c++) {
            DMNType type = VocabularyTypes.declaredType(model, table.getOutput().get(c).getTypeRef());
            if (closedList(type)) {
                checkOutputCells(model, tableName, table, c, type);
            }
        }
    }

    private static boolean closedList(DMNType type) {
        return type != null && VocabularyTypes.constrained(type) && !type.isCollection() && !type.isComposite();
    }

    private void checkInputCells(DMNModel model, String tableName, DecisionTable table, int column, DMNType type, Set<String> scope) {
        String columnName = TableColumns.inputName(table.getInput().get(column));
        forEachTestedValue(table, column, scope, (r, text, value) -> {
            if (!type.isAssignableValue(value)) {
                refuse(model, tableName, table, r, columnName, type, "the cell '" + text + "' tests for '" + value
                        + "', which this column never holds, so that test is never true");
            }
        });
    }

    /** What to do with one quoted name a cell tests for: the 0-based row, the cell's text (trimmed) and the name. */
    private interface TestedValue {
        void accept(int row, String cellText, String value);
    }

    /** Each quoted name each row's cell in the input column tests for ({@link #testedValues}), row by row. */
    private void forEachTestedValue(DecisionTable table, int column, Set<String> scope, TestedValue action) {
        for (int r = 0; r < table.getRule().size(); r++) {
            DecisionRule rule = table.getRule().get(r);
            if (column >= rule.getInputEntry().size()) {
                continue;
            }
            String raw = rule.getInputEntry().get(column).getText();
            String text = raw == null ? "" : raw.trim();
            for (String value : testedValues(syntax.of(rule.getInputEntry().get(column), scope))) {
                action.accept(r, text, value);
            }
        }
    }

    /** The names the service ever supplies for the input the column reads as a plain name; null when it is not such an input. */
    private List<String> suppliedList(DMNModel model, InputClause input) {
        String expression = input.getInputExpression() == null ? null : input.getInputExpression().getText();
        if (expression == null || model.getInputByName(expression.trim()) == null) {
            return null;
        }
        return suppliedLists.getOrDefault(model.getName(), Map.of()).get(expression.trim());
    }

    /** A column typed a plain string that reads an input holding one of a list of names: a name outside it never matches. */
    private void checkSuppliedCells(DMNModel model, String tableName, DecisionTable table, int column, List<String> names,
            Set<String> scope) {
        String columnName = TableColumns.inputName(table.getInput().get(column));
        String inputName = table.getInput().get(column).getInputExpression().getText().trim();
        forEachTestedValue(table, column, scope, (r, text, value) -> {
            if (!names.contains(value)) {
                locator.error(problems, model, tableName, TableColumns.rowName(table, r + 1), r + 1, columnName,
                        "CELL_VALUE_NOT_ALLOWED", "the cell '" + text + "' tests for '" + value + "', which the service never"
                                + " supplies as " + inputName + ": it is always one of " + names
                                + " (docs/ladder-inputs.md), so the test cannot tell cases apart; correct the spelling");
            }
        });
    }

    private void checkOutputCells(DMNModel model, String tableName, DecisionTable table, int column, DMNType type) {
        OutputClause output = table.getOutput().get(column);
        String columnName = output.getName() == null ? tableName : output.getName();
        for (int r = 0; r < table.getRule().size(); r++) {
            OutputCell cell = OutputCell.of(table.getRule().get(r), column);
            if (cell.text().startsWith("\"") && !cell.isExpression() && !type.isAssignableValue(cell.value())) {
                refuse(model, tableName, table, r, columnName, type, "the cell answers '" + cell.value()
                        + "', which the column cannot hold, so every case reaching this row would fail");
            }
        }
    }

    private void refuse(DMNModel model, String tableName, DecisionTable table, int r, String columnName, DMNType type, String what) {
        locator.error(problems, model, tableName, TableColumns.rowName(table, r + 1), r + 1, columnName, "CELL_VALUE_NOT_ALLOWED",
                what + ": the column's type " + type.getName() + " allows only " + VocabularyTypes.allowedNames(type)
                        + " (correct the spelling, or add the name to " + type.getName() + " in " + declaringFile(type) + ")");
    }

    /** The file of the model declaring the type (the vocabulary, for a shared name). */
    private String declaringFile(DMNType type) {
        return models.values().stream().filter(m -> m.getNamespace().equals(type.getNamespace())).findFirst()
                .map(locator::file).orElse("the model declaring it");
    }

    /** The type of an input column: its own {@code typeRef}'s, or, when that lists no names, the type of what it reads. */
    private static DMNType inputType(DMNModel model, InputClause input) {
        if (input.getInputExpression() == null) {
            return null;
        }
        DMNType declared = VocabularyTypes.declaredType(model, input.getInputExpression().getTypeRef());
        if (closedList(declared)) {
            return declared;
        }
        String expression = input.getInputExpression().getText();
        return expression == null ? null : readType(model, expression.trim());
    }

    /** The type of an input ({@code noticeStatus}), a decision ({@code EscalationPause}) or a decision's column ({@code EscalationStep.step}). */
    private static DMNType readType(DMNModel model, String expression) {
        int dot = expression.indexOf('.');
        InputDataNode input = dot < 0 ? model.getInputByName(expression) : null;
        if (input != null) {
            return input.getType();
        }
        DecisionNode decision = model.getDecisionByName(dot < 0 ? expression : expression.substring(0, dot));
        DMNType type = decision == null ? null : decision.getResultType();
        if (type == null || dot < 0) {
            return type;
        }
        return type.isCollection() ? null : type.getFields().get(expression.substring(dot + 1));
    }

    /** Whether a row of the table tests the column for the value by name ({@code "A"}, {@code "A","B"}; not {@code not(...)}). */
    static boolean anyRowNames(DecisionTable table, int column, String value) {
        for (DecisionRule rule : table.getRule()) {
            if (column < rule.getInputEntry().size()) {
                String text = rule.getInputEntry().get(column).getText();
                if (text != null && !text.trim().startsWith("not") && testedValues(text).contains(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The quoted names an input cell compares its column's value with for equality; none for a cell FEEL cannot read. */
    static List<String> testedValues(String text) {
        return testedValues(CellSyntax.parse(text, Set.of()));
    }

    private static List<String> testedValues(CellSyntax.Parsed cell) {
        List<String> values = new ArrayList<>();
        if (cell.root() instanceof UnaryTestListNode tests) {
            try {
                tests.getElements().forEach(test -> values.addAll(equalityValues(test)));
            } catch (RuntimeException e) {
                return List.of(); // CellNames reports a cell FEEL cannot read
            }
        }
        return values;
    }

    private static List<String> equalityValues(BaseNode test) {
        if (test instanceof UnaryTestNode unary && (unary.getOperator() == UnaryTestNode.UnaryOperator.EQ
                || unary.getOperator() == UnaryTestNode.UnaryOperator.NE)) {
            return strings(unary.getValue());
        }
        if (test instanceof RangeNode range && range.getStart() instanceof StringNode start && range.getEnd() instanceof StringNode end
                && start.getValue().equals(end.getValue())) {
            return List.of(start.getValue()); // "= \"A\"" reads as the range from "A" to "A"
        }
        if (test instanceof InfixOpNode infix && (infix.getOperator() == InfixOperator.EQ || infix.getOperator() == InfixOperator.NE)) {
            return isValue(infix.getLeft()) ? strings(infix.getRight()) : isValue(infix.getRight()) ? strings(infix.getLeft()) : List.of();
        }
        if (test instanceof InNode in && isValue(in.getValue())) {
            return strings(in.getExprs());
        }
        return test instanceof StringNode string ? List.of(string.getValue()) : List.of();
    }

    /** A quoted name, or each quoted name of a list. */
    private static List<String> strings(BaseNode node) {
        if (node instanceof StringNode string) {
            return List.of(string.getValue());
        }
        if (node instanceof ListNode list) {
            return list.getElements().stream().filter(StringNode.class::isInstance).map(e -> ((StringNode) e).getValue()).toList();
        }
        return List.of();
    }

    /** {@code ?}: the column's value. */
    private static boolean isValue(BaseNode node) {
        return node instanceof NameRefNode name && "?".equals(name.getText() == null ? null : name.getText().trim());
    }
}
