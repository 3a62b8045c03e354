package org.rentrecovery.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.rentrecovery.policy.PolicyDiff.CellDiff;
import org.rentrecovery.policy.PolicyDiff.Change;
import org.rentrecovery.scenarios.CsvCellEdit;

/**
 * A suite file that two versions see differently (one carries its own copy). A CSV suite row by row and
 * cell by cell: rows are matched by scenario name (unique in a suite), so a row added shows as one row.
 * A YAML suite or defaults file by runs of changed lines ({@link SuiteLineDiff}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "PolicySuiteDiff")
public record SuiteDiff(
        @Schema(description = "The suite file's path under the suites folder, e.g. escalation/first-steps.csv") String path,
        @Schema(description = "ADDED (only the later version has it), REMOVED or CHANGED") Change change,
        @Schema(description = "Each scenario row added, removed or changed") List<RowDiff> rows) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "PolicySuiteRowDiff")
    public record RowDiff(
            @Schema(description = "The scenario's name (the row's name cell; in a YAML file the scenario the lines fall in, "
                    + "absent in its header)") String scenario,
            @Schema(description = "ADDED, REMOVED or CHANGED in the later version") Change change,
            @Schema(description = "Its line in the earlier version's file (absent when added)") Integer lineBefore,
            @Schema(description = "Its line in the later version's file (absent when removed)") Integer lineAfter,
            @Schema(description = "Each cell whose text changed, by column (e.g. expect.escalation.step); in a YAML file one "
                    + "cell, text, holding the lines before and after") List<CellDiff> cells) {
    }

    /** Compares a suite file's text as two versions see it; null text when a version has no such file. */
    static SuiteDiff of(String path, String before, String after) {
        Change change = before == null ? Change.ADDED : after == null ? Change.REMOVED : Change.CHANGED;
        return new SuiteDiff(path, change, path.endsWith(".csv") ? csvRows(before, after) : SuiteLineDiff.rows(before, after));
    }

    private static List<RowDiff> csvRows(String before, String after) {
        Map<String, CsvCellEdit.CsvRow> old = byName(before);
        Map<String, CsvCellEdit.CsvRow> now = byName(after);
        Set<String> names = new LinkedHashSet<>(old.keySet());
        names.addAll(now.keySet());
        List<RowDiff> rows = new ArrayList<>();
        for (String name : names) {
            CsvCellEdit.CsvRow was = old.get(name);
            CsvCellEdit.CsvRow is = now.get(name);
            List<CellDiff> cells = cells(was, is);
            if (was == null || is == null || !cells.isEmpty()) {
                rows.add(new RowDiff(name, was == null ? Change.ADDED : is == null ? Change.REMOVED : Change.CHANGED,
                        was == null ? null : was.line(), is == null ? null : is.line(), cells));
            }
        }
        return rows;
    }

    private static Map<String, CsvCellEdit.CsvRow> byName(String text) {
        Map<String, CsvCellEdit.CsvRow> rows = new LinkedHashMap<>();
        if (text != null) {
            new CsvCellEdit(text).rows().forEach(row -> rows.putIfAbsent(row.cells().getOrDefault("name", "line " + row.line()), row));
        }
        return rows;
    }

    private static List<CellDiff> cells(CsvCellEdit.CsvRow was, CsvCellEdit.CsvRow is) {
        Set<String> columns = new LinkedHashSet<>();
        if (was != null) {
            columns.addAll(was.cells().keySet());
        }
        if (is != null) {
            columns.addAll(is.cells().keySet());
        }
        List<CellDiff> cells = new ArrayList<>();
        for (String column : columns) {
            String before = was == null ? null : was.cells().get(column);
            String after = is == null ? null : is.cells().get(column);
            if (!Objects.equals(before, after)) {
                cells.add(new CellDiff(column, before, after));
            }
        }
        return cells;
    }
}
