package org.rentrecovery.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.HitPolicy;
import org.kie.dmn.model.api.OutputClause;
import org.rentrecovery.engine.FeelLexer.OutsideSubset;

/**
 * One decision table compiled once into matchers ({@link CellTests}) and outputs: UNIQUE, FIRST and COLLECT
 * without aggregation, the hit policies the policy tables use. A row whose outputs are all literals has its
 * answer built and type-checked (kie-dmn's check, {@link DMNType#isAssignableValue}) when the model is compiled;
 * a row with a computed cell is checked when it is selected. Whatever kie-dmn would report as an error (two rows
 * of a UNIQUE table, a value its type refuses) declines, so kie-dmn answers it.
 */
final class FastTable {
    private final String name;
    private final HitPolicy hitPolicy;
    private final FeelNode[] inputs;
    private final CellTests.CellTest[][] tests;
    private final Row[] rows;
    private final DMNType resultType;
    private final boolean noMatchAdmitted;
    /**
     * kie-dmn's verdict on answers with a computed cell, by the answer's value: its check evaluates the vocabulary's
     * allowed values as FEEL (about a third of the fast evaluator's time on a case at the notice step), and it depends on
     * the value alone. The computed cells of the policy tables take few values (a notice type, a date...), so a few
     * hundred remembered answers cover them; past {@link TypeGate#MEMORY} the check is asked every time.
     */
    private final Map<Object, Boolean> computedAnswersAdmitted = new ConcurrentHashMap<>();

    /** A row's outputs: its answer when every cell is a literal ({@code fixed}), else the cells to work out. */
    private record Row(Object fixed, boolean admitted, String[] names, FeelNode[] cells) {
        boolean computed() {
            return cells != null;
        }
    }

    FastTable(String name, DecisionTable table, DMNType resultType, FastSources sources) {
        this.name = name;
        this.hitPolicy = table.getHitPolicy();
        boolean collect = hitPolicy == HitPolicy.COLLECT;
        if (!(hitPolicy == HitPolicy.UNIQUE || hitPolicy == HitPolicy.FIRST || collect) || table.getAggregation() != null) {
            throw new OutsideSubset("hit policy " + hitPolicy + (table.getAggregation() == null ? "" : " " + table.getAggregation()));
        }
        if (collect != resultType.isCollection() || table.getOutput().stream().anyMatch(o -> o.getDefaultOutputEntry() != null
                || o.getOutputValues() != null)) {
            throw new OutsideSubset("table " + name + " has default outputs, output values, or a result type kie-dmn would coerce");
        }
        this.resultType = resultType;
        this.noMatchAdmitted = resultType.isAssignableValue(collect ? List.of() : null);
        String[] kinds = new String[table.getInput().size()];
        this.inputs = new FeelNode[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            FastSources.Column column = sources.column(table.getInput().get(i));
            inputs[i] = column.expression();
            kinds[i] = column.kind();
        }
        this.tests = new CellTests.CellTest[table.getRule().size()][];
        this.rows = new Row[table.getRule().size()];
        for (int r = 0; r < rows.length; r++) {
            DecisionRule rule = table.getRule().get(r);
            tests[r] = new CellTests.CellTest[kinds.length];
            for (int i = 0; i < kinds.length; i++) {
                FastSources.feel(rule.getInputEntry().get(i).getExpressionLanguage());
                tests[r][i] = CellTests.parse(rule.getInputEntry().get(i).getText(), kinds[i]);
            }
            rows[r] = row(table.getOutput(), rule);
        }
    }

    private Row row(List<OutputClause> outputs, DecisionRule rule) {
        String[] names = new String[outputs.size()];
        FeelNode[] cells = new FeelNode[outputs.size()];
        boolean literal = true;
        for (int o = 0; o < names.length; o++) {
            names[o] = outputs.get(o).getName();
            FastSources.feel(rule.getOutputEntry().get(o).getExpressionLanguage());
            String text = rule.getOutputEntry().get(o).getText();
            cells[o] = FeelParser.expression(text == null || text.isBlank() ? "null" : text);
            literal &= cells[o] instanceof FeelNode.Constant;
        }
        if (names.length > 1 && !resultType.isComposite()) {
            throw new OutsideSubset("table " + name + " has several outputs and a simple result type");
        }
        if (!literal) {
            return new Row(null, false, names, cells);
        }
        Object fixed = answer(names, cells, Map.of());
        boolean admitted = resultType.isAssignableValue(wrapped(fixed));
        if (fixed instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked")
            Map<String, Object> columns = (Map<String, Object>) fixed;
            fixed = new FixedColumns(columns);
        }
        return new Row(fixed, admitted, names, null);
    }

