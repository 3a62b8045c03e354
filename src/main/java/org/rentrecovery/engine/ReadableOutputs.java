package org.rentrecovery.engine;

import static org.rentrecovery.engine.VocabularyTypes.allowedNames;
import static org.rentrecovery.engine.VocabularyTypes.constrained;
import static org.rentrecovery.engine.VocabularyTypes.enumNames;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.model.api.DecisionTable;
import org.rentrecovery.contract.ActionType;

/**
 * Every cell of a column the service reads can be read as the type the code acts on, so no table that
 * compiles can answer a live request with a name nothing acts on (an HTTP 500 at run time).
 */
final class ReadableOutputs {
    private final ModelLocator locator;
    private final List<ModelProblem> problems;
    /** The landlord's own action codes the set declares ({@link LandlordActionCatalogue}), for columns marked {@link ActionName}. */
    private final Set<String> landlordActions;

    ReadableOutputs(ModelLocator locator, List<ModelProblem> problems, Set<String> landlordActions) {
        this.locator = locator;
        this.problems = problems;
        this.landlordActions = Set.copyOf(landlordActions);
    }

    /** The column a record component is read from, and, for one naming steps, the steps it may name. */
    void check(DMNModel model, String tableName, DecisionTable table, int column, RecordComponent component) {
        check(model, tableName, table, column, component.getName(), component.getType());
        if (component.isAnnotationPresent(ActionName.class)) {
            checkActionNames(model, tableName, table, column, component.getName());
        }
    }

    /**
     * For a column the code reads as an enum: the column's vocabulary holds only names the code acts on
     * (so a computed cell, which the run-time type check keeps within the vocabulary, is safe too), and
     * every literal cell is one. For a number the code needs, no cell is empty.
     */
    void check(DMNModel model, String tableName, DecisionTable table, int column, String columnName, Class<?> type) {
        boolean vocabularySafe = type.isEnum() && vocabularyActionable(model, tableName, table, column, columnName, type);
        for (int r = 0; r < table.getRule().size(); r++) {
            OutputCell cell = OutputCell.of(table.getRule().get(r), column);
            String rowName = TableColumns.rowName(table, r + 1);
            if (cell.empty()) {
                if (type.isPrimitive() || type == BigDecimal.class) {
                    locator.error(problems, model, tableName, rowName, r + 1, columnName, "OUTPUT_EMPTY",
                            "the service needs a value in " + columnName);
                }
            } else if (type.isEnum() && cell.isExpression() && !vocabularySafe) {
                locator.error(problems, model, tableName, rowName, r + 1, columnName, "VOCABULARY_NOT_LITERAL",
                        columnName + " must be a quoted name the service acts on, not " + cell.text());
            } else if (type.isEnum() && !cell.isExpression() && !enumNames(type).contains(cell.value())) {
                locator.error(problems, model, tableName, rowName, r + 1, columnName, "UNKNOWN_NAME",
                        "'" + cell.value() + "' is not a " + type.getSimpleName() + " the service can act on: " + enumNames(type));
            }
        }
    }

    /** Whether the column's vocabulary lists only names of the enum; reports why not. */
    private boolean vocabularyActionable(DMNModel model, String tableName, DecisionTable table, int column, String columnName,
            Class<?> type) {
        DMNType columnType = VocabularyTypes.columnType(model.getDecisionByName(tableName), table, table.getOutput().get(column));
        if (columnType == null || !constrained(columnType)) {
            locator.error(problems, model, tableName, null, null, columnName, "COLUMN_NOT_IN_VOCABULARY",
                    columnName + " names a " + type.getSimpleName() + ": type it with the vocabulary's list of them");
            return false;
        }
        List<String> allowed = allowedNames(columnType);
        List<String> unknown = new ArrayList<>(allowed);
        unknown.removeAll(enumNames(type));
        if (allowed.isEmpty()) {
            locator.error(problems, model, tableName, null, null, columnName, "COLUMN_NOT_IN_VOCABULARY",
                    "the vocabulary's " + columnType.getName() + " must list the names as quoted strings");
            return false;
        }
        if (!unknown.isEmpty()) {
            locator.error(problems, model, tableName, null, null, columnName, "VOCABULARY_NOT_ACTIONABLE",
                    "the vocabulary's " + columnType.getName() + " allows " + unknown + ", which the service cannot act on"
                            + " as a " + type.getSimpleName() + ": " + enumNames(type));
            return false;
        }
        return true;
    }

    /** A column naming steps holds only the service's actions and the landlord's declared codes. */
    private void checkActionNames(DMNModel model, String tableName, DecisionTable table, int column, String columnName) {
        DMNType columnType = VocabularyTypes.columnType(model.getDecisionByName(tableName), table, table.getOutput().get(column));
        if (columnType == null || !constrained(columnType)) {
            locator.error(problems, model, tableName, null, null, columnName, "COLUMN_NOT_IN_VOCABULARY",
                    columnName + " names steps: type it with the vocabulary's " + LandlordActionCatalogue.LADDER_ACTION_TYPE);
            return;
        }
        Set<String> known = new TreeSet<>(landlordActions);
        for (ActionType type : ActionType.values()) {
            if (type != ActionType.LANDLORD_ACTION) {
                known.add(type.name());
            }
        }
        for (int r = 0; r < table.getRule().size(); r++) {
            if (OutputCell.of(table.getRule().get(r), column).empty()) {
                locator.error(problems, model, tableName, TableColumns.rowName(table, r + 1), r + 1, columnName, "OUTPUT_EMPTY",
                        "every row names its step: NO_ACTION when there is nothing to do");
            }
        }
        List<String> unknown = allowedNames(columnType).stream().filter(name -> !known.contains(name)).toList();
        if (!unknown.isEmpty()) {
            locator.error(problems, model, tableName, null, null, columnName, "UNKNOWN_ACTION", "the column's type "
                    + columnType.getName() + " allows " + unknown + ", which are neither the service's actions nor codes declared"
                    + " with a category in " + LandlordActionCatalogue.MODEL + "/" + LandlordActionCatalogue.TABLE
                    + " (decision-tables/landlord-actions.dmn)");
        }
    }
}
