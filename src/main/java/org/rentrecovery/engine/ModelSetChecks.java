package org.rentrecovery.engine;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.api.core.ast.InputDataNode;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.Definitions;
import org.kie.dmn.model.api.HitPolicy;
import org.kie.dmn.model.api.LiteralExpression;
import org.kie.dmn.model.api.OutputClause;

/**
 * The model set's own rules, beyond what DMN validates: every row has a stable name, unique in its
 * table; every table name is unique in the set (rows are cited {@code Table/row}); every model the
 * service evaluates is there with the inputs it supplies and the outputs it reads; and every output
 * cell naming something (a step, an action, a team, a tenancy type, a reason) names it within its
 * column's vocabulary (the item definition's {@code allowedValues}) and within what the code can act on.
 */
final class ModelSetChecks {
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Map<String, DMNModel> models;
    private final Map<Definitions, String> fileOf;
    private final List<ModelProblem> problems = new ArrayList<>();

    private Set<String> landlordActions = Set.of();

    ModelSetChecks(Map<String, DMNModel> models, Map<Definitions, String> fileOf) {
        this.models = models;
        this.fileOf = fileOf;
    }

    /** The landlord's own action codes the set declares ({@link LandlordActionCatalogue}), for columns marked {@link ActionName}. */
    void landlordActions(Set<String> codes) {
        this.landlordActions = Set.copyOf(codes);
    }

    /** Every decision table with its rows' names (run after the checks, so every row has one). */
    List<ModelSet.Table> tables() {
        List<ModelSet.Table> tables = new ArrayList<>();
        for (DMNModel model : models.values()) {
            for (DecisionNode decision : model.getDecisions()) {
                if (decision.getDecision().getExpression() instanceof DecisionTable table && own(model, decision)) {
                    List<String> names = new ArrayList<>();
                    int column = TableColumns.rowNameColumn(table);
                    for (int i = 0; i < table.getRule().size(); i++) {
                        String name = column < 0 ? null : TableColumns.rowName(table.getRule().get(i), column);
                        names.add(name == null ? "row-" + (i + 1) : name);
                    }
                    tables.add(new ModelSet.Table(model.getName(), file(model), decision.getName(), List.copyOf(names)));
                }
            }
        }
        tables.sort(Comparator.comparing((ModelSet.Table t) -> String.valueOf(t.file())).thenComparing(ModelSet.Table::name));
        return tables;
    }

    List<ModelProblem> run(List<ModelContract<?>> contracts) {
        checkTables();
        contracts.forEach(this::checkContract);
        return problems;
    }

    private void checkTables() {
        Map<String, String> modelOfTable = new HashMap<>();
        for (DMNModel model : models.values()) {
            for (DecisionNode decision : model.getDecisions()) {
                if (!(decision.getDecision().getExpression() instanceof DecisionTable table) || !own(model, decision)) {
                    continue;
                }
                String other = modelOfTable.putIfAbsent(decision.getName(), model.getName());
                if (other != null) {
                    error(model, decision.getName(), null, null, null, "DUPLICATE_TABLE_NAME",
                            "a table named " + decision.getName() + " is also in model " + other
                                    + ": rows are cited Table/row, so table names must be unique in the set");
                }
                checkRowNames(model, decision.getName(), table);
                checkVocabulary(model, decision, table);
            }
        }
    }

