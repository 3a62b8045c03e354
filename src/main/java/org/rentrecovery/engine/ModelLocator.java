package org.rentrecovery.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.Definitions;

/**
 * Where a model of the set came from, so that every problem the set's checks find names the file a
 * policy officer opens; and which decisions a model owns, since an imported model's decisions are
 * visible from the importing one too and would otherwise be checked (and reported) twice.
 */
final class ModelLocator {
    private final Map<Definitions, String> fileOf;

    ModelLocator(Map<Definitions, String> fileOf) {
        this.fileOf = fileOf;
    }

    /** A decision table of the set, with the model that owns it and its decision. */
    record OwnTable(DMNModel model, DecisionNode decision, DecisionTable table) {
    }

    /** Every decision table each model owns, model by model in the map's order, each in its model's order. */
    List<OwnTable> ownTables(Map<String, DMNModel> models) {
        List<OwnTable> tables = new ArrayList<>();
        for (DMNModel model : models.values()) {
            for (DecisionNode decision : model.getDecisions()) {
                if (decision.getDecision().getExpression() instanceof DecisionTable table && own(model, decision)) {
                    tables.add(new OwnTable(model, decision, table));
                }
            }
        }
        return tables;
    }

    private static boolean own(DMNModel model, DecisionNode decision) {
        return decision.getModelNamespace() == null || decision.getModelNamespace().equals(model.getNamespace());
    }

    String file(DMNModel model) {
        String file = fileOf.get(model.getDefinitions());
        return file != null ? file : model.getResource() == null ? null : model.getResource().getSourcePath();
    }

    /** Adds an error located at the model's file, table, row (its stable name and position) and column. */
    void error(List<ModelProblem> problems, DMNModel model, String table, String rowName, Integer row, String column, String code,
            String message) {
        problems.add(new ModelProblem(file(model), model.getName(), table, rowName, row, column, ModelProblem.Severity.ERROR,
                code, message));
    }
}
