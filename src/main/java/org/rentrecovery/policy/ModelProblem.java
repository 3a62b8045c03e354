package org.rentrecovery.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One thing wrong with a model, as precisely as it is known: the file, the model, the decision
 * table, the row (by its stable name, else its number) and the column; or with a scenario suite
 * file a draft carries: the file, the line and the column.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelProblem(
        @Schema(description = "The model file's path in the version, e.g. escalation/escalation-ladder.dmn (absent for the policy as a whole)") String path,
        @Schema(description = "The DMN model's name, e.g. EscalationLadder") String model,
        @Schema(description = "The decision table, e.g. EscalationStep") String table,
        @Schema(description = "The row: its stable row name, else its 1-based number") String row,
        @Schema(description = "The column (input or output) at fault") String column,
        @Schema(description = "ERROR (the version cannot be approved) or WARNING (it can, but a reader should look)") String severity,
        @Schema(description = "What is wrong and, where it can say, how to fix it") String message,
        @Schema(description = "In a scenario suite file, the line at fault (0 when the file as a whole is); absent for a model") Integer line) {

    public ModelProblem(String path, String model, String table, String row, String column, String severity, String message) {
        this(path, model, table, row, column, severity, message, null);
    }

    /** Where, as one readable path: {@code escalation/escalation-ladder.dmn EscalationStep/serve-notice [weeksInArrears]}. */
    public String location() {
        StringBuilder where = new StringBuilder(path == null ? (model == null ? "policy" : model) : path);
        if (line != null && line > 0) {
            where.append(':').append(line);
        }
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
