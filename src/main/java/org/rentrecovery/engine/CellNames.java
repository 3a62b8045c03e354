package org.rentrecovery.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.core.ast.DMNBaseNode;
import org.kie.dmn.feel.lang.ast.ASTNode;
import org.kie.dmn.feel.lang.ast.ContextNode;
import org.kie.dmn.feel.lang.ast.FilterExpressionNode;
import org.kie.dmn.feel.lang.ast.ForExpressionNode;
import org.kie.dmn.feel.lang.ast.FunctionDefNode;
import org.kie.dmn.feel.lang.ast.FunctionInvocationNode;
import org.kie.dmn.feel.lang.ast.NameRefNode;
import org.kie.dmn.feel.lang.ast.PathExpressionNode;
import org.kie.dmn.feel.lang.ast.QualifiedNameNode;
import org.kie.dmn.feel.lang.ast.QuantifiedExpressionNode;
import org.kie.dmn.feel.lang.ast.RangeNode;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;

/**
 * Every name an input cell uses ({@code >= weeklyRent}) is one the table can see: an input or
 * decision its decision requires. kie-dmn compiles a single unknown name in an input cell without a
 * word (it is only looked up, and found missing, on a live case, where the cell then never matches),
 * so a misspelt or unrequired name is refused at build and upload, naming model, table, row and column.
 * The cell is parsed with kie-dmn's own FEEL parser and its names read from the syntax tree; a part of
 * the cell that binds names of its own (a filter's item fields, for, some/every, a context, a function)
 * is not checked, so the check never refuses a valid cell.
 */
final class CellNames {
    private final Map<String, DMNModel> models;
    private final ModelLocator locator;
    private final CellSyntax syntax;

    /** @param syntax the cells' trees, kept for the checks after this one ({@link CellValues}) */
    CellNames(Map<String, DMNModel> models, ModelLocator locator, CellSyntax syntax) {
        this.models = models;
        this.locator = locator;
        this.syntax = syntax;
    }

    List<ModelProblem> run() {
        List<ModelProblem> problems = new ArrayList<>();
        for (ModelLocator.OwnTable own : locator.ownTables(models)) {
            if (own.decision() instanceof DMNBaseNode node) {
                checkTable(own.model(), own.decision(), node, own.table(), problems);
            }
        }
        return problems;
    }

    private void checkTable(DMNModel model, DecisionNode decision, DMNBaseNode node, DecisionTable table, List<ModelProblem> problems) {
        Set<String> scope = CellSyntax.scope(node);
        for (int r = 0; r < table.getRule().size(); r++) {
            DecisionRule rule = table.getRule().get(r);
            if (rule.getInputEntry().size() != table.getInput().size() || rule.getOutputEntry().size() != table.getOutput().size()) {
                problems.add(new ModelProblem(locator.file(model), model.getName(), decision.getName(), TableColumns.rowName(table, r + 1),
                        r + 1, null, ModelProblem.Severity.ERROR, "ROW_CELLS", "the row has " + rule.getInputEntry().size() + " input and "
                                + rule.getOutputEntry().size() + " output cells, and the table " + table.getInput().size() + " input and "
                                + table.getOutput().size() + " output columns: every row has one cell per column ('-' for any value)"));
                continue;
            }
            for (int c = 0; c < table.getInput().size(); c++) {
                String text = rule.getInputEntry().get(c).getText();
                List<String> names = unknownNames(syntax.of(rule.getInputEntry().get(c), scope), scope);
                if (names == null) {
                    problems.add(new ModelProblem(locator.file(model), model.getName(), decision.getName(), TableColumns.rowName(table, r + 1),
                            r + 1, TableColumns.inputName(table.getInput().get(c)), ModelProblem.Severity.ERROR, "CELL_UNREADABLE",
                            "the cell '" + text.trim() + "' is not a FEEL test (e.g. >= 4, [1..4), \"BROKEN\", not(\"NONE\"), - for any value)"));
                } else if (!names.isEmpty()) {
                    problems.add(new ModelProblem(locator.file(model), model.getName(), decision.getName(),
                            TableColumns.rowName(table, r + 1), r + 1, TableColumns.inputName(table.getInput().get(c)),
                            ModelProblem.Severity.ERROR, "UNKNOWN_NAME_IN_CELL", "the cell '" + text.trim() + "' names " + names
                                    + ", which this table cannot see: it can use the inputs and decisions its decision requires "
                                    + scope.stream().sorted().toList()
                                    + " (add an information requirement, or correct the spelling: docs/ladder-inputs.md)"));
                }
            }
        }
    }

    /** The names the cell uses that are not in scope; null when FEEL cannot read the cell at all. */
    static List<String> unknownNames(CellSyntax.Parsed cell, Set<String> scope) {
        if (cell.syntaxError()) {
            return null;
        }
        if (cell.root() == null) {
            return List.of();
        }
        try {
            if (comparesWithATest(cell.root())) {
                return null;
            }
            List<String> unknown = new ArrayList<>();
            walk(cell.root(), scope, unknown);
            return unknown;
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /**
     * A comparison or range whose end is itself a test ({@code >>= 1} read as {@code > (>= 1)}, {@code >= [1..2]}): the
     * parser accepts it without a syntax error, but a value is never compared with a test, so the cell never matches.
     */
    private static boolean comparesWithATest(ASTNode node) {
        if (node == null) {
            return false;
        }
        if (node instanceof RangeNode range && (range.getStart() instanceof RangeNode || range.getEnd() instanceof RangeNode)) {
            return true;
        }
        for (ASTNode child : node.getChildrenNode()) {
            if (comparesWithATest(child)) {
                return true;
            }
        }
        return false;
    }

    private static void walk(ASTNode node, Set<String> scope, List<String> unknown) {
        if (node == null) {
            return;
        }
        if (node instanceof NameRefNode name) {
            String text = name.getText() == null ? "" : name.getText().trim();
            if (!text.equals("?") && !scope.contains(text)) {
                unknown.add(text);
            }
        } else if (node instanceof QualifiedNameNode qualified) {
            String first = qualified.getPartsAsStringArray()[0];
            String whole = String.join(".", qualified.getPartsAsStringArray());
            if (!scope.contains(first) && !scope.contains(whole) && scope.stream().noneMatch(n -> n.startsWith(first + "."))) {
                unknown.add(whole);
            }
        } else if (node instanceof PathExpressionNode path) {
            walk(path.getExpression(), scope, unknown); // the part after the dot names a field, not a variable
        } else if (node instanceof FunctionInvocationNode call) {
            walk(call.getParams(), scope, unknown); // the function's own name is not a variable
        } else if (node instanceof FilterExpressionNode filter) {
            walk(filter.getExpression(), scope, unknown); // the filter reads the items' fields
        } else if (!(node instanceof ForExpressionNode || node instanceof QuantifiedExpressionNode || node instanceof ContextNode
                || node instanceof FunctionDefNode)) {
            for (ASTNode child : node.getChildrenNode()) {
                walk(child, scope, unknown);
            }
        }
    }
}
