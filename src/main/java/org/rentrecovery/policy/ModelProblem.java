package org.rentrecovery.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a model, as precisely as it is known: the file, the model, the decision
 * table, the row (by its stable name, else its number) and the column.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelProblem(String path, String model, String table, String row, String column, String severity,
        String message) {

    /** Where, as one readable path: {@code escalation/escalation-ladder.dmn EscalationStep/serve-notice [weeksInArrears]}. */
    public String location() {
        StringBuilder where = new StringBuilder(path == null ? (model == null ? "policy" : model) : path);
        if (table != null) {
            where.append(' ').append(table);
            if (row != null) {
                where.append('/').append(row);
            }
        }
        if (column != null) {
            where.append(" [").append(column).append(']');
        }
        return where.toString();
    }
}
