package org.rentrecovery.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.core.ast.DMNBaseNode;
import org.kie.dmn.feel.FEEL;
import org.kie.dmn.feel.lang.CompilerContext;
import org.kie.dmn.feel.lang.types.BuiltInType;
import org.kie.dmn.feel.runtime.events.UnknownVariableErrorEvent;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;

/**
 * Every name an input cell uses ({@code >= weeklyRent}) is one the table can see: an input or
 * decision its decision requires. The DMN compiler refuses an unknown name in an input expression
 * or an output cell, but lets one through in an input cell, where it would only fail on a live
 * case; so a misspelt name is refused at build and upload, naming model, table, row and column.
 */
final class CellNames {
    private final Map<String, DMNModel> models;
    private final ModelSetChecks checks;
    private final FEEL feel = FEEL.newInstance(CellNames.class.getClassLoader(), List.of());
    private final List<Object> unknown = new ArrayList<>();

    CellNames(Map<String, DMNModel> models, ModelSetChecks checks) {
        this.models = models;
        this.checks = checks;
        feel.addListener(event -> {
            if (event instanceof UnknownVariableErrorEvent u) {
                unknown.add(u.getOffendingSymbol());
            }
        });
    }

    List<ModelProblem> run() {
        List<ModelProblem> problems = new ArrayList<>();
        for (DMNModel model : models.values()) {
            for (DecisionNode decision : model.getDecisions()) {
                if (decision.getDecision().getExpression() instanceof DecisionTable table && checks.own(model, decision)) {
                    checkTable(model, decision, table, problems);
                }
            }
        }
        return problems;
    }

    private void checkTable(DMNModel model, DecisionNode decision, DecisionTable table, List<ModelProblem> problems) {
        Set<String> scope = new LinkedHashSet<>();
        if (decision instanceof DMNBaseNode node) {
            // The names the decision requires (its information requirements), as a cell may write them.
            scope.addAll(node.getDependencies().keySet());
            node.getDependencies().values().forEach(required -> scope.add(required.getName()));
        } else {
            return;
        }
        for (int r = 0; r < table.getRule().size(); r++) {
            DecisionRule rule = table.getRule().get(r);
            for (int c = 0; c < rule.getInputEntry().size() && c < table.getInput().size(); c++) {
                String text = rule.getInputEntry().get(c).getText();
                List<Object> names = unknownNames(text, scope);
                if (!names.isEmpty()) {
                    String column = table.getInput().get(c).getLabel() != null ? table.getInput().get(c).getLabel()
                            : table.getInput().get(c).getInputExpression().getText();
                    problems.add(new ModelProblem(checks.file(model), model.getName(), decision.getName(),
                            TableColumns.rowName(table, r + 1), r + 1, column, ModelProblem.Severity.ERROR, "UNKNOWN_NAME_IN_CELL",
                            "the cell '" + text.trim() + "' names " + names + ", which this table cannot see: it can use the inputs and"
                                    + " decisions its decision requires " + scope.stream().sorted().toList()
                                    + " (add an information requirement, or correct the spelling: docs/ladder-inputs.md)"));
                }
            }
        }
    }

    private List<Object> unknownNames(String text, Set<String> scope) {
        if (text == null || text.isBlank() || text.trim().equals("-")) {
            return List.of();
        }
        unknown.clear();
        CompilerContext context = feel.newCompilerContext();
        scope.forEach(name -> context.addInputVariableType(name, BuiltInType.UNKNOWN));
        context.addInputVariableType("?", BuiltInType.UNKNOWN);
        try {
            feel.processUnaryTests(text, context);
        } catch (RuntimeException e) {
            // A cell FEEL cannot read at all is the DMN validation's to report, not this check's.
            return List.of();
        }
        return List.copyOf(unknown);
    }
}
