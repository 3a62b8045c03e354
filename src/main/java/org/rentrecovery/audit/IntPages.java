package org.rentrecovery.audit;

/** A growable column of ints that never copies what it holds as it grows ({@link ColumnPages}). */
final class IntPages {
    private final ColumnPages<int[]> pages;

    IntPages(int capacity) {
        pages = new ColumnPages<>(int[]::new, capacity);
    }

    /** Makes room for every index below {@code capacity}; values not yet set are 0. */
    void ensure(int capacity) {
        pages.ensure(capacity);
    }

    int get(int index) {
        return pages.pageOf(index)[index & ColumnPages.IN_PAGE];
    }

    void set(int index, int value) {
        pages.pageOf(index)[index & ColumnPages.IN_PAGE] = value;
    }
}
