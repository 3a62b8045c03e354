package org.rentrecovery.engine;

import static org.rentrecovery.engine.VocabularyTypes.allowedNames;
import static org.rentrecovery.engine.VocabularyTypes.constrained;
import static org.rentrecovery.engine.VocabularyTypes.enumNames;

import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.api.core.ast.InputDataNode;
import org.kie.dmn.model.api.DecisionTable;
import org.rentrecovery.contract.ActionType;

/**
 * Every model the service evaluates is in the set and honours its {@link ModelContract}: the inputs it
 * declares are ones the service supplies, typed to take every value supplied, and every decision the
 * service reads is there, with the hit policy and output columns the code reads it by.
 */
final class ContractChecks {
    private final Map<String, DMNModel> models;
    private final ModelLocator locator;
    private final List<ModelProblem> problems;
    private final ReadableOutputs readable;

    ContractChecks(Map<String, DMNModel> models, ModelLocator locator, List<ModelProblem> problems, Set<String> landlordActions) {
        this.models = models;
        this.locator = locator;
        this.problems = problems;
        this.readable = new ReadableOutputs(locator, problems, landlordActions);
    }

    void check(ModelContract<?> contract) {
        DMNModel model = models.get(contract.model());
        if (model == null) {
            problems.add(new ModelProblem(null, contract.model(), null, null, null, null, ModelProblem.Severity.ERROR,
                    "MODEL_MISSING", "the service evaluates a model named " + contract.model() + " and the set has none"));
            return;
        }
        checkInputs(model, contract);
        for (ModelContract.Output<?> output : contract.outputs()) {
            checkOutput(model, output);
        }
    }

    /** The service offers every input of the contract; a model declares the ones its tables use. */
    private void checkInputs(DMNModel model, ModelContract<?> contract) {
        Set<String> supplied = new HashSet<>();
        for (RecordComponent component : InputComponents.of(contract.inputs())) {
            supplied.add(component.getName());
            InputDataNode input = model.getInputByName(component.getName());
            if (input != null) {
                checkInputType(model, input, component);
            }
        }
        for (InputDataNode input : model.getInputs()) {
            if (model.getNamespace().equals(input.getModelNamespace()) && !supplied.contains(input.getName())) {
                locator.error(problems, model, null, null, null, input.getName(), "INPUT_NOT_SUPPLIED",
                        "input data " + input.getName() + " is not one the service supplies: " + supplied.stream().sorted().toList());
            }
        }
    }

    /**
     * A declared input's type must take every value the service can supply for it: the same FEEL
     * base type, and, for a name from a closed list, every name of that list (the run-time type
     * check would otherwise refuse a live request).
     */
    private void checkInputType(DMNModel model, InputDataNode input, RecordComponent component) {
        DMNType declared = input.getType();
        String supplied = InputTable.dmnType(component.getType());
        String base = VocabularyTypes.baseTypeName(declared);
        if (base != null && !base.equals(supplied)) {
            locator.error(problems, model, null, null, null, input.getName(), "INPUT_TYPE",
                    "input data " + input.getName() + " is typed " + base + "; the service supplies a " + supplied);
            return;
        }
        if (declared != null && constrained(declared) && component.getType().isEnum()) {
            Set<String> missing = new TreeSet<>(enumNames(component.getType()));
            missing.removeAll(allowedNames(declared));
            // Steps only ever in answers or proposals (LANDLORD_ACTION, a section 21 notice) are never supplied to a table.
            ActionType.NEVER_SUPPLIED_TO_TABLES.forEach(never -> missing.remove(never.name()));
            if (!missing.isEmpty()) {
                locator.error(problems, model, null, null, null, input.getName(), "INPUT_TYPE",
                        "input data " + input.getName() + " is typed " + declared.getName() + ", which does not allow " + missing
                                + ": the service may supply any of " + enumNames(component.getType()));
            }
        }
    }

    private void checkOutput(DMNModel model, ModelContract.Output<?> output) {
        DecisionNode decision = model.getDecisionByName(output.decision());
        if (decision == null) {
            locator.error(problems, model, output.decision(), null, null, null, "DECISION_MISSING",
                    "the service reads decision " + output.decision() + " and the model has none");
            return;
        }
        if (output.shape() == ModelContract.Shape.VALUE) {
            return;
        }
        if (!(decision.getDecision().getExpression() instanceof DecisionTable table)) {
            locator.error(problems, model, output.decision(), null, null, null, "NOT_A_DECISION_TABLE",
                    output.decision() + " must be a decision table");
            return;
        }
        checkHitPolicy(model, output, table);
        checkColumns(model, output, table);
    }

    /** The code reads a COLLECT table's rows as a list and any other table's one row as a record ({@link HitPolicies}). */
    private void checkHitPolicy(DMNModel model, ModelContract.Output<?> output, DecisionTable table) {
        HitPolicies.problem(output, table).ifPresent(message ->
                locator.error(problems, model, output.decision(), null, null, null, "HIT_POLICY", message));
    }

    /** Each component of the output record is a column, by name; a single value is the table's only column. */
    private void checkColumns(DMNModel model, ModelContract.Output<?> output, DecisionTable table) {
        Map<String, Integer> columns = new TreeMap<>();
        for (int c = 0; c < table.getOutput().size(); c++) {
            String name = table.getOutput().get(c).getName();
            columns.put(name == null ? output.decision() : name, c);
        }
        if (output.type().isRecord()) {
            for (RecordComponent component : output.type().getRecordComponents()) {
                Integer column = columns.get(component.getName());
                if (column == null) {
                    locator.error(problems, model, output.decision(), null, null, component.getName(), "OUTPUT_MISSING",
                            "the service reads output column " + component.getName() + "; the table has " + columns.keySet());
                } else {
                    readable.check(model, output.decision(), table, column, component);
                }
            }
        } else if (table.getOutput().size() == 1) {
            readable.check(model, output.decision(), table, 0, columns.keySet().iterator().next(), output.type());
        } else {
            locator.error(problems, model, output.decision(), null, null, null, "OUTPUT_SHAPE",
                    "the service reads one value from " + output.decision() + ", which has " + columns.size() + " output columns");
        }
    }
}
