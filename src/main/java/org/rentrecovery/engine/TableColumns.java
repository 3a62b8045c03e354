package org.rentrecovery.engine;

import java.util.List;

import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.InputClause;
import org.kie.dmn.model.api.RuleAnnotation;
import org.kie.dmn.model.api.RuleAnnotationClause;

/** Names of a decision table's columns and rows, as a policy officer sees them in the editor. */
final class TableColumns {
    private TableColumns() {
    }

    static String inputName(InputClause input) {
        if (input.getLabel() != null && !input.getLabel().isBlank()) {
            return input.getLabel();
        }
        return input.getInputExpression() == null ? null : input.getInputExpression().getText();
    }

    /** Replaces a positional "input N" / "output N" with the column's name. */
    static String resolve(DecisionTable table, DecisionRule rule, String column) {
        if (column == null) {
            return null;
        }
        try {
            if (column.startsWith("input ")) {
                return inputName(table.getInput().get(Integer.parseInt(column.substring(6)) - 1));
            }
            if (column.startsWith("output ")) {
                return table.getOutput().get(Integer.parseInt(column.substring(7)) - 1).getName();
            }
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            return column;
        }
        return column;
    }

    /** Index of the table's {@code rule} annotation column, or -1. */
    static int rowNameColumn(DecisionTable table) {
        List<RuleAnnotationClause> annotations = table.getAnnotation();
        for (int i = 0; i < annotations.size(); i++) {
            if (RowNames.COLUMN.equals(annotations.get(i).getName())) {
                return i;
            }
        }
        return -1;
    }

    /** The stable name of the 1-based row, or null if it has none. */
    static String rowName(DecisionTable table, int row) {
        int column = rowNameColumn(table);
        if (column < 0 || row < 1 || row > table.getRule().size()) {
            return null;
        }
        return rowName(table.getRule().get(row - 1), column);
    }

    static String rowName(DecisionRule rule, int column) {
        List<RuleAnnotation> entries = rule.getAnnotationEntry();
        if (column >= entries.size() || entries.get(column).getText() == null) {
            return null;
        }
        String text = entries.get(column).getText().trim();
        return text.isEmpty() ? null : text;
    }
}
