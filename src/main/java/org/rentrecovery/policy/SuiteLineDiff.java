package org.rentrecovery.policy;

import java.util.ArrayList;
import java.util.List;

import org.rentrecovery.policy.PolicyDiff.CellDiff;
import org.rentrecovery.policy.PolicyDiff.Change;
import org.rentrecovery.policy.SuiteDiff.RowDiff;

/**
 * A YAML suite or defaults file that two versions see differently, line by line: a YAML scenario spans many lines
 * and has no cells, so each run of changed lines is one entry, named by the scenario it falls in ({@code - name:}),
 * with the lines before and after as its one cell, {@code text}.
 */
final class SuiteLineDiff {
    private static final String NAME = "- name:";

    private SuiteLineDiff() {
    }

    static List<RowDiff> rows(String before, String after) {
        List<String> old = before == null ? List.of() : before.lines().toList();
        List<String> now = after == null ? List.of() : after.lines().toList();
        int[][] common = commonTails(old, now);
        List<RowDiff> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < old.size() || j < now.size()) {
            if (i < old.size() && j < now.size() && old.get(i).equals(now.get(j))) {
                i++;
                j++;
                continue;
            }
            int fromOld = i;
            int fromNow = j;
            while ((i < old.size() || j < now.size()) && !(i < old.size() && j < now.size() && old.get(i).equals(now.get(j)))) {
                if (j >= now.size() || (i < old.size() && common[i + 1][j] >= common[i][j + 1])) {
                    i++;
                } else {
                    j++;
                }
            }
            rows.add(row(old, fromOld, i, now, fromNow, j));
        }
        return rows;
    }

    /** {@code common[i][j]}: how many lines the two files share, in order, from line i of one and j of the other on. */
    private static int[][] commonTails(List<String> old, List<String> now) {
        int[][] common = new int[old.size() + 1][now.size() + 1];
        for (int i = old.size() - 1; i >= 0; i--) {
            for (int j = now.size() - 1; j >= 0; j--) {
                common[i][j] = old.get(i).equals(now.get(j)) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        return common;
    }

    private static RowDiff row(List<String> old, int oldFrom, int oldTo, List<String> now, int nowFrom, int nowTo) {
        String was = oldFrom < oldTo ? String.join("\n", old.subList(oldFrom, oldTo)) : null;
        String is = nowFrom < nowTo ? String.join("\n", now.subList(nowFrom, nowTo)) : null;
        Change change = was == null ? Change.ADDED : is == null ? Change.REMOVED : Change.CHANGED;
        String scenario = is != null ? scenarioAt(now, nowFrom) : scenarioAt(old, oldFrom);
        return new RowDiff(scenario, change, was == null ? null : oldFrom + 1, is == null ? null : nowFrom + 1,
                List.of(new CellDiff("text", was, is)));
    }

    /** The scenario a line falls in: the nearest {@code - name:} at or above it; null in the file's header or defaults. */
    private static String scenarioAt(List<String> lines, int line) {
        for (int k = Math.min(line, lines.size() - 1); k >= 0; k--) {
            String text = lines.get(k).trim();
            if (text.startsWith(NAME)) {
                return text.substring(NAME.length()).trim();
            }
        }
        return null;
    }
}
