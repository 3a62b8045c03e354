package org.rentrecovery.engine;

import java.util.Optional;

import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.HitPolicy;

/**
 * Which hit policies give what the service reads from a table. A table it reads one row of may be FIRST, UNIQUE,
 * ANY or PRIORITY (each selects one row; the analyser refuses a UNIQUE overlap, kie-dmn a PRIORITY without output
 * values), or COLLECT with an aggregation over one number; RULE ORDER and OUTPUT ORDER answer a list of rows, as
 * COLLECT does, so they are refused there rather than failing every live case. A table whose every matched row the
 * service reads must be COLLECT without aggregation.
 */
final class HitPolicies {
    private HitPolicies() {
    }

    /** Why the table's hit policy does not give the output's shape, or empty when it does. */
    static Optional<String> problem(ModelContract.Output<?> output, DecisionTable table) {
        HitPolicy policy = table.getHitPolicy() == null ? HitPolicy.UNIQUE : table.getHitPolicy();
        boolean rows = policy == HitPolicy.COLLECT && table.getAggregation() == null;
        boolean list = rows || policy == HitPolicy.RULE_ORDER || policy == HitPolicy.OUTPUT_ORDER;
        String named = output.decision() + " is " + policy.value() + (table.getAggregation() == null ? "" : " " + table.getAggregation().value());
        if (output.shape() == ModelContract.Shape.ROWS && !rows) {
            return Optional.of(named + ": it must be COLLECT without aggregation, as the service reads every row that matched");
        }
        if (output.shape() != ModelContract.Shape.ROWS && list) {
            return Optional.of(named + ": it must select one row (FIRST, UNIQUE, ANY or PRIORITY), not answer a list of rows");
        }
        return Optional.empty();
    }
}
