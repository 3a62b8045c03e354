package org.rentrecovery.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.RuleAnnotationClause;

/**
 * What each row says about itself: the text of its table's annotation column named "Why this row", "why" or "note",
 * else of the column just after the row names, by {@code Table/row-name}. A table a capability does not read directly (a
 * landlord's helper table feeding the ladder) has no output column of sentences, so this is how its rows are
 * explained in an answer.
 */
final class RowNotes {
    private RowNotes() {
    }

    static Map<String, String> of(Iterable<DMNModel> models) {
        Map<String, String> notes = new HashMap<>();
        for (DMNModel model : models) {
            for (DecisionNode decision : model.getDecisions()) {
                if (decision.getDecision().getExpression() instanceof DecisionTable table) {
                    collect(decision.getName(), table, notes);
                }
            }
        }
        return Map.copyOf(notes);
    }

    private static void collect(String tableName, DecisionTable table, Map<String, String> notes) {
        int nameColumn = TableColumns.rowNameColumn(table);
        int noteColumn = noteColumn(table.getAnnotation(), nameColumn);
        if (nameColumn < 0 || noteColumn < 0) {
            return;
        }
        for (DecisionRule rule : table.getRule()) {
            String name = TableColumns.rowName(rule, nameColumn);
            String note = TableColumns.rowName(rule, noteColumn);
            if (name != null && note != null) {
                notes.putIfAbsent(RowNames.cite(tableName, name), note);
            }
        }
    }

    /** A column named as a note ("Why this row", "why", "note"), else the first after the row names; -1 when none. */
    private static int noteColumn(List<RuleAnnotationClause> annotations, int nameColumn) {
        for (int i = 0; i < annotations.size(); i++) {
            String name = annotations.get(i).getName() == null ? "" : annotations.get(i).getName().trim().toLowerCase(java.util.Locale.ROOT);
            if (NOTE_NAMES.contains(name)) {
                return i;
            }
        }
        return nameColumn + 1 < annotations.size() ? nameColumn + 1 : -1;
    }

    private static final java.util.Set<String> NOTE_NAMES = java.util.Set.of("why this row", "why", "note");
}
