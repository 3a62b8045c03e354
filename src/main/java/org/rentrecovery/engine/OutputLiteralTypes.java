package org.rentrecovery.engine;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.model.api.DecisionTable;

/**
 * Every literal cell of a column the service reads is of the kind it reads: a number where it reads a
 * number (a priority, days, an amount), {@code true} or {@code false} where it reads a yes or no, and
 * quoted words where it reads words. A cell such as {@code "one"} in a number column compiles, and
 * would only fail on the cases meeting its row; it is refused here, at its row and column.
 */
final class OutputLiteralTypes {
    private final Map<String, DMNModel> models;
    private final ModelLocator locator;

    OutputLiteralTypes(Map<String, DMNModel> models, ModelLocator locator) {
        this.models = models;
        this.locator = locator;
    }

    List<ModelProblem> run(List<ModelContract<?>> contracts) {
        List<ModelProblem> problems = new ArrayList<>();
        for (ModelContract<?> contract : contracts) {
            DMNModel model = models.get(contract.model());
            for (ModelContract.Output<?> output : contract.outputs()) {
                DecisionNode decision = model == null ? null : model.getDecisionByName(output.decision());
                if (decision != null && decision.getDecision().getExpression() instanceof DecisionTable table
                        && output.type().isRecord()) {
                    for (RecordComponent component : output.type().getRecordComponents()) {
                        check(model, output.decision(), table, component, problems);
                    }
                }
            }
        }
        return problems;
    }

    private void check(DMNModel model, String tableName, DecisionTable table, RecordComponent component, List<ModelProblem> problems) {
        int column = -1;
        for (int c = 0; c < table.getOutput().size(); c++) {
            if (component.getName().equals(table.getOutput().get(c).getName())) {
                column = c;
            }
        }
        String wanted = kind(component.getType());
        if (column < 0 || wanted == null) {
            return;
        }
        for (int r = 0; r < table.getRule().size(); r++) {
            OutputCell cell = OutputCell.of(table.getRule().get(r), column);
            String found = cell.isExpression() || cell.value() == null ? null
                    : cell.text().startsWith("\"") ? "words" : cell.text().equals("true") || cell.text().equals("false") ? "yes or no" : "a number";
            if (found != null && found.equals(wanted) && wholeNumber(component.getType()) && !fitsWholeNumber(cell.text())) {
                problems.add(new ModelProblem(locator.file(model), model.getName(), tableName, TableColumns.rowName(table, r + 1), r + 1,
                        component.getName(), ModelProblem.Severity.ERROR, "OUTPUT_TYPE", "the service reads " + component.getName()
                                + " as a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ", and this cell holds " + cell.text()));
            } else if (found != null && !found.equals(wanted)) {
                problems.add(new ModelProblem(locator.file(model), model.getName(), tableName, TableColumns.rowName(table, r + 1), r + 1,
                        component.getName(), ModelProblem.Severity.ERROR, "OUTPUT_TYPE", "the service reads " + component.getName()
                                + " as " + wanted + ", and this cell holds " + found + ": " + cell.text()));
            }
        }
    }

    private static boolean wholeNumber(Class<?> type) {
        return type == Integer.class || type == int.class;
    }

    /** A literal the service can read as an int (a stage, a priority, days): no fraction, not too large. */
    private static boolean fitsWholeNumber(String text) {
        try {
            new BigDecimal(text).intValueExact();
            return true;
        } catch (ArithmeticException | NumberFormatException e) {
            return false;
        }
    }

    /** What kind of literal a Java type is read from; null when any will do. */
    private static String kind(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "yes or no";
        }
        return type == String.class || type.isEnum() ? "words" : null;
    }
}
