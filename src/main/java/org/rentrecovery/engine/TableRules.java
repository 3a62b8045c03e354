package org.rentrecovery.engine;

import static org.rentrecovery.engine.VocabularyTypes.allowedNames;
import static org.rentrecovery.engine.VocabularyTypes.constrained;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.OutputClause;

/**
 * The rules every table of the set keeps, whether or not the service evaluates it: a name unique in the
 * set and a stable name for every row (rows are cited {@code Table/row}), and every string output column
 * typed from the vocabulary, with each literal cell within its list.
 */
final class TableRules {
    private final Map<String, DMNModel> models;
    private final ModelLocator locator;
    private final List<ModelProblem> problems;

    TableRules(Map<String, DMNModel> models, ModelLocator locator, List<ModelProblem> problems) {
        this.models = models;
        this.locator = locator;
        this.problems = problems;
    }

    void run() {
        Map<String, String> modelOfTable = new HashMap<>();
        for (ModelLocator.OwnTable own : locator.ownTables(models)) {
            DMNModel model = own.model();
            String tableName = own.decision().getName();
            String other = modelOfTable.putIfAbsent(tableName, model.getName());
            if (other != null) {
                locator.error(problems, model, tableName, null, null, null, "DUPLICATE_TABLE_NAME",
                        "a table named " + tableName + " is also in model " + other
                                + ": rows are cited Table/row, so table names must be unique in the set");
            }
            checkRowNames(model, tableName, own.table());
            checkVocabulary(model, own.decision(), own.table());
        }
    }

    private void checkRowNames(DMNModel model, String tableName, DecisionTable table) {
        int column = TableColumns.rowNameColumn(table);
        if (column < 0) {
            locator.error(problems, model, tableName, null, null, RowNames.COLUMN, "ROW_NAMES_MISSING",
                    "the table needs an annotation column named " + RowNames.COLUMN + " giving every row a stable name"
                            + " (kebab-case, unique in the table): reasons and test suites cite rows by it");
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < table.getRule().size(); i++) {
            String name = TableColumns.rowName(table.getRule().get(i), column);
            if (name == null) {
                locator.error(problems, model, tableName, null, i + 1, RowNames.COLUMN, "ROW_NAME_MISSING",
                        "every row needs a stable name in the " + RowNames.COLUMN + " column (kebab-case, e.g. serve-notice)");
            } else if (!RowNames.valid(name)) {
                locator.error(problems, model, tableName, name, i + 1, RowNames.COLUMN, "ROW_NAME_INVALID",
                        "row name '" + name + "' is not kebab-case (lower-case words joined by '-', e.g. serve-notice)");
            } else {
                Integer first = seen.putIfAbsent(name, i + 1);
                if (first != null) {
                    locator.error(problems, model, tableName, name, i + 1, RowNames.COLUMN, "ROW_NAME_DUPLICATE",
                            "row name '" + name + "' is already used by row " + first + " of this table");
                }
            }
        }
    }

    /**
     * Every string output column is typed from the vocabulary (a list of names, or the vocabulary's
     * types for words people read), and every literal cell of a named column is within its list.
     */
    private void checkVocabulary(DMNModel model, DecisionNode decision, DecisionTable table) {
        for (int c = 0; c < table.getOutput().size(); c++) {
            OutputClause output = table.getOutput().get(c);
            String columnName = output.getName() == null ? decision.getName() : output.getName();
            DMNType type = VocabularyTypes.columnType(decision, table, output);
            if (type == null) {
                continue;
            }
            if (VocabularyTypes.isPlainString(type)) {
                locator.error(problems, model, decision.getName(), null, null, columnName, "COLUMN_NOT_IN_VOCABULARY",
                        columnName + " is a plain string: type it with the vocabulary's list of the names it may hold, or with"
                                + " vocabulary.tText / vocabulary.tReference if it holds words for people");
            } else if (constrained(type)) {
                checkCellsWithin(model, decision.getName(), table, c, columnName, type);
            }
        }
    }

    private void checkCellsWithin(DMNModel model, String tableName, DecisionTable table, int column, String columnName, DMNType type) {
        for (int r = 0; r < table.getRule().size(); r++) {
            OutputCell cell = OutputCell.of(table.getRule().get(r), column);
            String rowName = TableColumns.rowName(table, r + 1);
            if (cell.empty() && !type.isAssignableValue(null)) {
                locator.error(problems, model, tableName, rowName, r + 1, columnName, "EMPTY_VOCABULARY_VALUE",
                        "the cell is empty and the vocabulary's " + type.getName() + " does not allow null: " + allowedNames(type));
            } else if (!cell.isExpression() && cell.value() != null && !type.isAssignableValue(cell.value())) {
                locator.error(problems, model, tableName, rowName, r + 1, columnName, "UNKNOWN_VOCABULARY_VALUE",
                        "'" + cell.value() + "' is not in the vocabulary's " + type.getName() + ": " + allowedNames(type));
            }
        }
    }
}
