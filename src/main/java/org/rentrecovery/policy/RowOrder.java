package org.rentrecovery.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rows of a table changed their order among the rows both versions have. The rows kept in order are the
 * longest run of common rows whose earlier positions increase in the later table; every other common row moved.
 * So a row added at the top shifts the rest without moving them, and two rows swapped show one of them moved.
 */
final class RowOrder {
    private RowOrder() {
    }

    /** @return the names of the rows that moved, from tables whose rows are keyed by their stable names */
    static Set<String> reordered(Map<String, DmnDocument.Row> before, Map<String, DmnDocument.Row> after) {
        List<String> common = new ArrayList<>();
        List<Integer> earlier = new ArrayList<>();
        after.forEach((name, row) -> {
            DmnDocument.Row old = before.get(name);
            if (old != null) {
                common.add(name);
                earlier.add(old.position());
            }
        });
        Set<String> moved = new HashSet<>(common);
        for (int index : longestIncreasing(earlier)) {
            moved.remove(common.get(index));
        }
        return moved;
    }

    /** The indexes of one longest strictly increasing subsequence (patience sorting, n log n). */
    private static List<Integer> longestIncreasing(List<Integer> values) {
        int n = values.size();
        int[] tails = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            int low = 0;
            int high = length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (values.get(tails[middle]) < values.get(i)) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            previous[i] = low > 0 ? tails[low - 1] : -1;
            tails[low] = i;
            length = Math.max(length, low + 1);
        }
        List<Integer> indexes = new ArrayList<>(length);
        for (int i = length == 0 ? -1 : tails[length - 1]; i >= 0; i = previous[i]) {
            indexes.add(i);
        }
        return indexes;
    }
}
