package org.rentrecovery.engine;

/**
 * One thing wrong (or worth a warning) in a set of DMN models, located as precisely as the check
 * can: the model, the decision table, the row (its stable name, and its 1-based position, which is
 * what a reader counts in the editor), and the column. Unknown parts are null.
 *
 * @param file     the file's path inside the set, e.g. {@code escalation/escalation-ladder.dmn}
 * @param code     what kind of problem, e.g. {@code DECISION_TABLE_OVERLAP}, {@code UNKNOWN_VOCABULARY_VALUE}
 */
public record ModelProblem(String file, String model, String table, String rowName, Integer row, String column,
        Severity severity, String code, String message) {

    public enum Severity { ERROR, WARNING }

    /** Where the problem is, for a message: {@code EscalationLadder / EscalationStep / row 15 serve-notice / column step}. */
    public String location() {
        StringBuilder out = new StringBuilder(model != null ? model : file != null ? file : "model set");
        if (table != null) {
            out.append(" / ").append(table);
        }
        if (row != null || rowName != null) {
            out.append(" / row");
            if (row != null) {
                out.append(' ').append(row);
            }
            if (rowName != null) {
                out.append(' ').append(rowName);
            }
        }
        if (column != null) {
            out.append(" / column ").append(column);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return severity + " " + code + " at " + location() + ": " + message;
    }
}
