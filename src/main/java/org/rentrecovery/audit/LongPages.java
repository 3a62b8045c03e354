package org.rentrecovery.audit;

/** A growable column of longs that never copies what it holds as it grows ({@link ColumnPages}). */
final class LongPages {
    private final ColumnPages<long[]> pages;

    LongPages(int capacity) {
        pages = new ColumnPages<>(long[]::new, capacity);
    }

    /** Makes room for every index below {@code capacity}; values not yet set are 0. */
    void ensure(int capacity) {
        pages.ensure(capacity);
    }

    long get(int index) {
        return pages.pageOf(index)[index & ColumnPages.IN_PAGE];
    }

    void set(int index, long value) {
        pages.pageOf(index)[index & ColumnPages.IN_PAGE] = value;
    }
}
