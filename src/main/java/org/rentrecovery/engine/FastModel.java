package org.rentrecovery.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.api.core.ast.DMNNode;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.api.core.ast.InputDataNode;
import org.kie.dmn.core.ast.DMNBaseNode;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.LiteralExpression;
import org.rentrecovery.engine.FeelLexer.OutsideSubset;

/**
 * One DMN model compiled once for the fast path: its decisions in the order kie-dmn evaluates them
 * ({@code evaluateAll}: the model's decisions in turn, each after the decisions it requires), decision tables as
 * {@link FastTable}s, literal expressions as {@link FeelNode}s, and kie-dmn's type check of every input data node
 * a decision requires ({@link TypeGate}). {@link #compile} answers null for a model with anything outside the
 * subset: that model is always evaluated by kie-dmn.
 */
final class FastModel {
    private static final System.Logger LOG = System.getLogger(FastModel.class.getName());

    /** One decision: a table, or a literal expression with kie-dmn's check of its result. */
    private record Step(String name, FastTable table, FeelNode expression, TypeGate resultGate) {
    }

    private final List<Step> steps;
    /** The inputs a decision requires, each with kie-dmn's check of its type (the same index in both). */
    private final ScopeName[] gatedInputs;
    private final TypeGate[] inputGates;
    private final ScopeName[] decisionNames;

    private FastModel(List<Step> steps, Map<String, TypeGate> inputGates) {
        this.steps = List.copyOf(steps);
        this.gatedInputs = inputGates.keySet().stream().map(ScopeName::new).toArray(ScopeName[]::new);
        this.inputGates = inputGates.values().toArray(TypeGate[]::new);
        Set<String> names = new LinkedHashSet<>();
        steps.forEach(step -> names.add(step.name()));
        this.decisionNames = names.stream().map(ScopeName::new).toArray(ScopeName[]::new);
    }

    /** The fast form of the model, or null (logged once, with the reason) when any part is outside the subset. */
    static FastModel compile(DMNModel model) {
        try {
            return build(model);
        } catch (OutsideSubset | FeelOps.Declined e) {
            LOG.log(System.Logger.Level.INFO, "DMN model " + model.getName() + " is evaluated by kie-dmn: " + e.getMessage());
            return null;
        } catch (RuntimeException e) {
            // Whatever this compiler did not foresee in a model (an empty cell where a text was expected...) must not
            // stop the set: kie-dmn, which checked and compiled it, evaluates it.
            LOG.log(System.Logger.Level.WARNING, "DMN model " + model.getName() + " is evaluated by kie-dmn: the fast"
                    + " evaluator could not compile it", e);
            return null;
        }
    }

    private static FastModel build(DMNModel model) {
        if (!model.getBusinessKnowledgeModels().isEmpty() || !model.getDecisionServices().isEmpty()) {
            throw new OutsideSubset("business knowledge models or decision services");
        }
        Map<String, DMNType> inputTypes = new HashMap<>();
        for (InputDataNode input : model.getInputs()) {
            inputTypes.put(input.getName(), input.getType());
        }
        Map<String, DMNType> decisionTypes = new HashMap<>();
        for (DecisionNode decision : model.getDecisions()) {
            decisionTypes.put(decision.getName(), decision.getResultType());
        }
        FastSources sources = new FastSources(inputTypes, decisionTypes);
        List<Step> steps = new ArrayList<>();
        Map<String, TypeGate> gates = new LinkedHashMap<>();
        Set<String> visited = new LinkedHashSet<>();
        for (DecisionNode decision : model.getDecisions()) {
            visit(decision, visited, steps, gates, sources);
        }
        return new FastModel(steps, gates);
    }

    private static void visit(DecisionNode decision, Set<String> visited, List<Step> steps, Map<String, TypeGate> gates,
            FastSources sources) {
        if (!visited.add(decision.getName())) {
            return;
        }
        for (DMNNode dependency : ((DMNBaseNode) decision).getDependencies().values()) {
            if (dependency instanceof DecisionNode required) {
                visit(required, visited, steps, gates, sources);
            } else if (dependency instanceof InputDataNode input) {
                gates.computeIfAbsent(input.getName(), n -> new TypeGate(input.getType()));
            } else {
                throw new OutsideSubset("a dependency on " + dependency.getName());
            }
        }
        steps.add(step(decision, sources));
    }

    private static Step step(DecisionNode decision, FastSources sources) {
        String name = decision.getName();
        if (!name.equals(decision.getDecision().getVariable().getName())) {
            throw new OutsideSubset("decision " + name + " answers under another name");
        }
        if (decision.getDecision().getExpression() instanceof DecisionTable table) {
            return new Step(name, new FastTable(name, table, decision.getResultType(), sources), null, null);
        }
        if (decision.getDecision().getExpression() instanceof LiteralExpression literal) {
            FastSources.feel(literal.getExpressionLanguage());
            return new Step(name, null, FeelParser.expression(literal.getText()), new TypeGate(decision.getResultType()));
        }
        throw new OutsideSubset("decision " + name + " is neither a decision table nor a literal expression");
    }

    /**
     * Every decision's answer, by name, in evaluation order; the rows selected are added to {@code selected}.
     *
     * @throws FeelOps.Declined when kie-dmn's answer on these inputs is not certain: evaluate with kie-dmn
     */
    Map<String, Object> evaluate(Map<String, Object> inputs, List<RuleTrace.SelectedRow> selected) {
        for (int i = 0; i < inputGates.length; i++) {
            Object value = gatedInputs[i].read(inputs);
            if (value == ScopeName.MISSING) {
                throw FeelOps.decline("input " + gatedInputs[i].name() + " missing");
            }
            if (!inputGates[i].admits(value)) {
                throw FeelOps.decline("input " + gatedInputs[i].name() + " refused by its type");
            }
        }
        for (ScopeName decision : decisionNames) {
            if (decision.read(inputs) != ScopeName.MISSING) {
                throw FeelOps.decline("an input named like decision " + decision.name());
            }
        }
        Map<String, Object> scope = inputs;
        // An InputScope keeps the answers put beside the inputs in order: no second map of them.
        InputScope inputScope = inputs instanceof InputScope s ? s : null;
        Map<String, Object> answers = inputScope == null ? new LinkedHashMap<>() : null;
        for (Step step : steps) {
            Object answer;
            if (step.table() != null) {
                answer = step.table().evaluate(scope, selected);
            } else {
                answer = FastSources.plain(step.expression().eval(scope));
                if (!step.resultGate().admits(answer)) {
                    throw FeelOps.decline(step.name() + " refused by its type");
                }
            }
            scope.put(step.name(), answer);
            if (answers != null) {
                answers.put(step.name(), answer);
            }
        }
        return answers != null ? answers : inputScope.answers();
    }
}