    private void checkRowNames(DMNModel model, String tableName, DecisionTable table) {
        int column = TableColumns.rowNameColumn(table);
        if (column < 0) {
            error(model, tableName, null, null, RowNames.COLUMN, "ROW_NAMES_MISSING",
                    "the table needs an annotation column named " + RowNames.COLUMN + " giving every row a stable name"
                            + " (kebab-case, unique in the table): reasons and test suites cite rows by it");
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < table.getRule().size(); i++) {
            String name = TableColumns.rowName(table.getRule().get(i), column);
            if (name == null) {
                error(model, tableName, null, i + 1, RowNames.COLUMN, "ROW_NAME_MISSING",
                        "every row needs a stable name in the " + RowNames.COLUMN + " column (kebab-case, e.g. serve-notice)");
            } else if (!RowNames.valid(name)) {
                error(model, tableName, name, i + 1, RowNames.COLUMN, "ROW_NAME_INVALID",
                        "row name '" + name + "' is not kebab-case (lower-case words joined by '-', e.g. serve-notice)");
            } else {
                Integer first = seen.putIfAbsent(name, i + 1);
                if (first != null) {
                    error(model, tableName, name, i + 1, RowNames.COLUMN, "ROW_NAME_DUPLICATE",
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
            DMNType type = columnType(decision, table, output);
            if (type == null) {
                continue;
            }
            if (isPlainString(type)) {
                error(model, decision.getName(), null, null, columnName, "COLUMN_NOT_IN_VOCABULARY",
                        columnName + " is a plain string: type it with the vocabulary's list of the names it may hold, or with"
                                + " vocabulary.tText / vocabulary.tReference if it holds words for people");
                continue;
            }
            if (!constrained(type)) {
                continue;
            }
            for (int r = 0; r < table.getRule().size(); r++) {
                Cell cell = cell(table.getRule().get(r), c);
                if (!cell.isExpression() && cell.value() == null && !type.isAssignableValue(null)) {
                    error(model, decision.getName(), rowName(table, r), r + 1, columnName, "EMPTY_VOCABULARY_VALUE",
                            "the cell is empty and the vocabulary's " + type.getName() + " does not allow null: "
                                    + allowedNames(type));
                } else if (!cell.isExpression() && cell.value() != null && !type.isAssignableValue(cell.value())) {
                    error(model, decision.getName(), rowName(table, r), r + 1, columnName, "UNKNOWN_VOCABULARY_VALUE",
                            "'" + cell.value() + "' is not in the vocabulary's " + type.getName() + ": "
                                    + allowedNames(type));
                }
            }
        }
    }

    private static boolean isPlainString(DMNType type) {
        return "string".equals(type.getName()) && !constrained(type);
    }

    private static boolean constrained(DMNType type) {
        return type.getAllowedValues() != null && !type.getAllowedValues().isEmpty();
    }

    /** The names an allowedValues list holds, read from its unary tests ({@code "A","B"}). */
    static List<String> allowedNames(DMNType type) {
        List<String> names = new ArrayList<>();
        if (!constrained(type)) {
            return names;
        }
        for (var test : type.getAllowedValues()) {
            Matcher m = STRING_LITERAL.matcher(test.toString());
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private void checkContract(ModelContract<?> contract) {
        DMNModel model = models.get(contract.model());
        if (model == null) {
            problems.add(new ModelProblem(null, contract.model(), null, null, null, null, ModelProblem.Severity.ERROR,
                    "MODEL_MISSING", "the service evaluates a model named " + contract.model() + " and the set has none"));
            return;
        }
        // The service offers every input of the contract; a model declares the ones its tables use.
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
                error(model, null, null, null, input.getName(), "INPUT_NOT_SUPPLIED",
                        "input data " + input.getName() + " is not one the service supplies: " + supplied.stream().sorted().toList());
            }
        }
        for (ModelContract.Output<?> output : contract.outputs()) {
            checkOutput(model, output);
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
        String base = baseTypeName(declared);
        if (base != null && !base.equals(supplied)) {
            error(model, null, null, null, input.getName(), "INPUT_TYPE",
                    "input data " + input.getName() + " is typed " + base + "; the service supplies a " + supplied);
            return;
        }
        if (declared != null && constrained(declared) && component.getType().isEnum()) {
            Set<String> missing = new java.util.TreeSet<>(constants(component.getType()));
            missing.removeAll(allowedNames(declared));
            // Steps only ever in answers or proposals (LANDLORD_ACTION, a section 21 notice) are never supplied to a table.
            org.rentrecovery.contract.ActionType.NEVER_SUPPLIED_TO_TABLES.forEach(never -> missing.remove(never.name()));
            if (!missing.isEmpty()) {
                error(model, null, null, null, input.getName(), "INPUT_TYPE",
                        "input data " + input.getName() + " is typed " + declared.getName() + ", which does not allow " + missing
                                + ": the service may supply any of " + constants(component.getType()));
            }
        }
    }

    /** The built-in FEEL type a declared type rests on (string, number, boolean, date), or null for Any or a structure. */
    private static String baseTypeName(DMNType type) {
        for (DMNType t = type; t != null; t = t.getBaseType()) {
            String name = t.getName();
            if (t.getBaseType() == null) {
                return switch (name == null ? "" : name) {
                    case "string", "number", "boolean", "date" -> name;
                    default -> null;
                };
            }
        }
        return null;
    }

    private void checkOutput(DMNModel model, ModelContract.Output<?> output) {
        DecisionNode decision = model.getDecisionByName(output.decision());
        if (decision == null) {
            error(model, output.decision(), null, null, null, "DECISION_MISSING",
                    "the service reads decision " + output.decision() + " and the model has none");
            return;
        }
        if (output.shape() == ModelContract.Shape.VALUE) {
            return;
        }
        if (!(decision.getDecision().getExpression() instanceof DecisionTable table)) {
            error(model, output.decision(), null, null, null, "NOT_A_DECISION_TABLE",
                    output.decision() + " must be a decision table");
            return;
        }
        boolean collect = table.getHitPolicy() == HitPolicy.COLLECT && table.getAggregation() == null;
        if (collect != (output.shape() == ModelContract.Shape.ROWS)) {
            error(model, output.decision(), null, null, null, "HIT_POLICY",
                    output.decision() + (collect ? " must select one row (FIRST, UNIQUE, ANY or PRIORITY), not COLLECT"
                            : " must be a COLLECT table without aggregation: the service reads every row that matched"));
        }
        Map<String, Integer> columns = new TreeMap<>();
        for (int c = 0; c < table.getOutput().size(); c++) {
            String name = table.getOutput().get(c).getName();
            columns.put(name == null ? output.decision() : name, c);
        }
        if (output.type().isRecord()) {
            for (RecordComponent component : output.type().getRecordComponents()) {
                Integer column = columns.get(component.getName());
                if (column == null) {
                    error(model, output.decision(), null, null, component.getName(), "OUTPUT_MISSING",
                            "the service reads output column " + component.getName() + "; the table has " + columns.keySet());
                } else {
                    checkReadable(model, output.decision(), table, column, component.getName(), component.getType());
                    if (component.isAnnotationPresent(ActionName.class)) {
                        checkActionNames(model, output.decision(), table, column, component.getName());
                    }
                }
            }
        } else if (table.getOutput().size() == 1) {
            checkReadable(model, output.decision(), table, 0, columns.keySet().iterator().next(), output.type());
        } else {
            error(model, output.decision(), null, null, null, "OUTPUT_SHAPE",
                    "the service reads one value from " + output.decision() + ", which has " + columns.size() + " output columns");
        }
    }

    /**
     * Every cell in the column can be read as the type the code acts on. For a column the code reads
     * as an enum: the column's vocabulary holds only names the code acts on (so a computed cell, which
     * the run-time type check keeps within the vocabulary, is safe too), and every literal cell is one.
     */
    private void checkReadable(DMNModel model, String tableName, DecisionTable table, int column, String columnName, Class<?> type) {
        boolean vocabularySafe = false;
        if (type.isEnum()) {
            DMNType columnType = columnType(model.getDecisionByName(tableName), table, table.getOutput().get(column));
            if (columnType == null || !constrained(columnType)) {
                error(model, tableName, null, null, columnName, "COLUMN_NOT_IN_VOCABULARY",
                        columnName + " names a " + type.getSimpleName() + ": type it with the vocabulary's list of them");
            } else {
                List<String> allowed = allowedNames(columnType);
                List<String> unknown = new ArrayList<>(allowed);
                unknown.removeAll(constants(type));
                if (allowed.isEmpty()) {
                    error(model, tableName, null, null, columnName, "COLUMN_NOT_IN_VOCABULARY",
                            "the vocabulary's " + columnType.getName() + " must list the names as quoted strings");
                } else if (unknown.isEmpty()) {
                    vocabularySafe = true;
                } else {
                    error(model, tableName, null, null, columnName, "VOCABULARY_NOT_ACTIONABLE",
                            "the vocabulary's " + columnType.getName() + " allows " + unknown + ", which the service cannot act on"
                                    + " as a " + type.getSimpleName() + ": " + constants(type));
                }
            }
        }
        for (int r = 0; r < table.getRule().size(); r++) {
            Cell cell = cell(table.getRule().get(r), column);
            if (cell.value() == null && !cell.isExpression()) {
                if (type.isPrimitive() || type == java.math.BigDecimal.class) {
                    error(model, tableName, rowName(table, r), r + 1, columnName, "OUTPUT_EMPTY",
                            "the service needs a value in " + columnName);
                }
                continue;
            }
            if (type.isEnum()) {
                if (cell.isExpression()) {
                    if (!vocabularySafe) {
                        error(model, tableName, rowName(table, r), r + 1, columnName, "VOCABULARY_NOT_LITERAL",
                                columnName + " must be a quoted name the service acts on, not " + cell.text());
                    }
                } else if (!constants(type).contains(cell.value())) {
                    error(model, tableName, rowName(table, r), r + 1, columnName, "UNKNOWN_NAME",
                            "'" + cell.value() + "' is not a " + type.getSimpleName() + " the service can act on: " + constants(type));
                }
            }
        }
    }

    /** A column naming steps holds only the service's actions and the landlord's declared codes. */
    private void checkActionNames(DMNModel model, String tableName, DecisionTable table, int column, String columnName) {
        DMNType columnType = columnType(model.getDecisionByName(tableName), table, table.getOutput().get(column));
        if (columnType == null || !constrained(columnType)) {
            error(model, tableName, null, null, columnName, "COLUMN_NOT_IN_VOCABULARY",
                    columnName + " names steps: type it with the vocabulary's " + LandlordActionCatalogue.LADDER_ACTION_TYPE);
            return;
        }
        Set<String> known = new java.util.TreeSet<>(landlordActions);
        for (org.rentrecovery.contract.ActionType type : org.rentrecovery.contract.ActionType.values()) {
            if (type != org.rentrecovery.contract.ActionType.LANDLORD_ACTION) {
                known.add(type.name());
            }
        }
        for (int r = 0; r < table.getRule().size(); r++) {
            Cell cell = cell(table.getRule().get(r), column);
            if (cell.value() == null && !cell.isExpression()) {
                error(model, tableName, rowName(table, r), r + 1, columnName, "OUTPUT_EMPTY",
                        "every row names its step: NO_ACTION when there is nothing to do");
            }
        }
        List<String> unknown = allowedNames(columnType).stream().filter(name -> !known.contains(name)).toList();
        if (!unknown.isEmpty()) {
            error(model, tableName, null, null, columnName, "UNKNOWN_ACTION", "the column's type " + columnType.getName() + " allows "
                    + unknown + ", which are neither the service's actions nor codes declared with a category in "
                    + LandlordActionCatalogue.MODEL + "/" + LandlordActionCatalogue.TABLE + " (decision-tables/landlord-actions.dmn)");
        }
    }

    private static Set<String> constants(Class<?> enumType) {
        Set<String> names = new java.util.TreeSet<>();
        for (Object constant : enumType.getEnumConstants()) {
            names.add(((Enum<?>) constant).name());
        }
        // An answer-only name: a table names a landlord's step by its own code, never as LANDLORD_ACTION.
        names.remove(org.rentrecovery.contract.ActionType.LANDLORD_ACTION.name());
        return names;
    }

    /** An output cell: a string literal's value, null for {@code null} or empty, or else an expression. */
    record Cell(String text, String value, boolean isExpression) {
    }

    static Cell cell(DecisionRule rule, int column) {
        if (column >= rule.getOutputEntry().size()) {
            return new Cell("", null, false);
        }
        LiteralExpression entry = rule.getOutputEntry().get(column);
        String text = entry.getText() == null ? "" : entry.getText().trim();
        if (text.isEmpty() || text.equals("null")) {
            return new Cell(text, null, false);
        }
        Matcher literal = STRING_LITERAL.matcher(text);
        if (literal.matches()) {
            return new Cell(text, literal.group(1).replace("\\\"", "\"").replace("\\\\", "\\"), false);
        }
        if (text.matches("-?\\d+(\\.\\d+)?") || text.equals("true") || text.equals("false")) {
            return new Cell(text, text, false);
        }
        return new Cell(text, null, true);
    }

    /** The DMN type of one output column: the decision's type, its collection's element type, or a component of it. */
    static DMNType columnType(DecisionNode decision, DecisionTable table, OutputClause output) {
        DMNType type = decision.getResultType();
        if (type == null) {
            return null;
        }
        if (type.isCollection() && type.getFields().isEmpty() && type.getBaseType() != null) {
            type = type.getBaseType();
        }
        if (table.getOutput().size() == 1 && !type.isComposite()) {
            return type;
        }
        return output.getName() == null ? null : type.getFields().get(output.getName());
    }

    private static String rowName(DecisionTable table, int index) {
        return TableColumns.rowName(table, index + 1);
    }

    boolean own(DMNModel model, DecisionNode decision) {
        return decision.getModelNamespace() == null || decision.getModelNamespace().equals(model.getNamespace());
    }

    String file(DMNModel model) {
        String file = fileOf.get(model.getDefinitions());
        return file != null ? file : model.getResource() == null ? null : model.getResource().getSourcePath();
    }

    private void error(DMNModel model, String table, String rowName, Integer row, String column, String code, String message) {
        problems.add(new ModelProblem(file(model), model.getName(), table, rowName, row, column, ModelProblem.Severity.ERROR,
                code, message));
    }
}
