package org.rentrecovery.engine;

import java.util.ArrayList;
import java.util.List;

import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNResult;

/** One evaluation of one model: its decisions read as typed values, with the rows that produced them. */
public final class Evaluation {
    private final String model;
    private final DMNResult result;
    private final List<RuleTrace.Hit> rowsSelected;

    Evaluation(String model, DMNResult result, List<RuleTrace.Hit> rowsSelected) {
        this.model = model;
        this.result = result;
        this.rowsSelected = rowsSelected;
    }

    /** The row a single-hit table selected and its output; fails if no row matched (the table has a gap). */
    public <T> Fired<T> row(ModelContract.Output<T> table) {
        String where = model + "/" + table.decision();
        T value = RecordMapping.read(raw(table), table.type(), where);
        String row = rowsOf(table.decision()).stream().findFirst()
                .orElseThrow(() -> new PolicyEvaluationException(where + ": no row matched"));
        return new Fired<>(value, row);
    }

    /** Every row a COLLECT table selected, in table order, with its output. */
    public <T> List<Fired<T>> rows(ModelContract.Output<T> table) {
        String where = model + "/" + table.decision();
        Object raw = raw(table);
        List<?> values = raw == null ? List.of() : raw instanceof List<?> list ? list : List.of(raw);
        List<String> rows = rowsOf(table.decision());
        if (rows.size() != values.size()) {
            throw new PolicyEvaluationException(where + " answered " + values.size() + " values from " + rows.size() + " rows");
        }
        List<Fired<T>> fired = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            fired.add(new Fired<>(RecordMapping.read(values.get(i), table.type(), where + " " + rows.get(i)), rows.get(i)));
        }
        return fired;
    }

    /** A decision's value (a literal expression or an aggregated table). */
    public <T> T value(ModelContract.Output<T> decision) {
        return RecordMapping.read(raw(decision), decision.type(), model + "/" + decision.decision());
    }

    /** Every row selected in this evaluation, by every table, in the order the engine evaluated them. */
    public List<RuleTrace.Hit> rowsSelected() {
        return rowsSelected;
    }

    private Object raw(ModelContract.Output<?> output) {
        DMNDecisionResult decision = result.getDecisionResultByName(output.decision());
        if (decision == null) {
            throw new PolicyEvaluationException(model + " has no decision " + output.decision());
        }
        return decision.getResult();
    }

    private List<String> rowsOf(String table) {
        List<String> rows = new ArrayList<>(4);
        for (RuleTrace.Hit hit : rowsSelected) {
            if (hit.container().equals(table)) {
                rows.add(hit.id());
            }
        }
        return rows;
    }
}
