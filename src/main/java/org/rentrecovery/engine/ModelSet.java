package org.rentrecovery.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.rentrecovery.contract.ActionCategory;
import org.rentrecovery.contract.ActionType;

/**
 * A compiled, checked and immutable set of DMN models: one policy version. Built only by
 * {@link ModelSetCompiler}; evaluation reuses the compiled runtime (thread-safe), so a decision
 * compiles nothing and registers nothing.
 */
public final class ModelSet {

    /** One decision table: its model, file and its rows' stable names in table order. */
    public record Table(String model, String file, String name, List<String> rowNames) {
        public int rows() {
            return rowNames.size();
        }
    }

    private final String versionId;
    private final Map<String, byte[]> files;
    private final DMNRuntime runtime;
    private final Map<String, DMNModel> modelsByName;
    private final Map<String, String[]> rowNamesByTable;
    private final List<Table> tables;
    private final List<ModelProblem> warnings;
    private final Map<String, ActionCategory> landlordActions;
    /** Per model, a digest of its file and every file it imports: equal digests evaluate alike, whatever the set. */
    private final Map<String, String> contentByModel;
    /** The models whose every table and expression is in the fast evaluator's subset (the rest: kie-dmn only). */
    private final Map<String, FastModel> fastModels;
    /** Per model, the groups of a contract's inputs it declares any input of. */
    private final Map<String, InputGroups> groupsByModel;
    /** Per model asked about, where its rows' reasons point ({@link #reference}); one own page per model. */
    private final Map<String, String> referenceByModel = new java.util.concurrent.ConcurrentHashMap<>();
    /** Each row's own note ({@link RowNotes}), by {@code Table/row-name}. */
    private final Map<String, String> rowNotes;

    ModelSet(String versionId, Map<String, byte[]> files, DMNRuntime runtime, Map<String, DMNModel> modelsByName,
            List<Table> tables, List<ModelProblem> warnings, Map<String, ActionCategory> landlordActions) {
        this(versionId, files, runtime, modelsByName, tables, warnings, landlordActions, FastModels.compile(modelsByName));
    }

    private ModelSet(String versionId, Map<String, byte[]> files, DMNRuntime runtime, Map<String, DMNModel> modelsByName,
            List<Table> tables, List<ModelProblem> warnings, Map<String, ActionCategory> landlordActions,
            Map<String, FastModel> fastModels) {
        this.fastModels = fastModels;
        this.landlordActions = Map.copyOf(landlordActions);
        this.versionId = versionId;
        Map<String, byte[]> copy = new TreeMap<>();
        files.forEach((path, bytes) -> copy.put(path, bytes.clone()));
        this.files = Collections.unmodifiableMap(copy);
        this.runtime = runtime;
        this.modelsByName = Map.copyOf(modelsByName);
        Map<String, String[]> names = new TreeMap<>();
        tables.forEach(t -> names.put(t.name(), t.rowNames().toArray(String[]::new)));
        this.rowNamesByTable = names;
        this.tables = List.copyOf(tables);
        this.warnings = List.copyOf(warnings);
        this.contentByModel = ModelContent.digests(this.modelsByName, this.files);
        Map<String, InputGroups> groups = new TreeMap<>();
        this.modelsByName.forEach((name, model) -> groups.put(name,
                InputGroups.declaring(model.getInputs().stream().map(org.kie.dmn.api.core.ast.InputDataNode::getName).toList())));
        this.groupsByModel = groups;
        this.rowNotes = RowNotes.of(this.modelsByName.values());
    }

    /** The same compiled models under another version id (the classpath seed, labelled per deployment). */
    ModelSet relabelled(String otherVersionId) {
        return new ModelSet(otherVersionId, files, runtime, modelsByName, tables, warnings, landlordActions, fastModels);
    }

    /** The label it was compiled under: the policy version id. */
    public String versionId() {
        return versionId;
    }

    /** The files as uploaded (byte for byte, DMN 1.6 namespaces included), by relative path. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> copy = new TreeMap<>();
        files.forEach((path, bytes) -> copy.put(path, bytes.clone()));
        return copy;
    }

    /** What the checks found that does not stop the set being used (e.g. a gap in a FIRST table). */
    public List<ModelProblem> warnings() {
        return warnings;
    }

    /**
     * The landlord's own action codes this set declares, with the category each is judged by
     * (decision-tables/landlord-actions.dmn); checked at compile, so every code a table can output is here.
     */
    public Map<String, ActionCategory> landlordActions() {
        return landlordActions;
    }

    /** The category of a step a table named: the service's own action's, or the landlord's declaration; null if neither. */
    public ActionCategory categoryOf(String code) {
        for (ActionType type : ActionType.values()) {
            if (type != ActionType.LANDLORD_ACTION && type.name().equals(code)) {
                return type.category();
            }
        }
        return landlordActions.get(code);
    }

    /** Every decision table in the set, by file then name. */
    public List<Table> tables() {
        return tables;
    }

    /**
     * What a row says about itself in its first annotation column after its name ("Why this row"), or null when
     * its table has no such column or the cell is empty.
     *
     * @param citedRow {@code Table/row-name}, as an evaluation's rows are cited
     */
    public String rowNote(String citedRow) {
        return rowNotes.get(citedRow);
    }

