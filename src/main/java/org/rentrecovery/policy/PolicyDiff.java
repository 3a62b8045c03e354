package org.rentrecovery.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Two policy versions compared model by model, table by table, row by row and cell by cell. Rows
 * are matched by their stable name (the row-name annotation column), so inserting a row shows as
 * one added row, not as every later row changed; a table without that column falls back to
 * matching rows by position, and says so.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PolicyDiff(
        @Schema(description = "The version compared from, usually the draft's parent, e.g. 2026.11.0") String from,
        @Schema(description = "The version compared to, e.g. the draft 2026.11.30-1") String to,
        @Schema(description = "How much changed, in counts") Summary summary,
        @Schema(description = "Each model file that differs, with its tables, rows and cells") List<ModelDiff> models,
        @Schema(description = "Each CSV scenario suite the two versions see differently (a version's own copy against the "
                + "other's, or the stored suite), row by row and cell by cell") List<SuiteDiff> suites) {

    /** The same comparison with the suites the versions see differently. */
    public PolicyDiff withSuites(List<SuiteDiff> changedSuites) {
        return new PolicyDiff(from, to, summary, models, List.copyOf(changedSuites));
    }

    /**
     * What happened to a model, table or row. MOVED is a row alone: its cells are the same, but its place among the
     * rows both versions have is not (in a FIRST table the first matching row wins, so order decides). A row that
     * is only pushed down by a row added above it, or up by one removed, has not moved.
     */
    public enum Change {
        ADDED, REMOVED, CHANGED, MOVED
    }

    @Schema(name = "PolicyDiffSummary")
    public record Summary(
            @Schema(description = "Model files added, removed or changed") int modelsChanged,
            @Schema(description = "Decision tables added, removed or changed") int tablesChanged,
            @Schema(description = "Rows new in the later version") int rowsAdded,
            @Schema(description = "Rows gone from the later version") int rowsRemoved,
            @Schema(description = "Rows in both versions with at least one cell changed") int rowsChanged,
            @Schema(description = "Cells changed across those rows") int cellsChanged,
            @Schema(description = "Rows in both versions whose order among the others changed (in a FIRST table, which row "
                    + "wins); rows only shifted by a row added or removed above them are not counted") int rowsMoved) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ModelDiff(
            @Schema(description = "The model file's path in the version, e.g. escalation/escalation-ladder.dmn") String path,
            @Schema(description = "The DMN model's name, e.g. EscalationLadder") String model,
            @Schema(description = "ADDED, REMOVED or CHANGED in the later version") Change change,
            @Schema(description = "Each decision table that differs") List<TableDiff> tables,
            @Schema(description = "Item definitions (vocabulary types) whose allowed values changed, before and after") List<ValueChange> vocabulary,
            @Schema(description = "True when the file changed in a way no table or vocabulary entry shows (layout, names, comments)") boolean otherChanges) {
    }

    /** @param matchedBy {@code ROW_NAME} or {@code POSITION} (the table has no row-name column) */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record TableDiff(
            @Schema(description = "The decision table's name, e.g. EscalationStep") String table,
            @Schema(description = "ADDED, REMOVED or CHANGED in the later version") Change change,
            @Schema(description = "ROW_NAME (rows matched by their stable name) or POSITION (the table has no row-name column)") String matchedBy,
            @Schema(description = "The hit policy before and after, when it changed, e.g. FIRST to UNIQUE") ValueChange hitPolicy,
            @Schema(description = "Input or output columns new in the later version") List<String> columnsAdded,
            @Schema(description = "Input or output columns gone from the later version") List<String> columnsRemoved,
            @Schema(description = "Each row added, removed or changed") List<RowDiff> rows) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RowDiff(
            @Schema(description = "The row's stable name, or its number when the table is matched by position") String row,
            @Schema(description = "ADDED, REMOVED, CHANGED (a cell differs) or MOVED (the same cells, its order among the "
                    + "other rows changed) in the later version") Change change,
            @Schema(description = "Its 1-based position in the earlier version (absent when added)") Integer positionBefore,
            @Schema(description = "Its 1-based position in the later version (absent when removed)") Integer positionAfter,
            @Schema(description = "Each cell whose text changed") List<CellDiff> cells,
            @Schema(description = "True for a CHANGED row that also moved among the other rows; absent otherwise") Boolean moved) {

        RowDiff(String row, Change change, Integer positionBefore, Integer positionAfter, List<CellDiff> cells) {
            this(row, change, positionBefore, positionAfter, cells, null);
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CellDiff(
            @Schema(description = "The column's name, e.g. weeksInArrears or step") String column,
            @Schema(description = "The cell's FEEL text in the earlier version, null when the row or column is new") String before,
            @Schema(description = "The cell's FEEL text in the later version, null when the row or column is gone") String after) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ValueChange(
            @Schema(description = "What changed: an item definition's name, or hitPolicy") String name,
            @Schema(description = "Its value in the earlier version, null when new") String before,
            @Schema(description = "Its value in the later version, null when gone") String after) {
    }

    /** Compares two sets of model files (relative path → bytes). */
    static PolicyDiff of(String fromId, Map<String, byte[]> before, String toId, Map<String, byte[]> after) {
        Set<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<ModelDiff> models = new ArrayList<>();
        for (String path : paths) {
            byte[] old = before.get(path);
            byte[] now = after.get(path);
            if (old != null && now != null && java.util.Arrays.equals(old, now)) {
                continue;
            }
            models.add(model(path, old == null ? null : DmnDocument.parse(path, old),
                    now == null ? null : DmnDocument.parse(path, now)));
        }
        return new PolicyDiff(fromId, toId, summarise(models), models, List.of());
    }

    private static ModelDiff model(String path, DmnDocument old, DmnDocument now) {
        if (old == null || now == null) {
            DmnDocument only = old == null ? now : old;
            Change change = old == null ? Change.ADDED : Change.REMOVED;
            List<TableDiff> tables = only.tables().stream()
                    .map(table -> old == null ? table(table.name(), null, table) : table(table.name(), table, null)).toList();
            return new ModelDiff(path, only.modelName(), change, tables, List.of(), false);
        }
        Map<String, DmnDocument.Table> oldTables = byName(old.tables());
        Map<String, DmnDocument.Table> newTables = byName(now.tables());
        Set<String> names = new LinkedHashSet<>(oldTables.keySet());
        names.addAll(newTables.keySet());
        List<TableDiff> tables = new ArrayList<>();
        for (String name : names) {
            TableDiff diff = table(name, oldTables.get(name), newTables.get(name));
            if (diff != null) {
                tables.add(diff);
            }
        }
        List<ValueChange> vocabulary = new ArrayList<>();
        Map<String, String> oldValues = old.allowedValues();
        Map<String, String> newValues = now.allowedValues();
        Set<String> items = new TreeSet<>(oldValues.keySet());
        items.addAll(newValues.keySet());
        for (String item : items) {
            if (!Objects.equals(oldValues.get(item), newValues.get(item))) {
                vocabulary.add(new ValueChange(item, oldValues.get(item), newValues.get(item)));
            }
        }
        boolean other = tables.isEmpty() && vocabulary.isEmpty();
        return new ModelDiff(path, now.modelName(), Change.CHANGED, tables, vocabulary, other);
    }

    private static Map<String, DmnDocument.Table> byName(List<DmnDocument.Table> tables) {
        Map<String, DmnDocument.Table> named = new LinkedHashMap<>();
        tables.forEach(table -> named.put(table.name(), table));
        return named;
    }

    private static TableDiff table(String name, DmnDocument.Table old, DmnDocument.Table now) {
        if (old == null || now == null) {
            return wholeTable(name, old, now);
        }
        boolean named = old.rowNameColumn() >= 0 && now.rowNameColumn() >= 0;
        List<RowDiff> rows = rows(old, now, named);
        List<String> added = now.columns().stream().filter(column -> !old.columns().contains(column)).toList();
        List<String> removed = old.columns().stream().filter(column -> !now.columns().contains(column)).toList();
        ValueChange hitPolicy = old.hitPolicy().equals(now.hitPolicy()) ? null : new ValueChange("hitPolicy", old.hitPolicy(), now.hitPolicy());
        if (rows.isEmpty() && added.isEmpty() && removed.isEmpty() && hitPolicy == null) {
            return null;
        }
        return new TableDiff(name, Change.CHANGED, named ? "ROW_NAME" : "POSITION", hitPolicy, added, removed, rows);
    }

    /** The rows added, removed, changed or moved, matched by name (or, without names, by position). */
    private static List<RowDiff> rows(DmnDocument.Table old, DmnDocument.Table now, boolean named) {
        Map<String, DmnDocument.Row> oldRows = rowsByKey(old, named);
        Map<String, DmnDocument.Row> newRows = rowsByKey(now, named);
        Set<String> keys = new LinkedHashSet<>(oldRows.keySet());
        keys.addAll(newRows.keySet());
        Set<String> reordered = named ? RowOrder.reordered(oldRows, newRows) : Set.of();
        List<RowDiff> rows = new ArrayList<>();
        for (String key : keys) {
            DmnDocument.Row before = oldRows.get(key);
            DmnDocument.Row after = newRows.get(key);
            Map<String, String> oldCells = before == null ? Map.of() : cells(old, before);
            Map<String, String> newCells = after == null ? Map.of() : cells(now, after);
            Set<String> columns = new LinkedHashSet<>(oldCells.keySet());
            columns.addAll(newCells.keySet());
            List<CellDiff> cells = new ArrayList<>();
            for (String column : columns) {
                if (!Objects.equals(oldCells.get(column), newCells.get(column))) {
                    cells.add(new CellDiff(column, oldCells.get(column), newCells.get(column)));
                }
            }
            Change change = before == null ? Change.ADDED : after == null ? Change.REMOVED : Change.CHANGED;
            boolean moved = reordered.contains(key);
            if (change != Change.CHANGED || !cells.isEmpty()) {
                rows.add(new RowDiff(key, change, before == null ? null : before.position(),
                        after == null ? null : after.position(), cells, moved ? Boolean.TRUE : null));
            } else if (moved) {
                rows.add(new RowDiff(key, Change.MOVED, before.position(), after.position(), List.of()));
            }
        }
        return rows;
    }

    /** A table only one of the versions has: every row of it added or removed. */
    private static TableDiff wholeTable(String name, DmnDocument.Table old, DmnDocument.Table now) {
        DmnDocument.Table only = old == null ? now : old;
        Change change = old == null ? Change.ADDED : Change.REMOVED;
        boolean named = only.rowNameColumn() >= 0;
        List<RowDiff> rows = only.rows().stream().map(row -> {
            Map<String, String> cells = cells(only, row);
            List<CellDiff> cellDiffs = cells.entrySet().stream().map(cell -> old == null
                    ? new CellDiff(cell.getKey(), null, cell.getValue())
                    : new CellDiff(cell.getKey(), cell.getValue(), null)).toList();
            return new RowDiff(rowName(only, row), change, old == null ? null : row.position(),
                    old == null ? row.position() : null, cellDiffs);
        }).toList();
        return new TableDiff(name, change, named ? "ROW_NAME" : "POSITION", null, List.of(), List.of(), rows);
    }

    private static Map<String, DmnDocument.Row> rowsByKey(DmnDocument.Table table, boolean named) {
        Map<String, DmnDocument.Row> rows = new LinkedHashMap<>();
        for (DmnDocument.Row row : table.rows()) {
            rows.put(named ? rowName(table, row) : String.valueOf(row.position()), row);
        }
        return rows;
    }

    /** The row's stable name, or its 1-based position when the table has no row-name column. */
    static String rowName(DmnDocument.Table table, DmnDocument.Row row) {
        int column = table.rowNameColumn();
        if (column < 0) {
            return String.valueOf(row.position());
        }
        int cell = table.inputs().size() + table.outputs().size() + column;
        String name = cell < row.cells().size() ? row.cells().get(cell) : "";
        return name.isBlank() ? String.valueOf(row.position()) : name;
    }

    private static Map<String, String> cells(DmnDocument.Table table, DmnDocument.Row row) {
        Map<String, String> cells = new LinkedHashMap<>();
        List<String> columns = table.columns();
        for (int i = 0; i < columns.size() && i < row.cells().size(); i++) {
            cells.put(columns.get(i), row.cells().get(i));
        }
        return cells;
    }

    private static Summary summarise(List<ModelDiff> models) {
        int tables = 0;
        int added = 0;
        int removed = 0;
        int changed = 0;
        int cells = 0;
        int moved = 0;
        for (ModelDiff model : models) {
            for (TableDiff table : model.tables()) {
                tables++;
                for (RowDiff row : table.rows()) {
                    switch (row.change()) {
                        case ADDED -> added++;
                        case REMOVED -> removed++;
                        case MOVED -> moved++;
                        case CHANGED -> {
                            changed++;
                            cells += row.cells().size();
                            moved += Boolean.TRUE.equals(row.moved()) ? 1 : 0;
                        }
                    }
                }
            }
        }
        return new Summary(models.size(), tables, added, removed, changed, cells, moved);
    }
}