    /** The table's answer, with the rows it selected added to {@code selected} (1-based, as kie-dmn numbers them). */
    Object evaluate(Map<String, Object> scope, List<RuleTrace.SelectedRow> selected) {
        Object[] values = new Object[inputs.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = inputs[i].eval(scope);
        }
        List<Integer> matched = new ArrayList<>(4);
        for (int r = 0; r < rows.length; r++) {
            if (matches(tests[r], values, scope)) {
                matched.add(r);
                if (hitPolicy == HitPolicy.UNIQUE && matched.size() > 1) {
                    throw FeelOps.decline(name + ": more than one row of a UNIQUE table");
                }
            }
        }
        if (matched.isEmpty()) {
            return noMatch();
        }
        // kie-dmn works out the output of every matching row, selected or not: one it would refuse declines.
        Object[] answers = new Object[matched.size()];
        boolean computed = false;
        for (int m = 0; m < answers.length; m++) {
            Row row = rows[matched.get(m)];
            computed |= row.computed();
            answers[m] = row.computed() ? answer(row.names(), row.cells(), scope) : admitted(row);
        }
        return select(matched, answers, computed, selected);
    }

    private Object select(List<Integer> matched, Object[] answers, boolean computed, List<RuleTrace.SelectedRow> selected) {
        Object result;
        if (hitPolicy == HitPolicy.COLLECT) {
            List<Object> all = new ArrayList<>(answers.length);
            Collections.addAll(all, answers);
            result = all;
            for (int row : matched) {
                selected.add(new RuleTrace.SelectedRow(name, row + 1));
            }
        } else {
            result = answers[0];
            selected.add(new RuleTrace.SelectedRow(name, matched.get(0) + 1));
        }
        if (computed && !admitsComputed(result)) {
            throw FeelOps.decline(name + ": a computed output its type refuses");
        }
        return result;
    }

    /** kie-dmn's type check of an answer with a computed cell, remembered by value for answers of plain values. */
    private boolean admitsComputed(Object result) {
        if (!plain(result)) {
            return resultType.isAssignableValue(result);
        }
        Boolean known = computedAnswersAdmitted.get(result);
        if (known != null) {
            return known;
        }
        boolean admitted = resultType.isAssignableValue(result);
        if (computedAnswersAdmitted.size() < TypeGate.MEMORY) {
            // A copy as the key: the answer itself goes on to the caller, which must not be able to change a key.
            computedAnswersAdmitted.put(result instanceof List<?> list ? Collections.unmodifiableList(new ArrayList<>(list)) : result,
                    admitted);
        }
        return admitted;
    }

    /** Values compared by what they hold (names, numbers with their scale, booleans, dates), in lists and columns. */
    private static boolean plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof BigDecimal
                || value instanceof LocalDate) {
            return true;
        }
        // Loops, not streams: this runs for every selected row with a computed cell, and a stream pipeline per
        // list and per row of columns was half of the check's cost.
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!plain(item)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Map<?, ?> columns) {
            for (Object column : columns.values()) {
                if (!plain(column)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** No row matched: kie-dmn answers null for a single-hit table and an empty list for COLLECT. */
    private Object noMatch() {
        if (!noMatchAdmitted) {
            throw FeelOps.decline(name + ": no row, and the result type refuses the empty answer");
        }
        return hitPolicy == HitPolicy.COLLECT ? new ArrayList<>(0) : null;
    }

    private Object admitted(Row row) {
        if (!row.admitted()) {
            throw FeelOps.decline(name + ": a row whose output its type refuses");
        }
        return row.fixed();
    }

    private static boolean matches(CellTests.CellTest[] row, Object[] values, Map<String, Object> scope) {
        for (int i = 0; i < row.length; i++) {
            if (!row[i].test(values[i], scope)) {
                return false;
            }
        }
        return true;
    }

    /** One value for a single output column, else the columns by name (kie-dmn's shape). */
    private static Object answer(String[] names, FeelNode[] cells, Map<String, Object> scope) {
        if (names.length == 1) {
            return FastSources.plain(cells[0].eval(scope));
        }
        Map<String, Object> columns = new HashMap<>(names.length * 2);
        for (int o = 0; o < names.length; o++) {
            columns.put(names[o], FastSources.plain(cells[o].eval(scope)));
        }
        return Collections.unmodifiableMap(columns);
    }

    private Object wrapped(Object rowAnswer) {
        return resultType.isCollection() ? Collections.singletonList(rowAnswer) : rowAnswer;
    }
}