    /**
     * Where a reason from one of the contract's model's rows points a reader: the project's own page on it
     * ({@code ownPage}) while the model's file is the packaged one byte for byte, else this version's file, which is then
     * the landlord's own policy (e.g. {@code policy 2026.12.06-1: escalation/escalation-ladder.dmn}).
     */
    public String reference(ModelContract<?> contract, String ownPage) {
        return referenceByModel.computeIfAbsent(contract.model(), model -> {
            String file = tables.stream().filter(t -> t.model().equals(model)).map(Table::file).findFirst().orElse(null);
            return file == null || java.util.Arrays.equals(files.get(file), PackagedModels.file(file)) ? ownPage
                    : "policy " + versionId + ": " + file;
        });
    }

    /** Evaluates the contract's model on the inputs; the answer carries the rows selected, by name. */
    public <I extends Record> Evaluation evaluate(ModelContract<I> contract, I inputs) {
        DMNModel model = modelsByName.get(contract.model());
        if (model == null) {
            // The compiler checks every contract, so only a contract it never saw can get here.
            throw new PolicyEvaluationException("policy " + versionId + " has no model " + contract.model());
        }
        SharedEvaluations.Key key = SharedEvaluations.key(contentByModel.get(contract.model()), contract.model(), inputs);
        Evaluation shared = SharedEvaluations.find(key);
        if (shared != null) {
            RuleTrace.endEvaluation(RuleTrace.beginEvaluation(null), shared.rowsSelected());
            return shared;
        }
        Evaluation evaluation = FastModels.evaluate(fastModels.get(contract.model()), inputs, contract.model(), this::fastEvaluation);
        if (evaluation == null) {
            evaluation = byKie(model, contract.model(), inputs);
        } else if (FastModels.crossCheck != null) {
            FastModels.crossCheck.compare(model, evaluation, byKie(model, contract.model(), inputs));
        }
        SharedEvaluations.keep(key, evaluation);
        return evaluation;
    }

    /** Which groups of the contract's inputs its model reads: the others need not be built for {@link #evaluate}. */
    public InputGroups inputGroups(ModelContract<?> contract) {
        return groupsByModel.getOrDefault(contract.model(), InputGroups.ALL);
    }

    /** The compiled model of that name, or null. */
    DMNModel model(String name) {
        return modelsByName.get(name);
    }

    /** The models the fast evaluator handles (the others are evaluated by kie-dmn only). */
    java.util.Set<String> fastModels() {
        return fastModels.keySet();
    }

    /** The fast path's answers as an evaluation, its rows reported to a trace in progress as kie-dmn's would be. */
    private Evaluation fastEvaluation(String modelName, Map<String, Object> answers, List<RuleTrace.SelectedRow> selected) {
        List<RuleTrace.Hit> named = name(selected);
        RuleTrace.endEvaluation(RuleTrace.beginEvaluation(null), named);
        return new Evaluation(versionId, modelName, DecisionResults.of(answers), named);
    }

    /** The reference evaluation: kie-dmn, with run-time type checking, the rows from its own events. */
    Evaluation byKie(DMNModel model, String modelName, Record inputs) {
        DMNContext context = runtime.newContext();
        RecordMapping.write(inputs, context);
        List<RuleTrace.SelectedRow> selected = RuleTrace.newRowList();
        List<RuleTrace.SelectedRow> previous = RuleTrace.beginEvaluation(selected);
        List<RuleTrace.Hit> named = List.of();
        DMNResult result;
        try {
            result = runtime.evaluateAll(model, context);
            named = name(selected);
        } finally {
            RuleTrace.endEvaluation(previous, named);
        }
        // A failed decision is not thrown: each output the capability reads from it answers its safe value (Evaluation).
        return new Evaluation(versionId, modelName, DecisionResults.of(result), named);
    }

    /**
     * Runs the work with this thread's evaluations shared by content: while it runs, a model evaluated again on
     * the same inputs, in any set whose file (and imports) are byte-for-byte the same, answers the first
     * evaluation. For comparing two versions of a policy on one case (impact, draft suites): the second
     * decision re-evaluates only the models that differ, and its answer is the one it would have had alone.
     */
    public static <T> T sharingEvaluations(java.util.function.Supplier<T> work) {
        return SharedEvaluations.within(work);
    }

    private List<RuleTrace.Hit> name(List<RuleTrace.SelectedRow> selected) {
        List<RuleTrace.Hit> hits = new ArrayList<>(selected.size());
        for (RuleTrace.SelectedRow row : selected) {
            String[] names = rowNamesByTable.get(row.table());
            // Every table of the set has its rows named (checked at compile); a table of a model outside
            // the set cannot report here, so the fallback only keeps the trace total.
            String name = names != null && row.index() >= 1 && row.index() <= names.length ? names[row.index() - 1]
                    : "row-" + row.index();
            hits.add(RuleTrace.Hit.tableRow(row.table(), name));
        }
        return hits;
    }

    @Override
    public String toString() {
        return "ModelSet[" + versionId + ", " + modelsByName.keySet() + "]";
    }
}
