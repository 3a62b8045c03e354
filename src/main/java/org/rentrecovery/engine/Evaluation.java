package org.rentrecovery.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One evaluation of one model: its decisions read as typed values, with the rows that produced them.
 * A decision that gives no usable answer (no row matched, the engine failed on it, or its value
 * cannot be read) is answered with the output's safe value ({@link ModelContract.Output#safe()}),
 * cited as {@link TableFailure#rowId()}, counted and logged: a live request never fails on a table.
 */
public final class Evaluation {
    private final String versionId;
    private final String model;
    private final DecisionResults results;
    private final List<RuleTrace.Hit> rowsSelected;
    private final List<TableFailure> failures = new ArrayList<>(0);

    Evaluation(String versionId, String model, DecisionResults results, List<RuleTrace.Hit> rowsSelected) {
        this.versionId = versionId;
        this.model = model;
        this.results = results;
        this.rowsSelected = rowsSelected;
    }

    /** The row a single-hit table selected and its output; the safe row when no row matched or the table failed. */
    public <T> Fired<T> row(ModelContract.Output<T> table) {
        TableFailure failure = failure(table);
        if (failure == null) {
            List<String> rows = rowsOf(table.decision());
            if (rows.isEmpty()) {
                failure = failed(table, TableFailure.Kind.NO_ROW_MATCHED, null);
            } else {
                try {
                    T value = RecordMapping.read(raw(table), table.type(), () -> model + "/" + table.decision());
                    if (value != null) {
                        return new Fired<>(value, rows.get(0));
                    }
                    failure = failed(table, TableFailure.Kind.OUTPUT_UNREADABLE, "the row's output is empty");
                } catch (PolicyEvaluationException e) {
                    failure = failed(table, TableFailure.Kind.OUTPUT_UNREADABLE, e.getMessage());
                }
            }
        }
        return new Fired<>(safe(table, failure).get(0), failure.rowId());
    }

    /** Every row a COLLECT table selected, in table order, with its output; the safe rows when the table failed. */
    public <T> List<Fired<T>> rows(ModelContract.Output<T> table) {
        TableFailure failure = failure(table);
        if (failure == null) {
            Object raw = raw(table);
            List<?> values = raw == null ? List.of() : raw instanceof List<?> list ? list : List.of(raw);
            List<String> rows = rowsOf(table.decision());
            if (rows.size() != values.size()) {
                failure = failed(table, TableFailure.Kind.OUTPUT_UNREADABLE, values.size() + " values from " + rows.size() + " rows");
            } else {
                try {
                    List<Fired<T>> fired = new ArrayList<>(values.size());
                    for (int i = 0; i < values.size(); i++) {
                        String row = rows.get(i);
                        T value = RecordMapping.read(values.get(i), table.type(), () -> model + "/" + table.decision() + " " + row);
                        if (value == null) {
                            throw new PolicyEvaluationException(model + "/" + table.decision() + " " + row + " answered no value");
                        }
                        fired.add(new Fired<>(value, rows.get(i)));
                    }
                    return fired;
                } catch (PolicyEvaluationException e) {
                    failure = failed(table, TableFailure.Kind.OUTPUT_UNREADABLE, e.getMessage());
                }
            }
        }
        String cited = failure.rowId();
        return safe(table, failure).stream().map(value -> new Fired<>(value, cited)).toList();
    }

    /** A decision's value (a literal expression or an aggregated table), possibly null; the safe value when it failed. */
    public <T> T value(ModelContract.Output<T> decision) {
        TableFailure failure = failure(decision);
        if (failure == null) {
            try {
                T value = RecordMapping.read(raw(decision), decision.type(), () -> model + "/" + decision.decision());
                // Null is a value where the output's safe value is null too (no amount to write off); else it is a failure.
                if (value != null || decision.safe() == null || safeIsEmpty(decision)) {
                    return value;
                }
                failure = failed(decision, TableFailure.Kind.OUTPUT_UNREADABLE, "the decision answered nothing");
            } catch (PolicyEvaluationException e) {
                failure = failed(decision, TableFailure.Kind.OUTPUT_UNREADABLE, e.getMessage());
            }
        }
        return safe(decision, failure).get(0);
    }

    /** Every row selected in this evaluation, by every table, in the order the engine evaluated them. */
    public List<RuleTrace.Hit> rowsSelected() {
        return rowsSelected;
    }

    /** The decisions of this evaluation answered with their safe value, in the order they were read. */
    public List<TableFailure> failures() {
        return List.copyOf(failures);
    }

    /** The engine's own verdict on the decision: failed, skipped (a decision it needs failed) or missing. */
    private TableFailure failure(ModelContract.Output<?> output) {
        DecisionResults.Outcome outcome = results.outcome(output.decision());
        if (outcome == null) {
            return failed(output, TableFailure.Kind.EVALUATION_FAILED, "the model has no decision " + output.decision());
        }
        return outcome.succeeded() ? null : failed(output, TableFailure.Kind.EVALUATION_FAILED, outcome.errors());
    }

    /** The decision's outcome as the evaluator gave it (for comparing the two evaluators). */
    DecisionResults.Outcome outcome(String decision) {
        return results.outcome(decision);
    }

    private TableFailure failed(ModelContract.Output<?> output, TableFailure.Kind kind, String detail) {
        TableFailure failure = new TableFailure(versionId, model, output.decision(), kind, detail);
        failures.add(failure);
        failure.report();
        return failure;
    }

    private boolean safeIsEmpty(ModelContract.Output<?> output) {
        List<?> safe = output.safe().apply(new TableFailure(versionId, model, output.decision(), TableFailure.Kind.OUTPUT_UNREADABLE, null));
        return safe.isEmpty() || safe.get(0) == null;
    }

    private <T> List<T> safe(ModelContract.Output<T> output, TableFailure failure) {
        if (output.safe() == null) {
            throw new PolicyEvaluationException(failure.sentence());
        }
        return output.safe().apply(failure);
    }

    private Object raw(ModelContract.Output<?> output) {
        DecisionResults.Outcome outcome = results.outcome(output.decision());
        return outcome == null ? null : outcome.value();
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
