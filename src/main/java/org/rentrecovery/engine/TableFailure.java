package org.rentrecovery.engine;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Metrics;

/**
 * A table the service reads gave no usable answer on a live case: no row matched, the model's
 * evaluation failed (a FEEL error in a cell, a value outside its type), or the output could not be
 * read as the service needs it. The compile checks exist so this cannot happen; when it does, the
 * capability answers its safe value (an officer reviews the case by hand), never an error, and the
 * failure is counted and logged by policy version, model, table and kind only: nothing of the case.
 *
 * @param detail what the engine said, for the officer reading the reason (kept out of the logs: a
 *               FEEL message can quote an input value)
 */
public record TableFailure(String versionId, String model, String table, Kind kind, String detail) {
    private static final Logger LOG = Logger.getLogger(TableFailure.class);

    /** The metric counting failures (Prometheus: {@code rentrecovery_policy_table_failures_total}). */
    public static final String METRIC = "rentrecovery.policy.table.failures";

    public enum Kind {
        /** A single-hit table had no row for the case. */
        NO_ROW_MATCHED,
        /** The engine could not evaluate the decision (or a decision it needs). */
        EVALUATION_FAILED,
        /** The decision answered a value the service cannot read as its output. */
        OUTPUT_UNREADABLE
    }

    /** The citation a reason gives for the safe answer, in place of a row: {@code EscalationStep/no-row-matched}. */
    public String rowId() {
        return RowNames.cite(table, switch (kind) {
            case NO_ROW_MATCHED -> "no-row-matched";
            case EVALUATION_FAILED -> "not-evaluated";
            case OUTPUT_UNREADABLE -> "output-unreadable";
        });
    }

    /** A sentence for the officer and the policy team: which model and table, what went wrong, under which version. */
    public String sentence() {
        String what = switch (kind) {
            case NO_ROW_MATCHED -> "no row of " + model + "/" + table + " matched this case";
            case EVALUATION_FAILED -> model + "/" + table + " could not be evaluated for this case";
            case OUTPUT_UNREADABLE -> model + "/" + table + " gave an answer the service cannot use";
        };
        return "Policy " + versionId + ": " + what + (detail == null || detail.isBlank() ? "" : " (" + detail + ")")
                + ", so the service cannot say what its policy calls for: an officer must review the case by hand"
                + " and the policy team correct the table.";
    }

    /** Counts and logs the failure (no case data). */
    void report() {
        Metrics.counter(METRIC, "policy_version", String.valueOf(versionId), "model", String.valueOf(model), "table",
                String.valueOf(table), "kind", kind.name()).increment();
        LOG.warnf("Policy %s: table %s/%s gave no usable answer (%s); the safe answer was given", versionId, model, table, kind);
    }
}
