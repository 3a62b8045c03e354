package org.rentrecovery.audit;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The pages of a growable column of primitives ({@link IntPages}, {@link LongPages}), {@value #PAGE} values a page:
 * growing adds pages and never copies the values already held. The journal index grows on the writer thread, under
 * the journal's lock, and columns of a few hundred thousand records copied at once held every request waiting for
 * the journal for 20–120 ms (docs/benchmarks.md, "The journal index grows without a pause"). Not thread-safe: the
 * journal's lock guards it.
 *
 * @param <P> a page: an {@code int[]} or a {@code long[]} of {@value #PAGE} values
 */
final class ColumnPages<P> {
    static final int PAGE_BITS = 12;
    static final int PAGE = 1 << PAGE_BITS;
    static final int IN_PAGE = PAGE - 1;

    private final IntFunction<P> newPage;
    private Object[] pages = new Object[1];
    private int allocated;

    ColumnPages(IntFunction<P> newPage, int capacity) {
        this.newPage = newPage;
        ensure(capacity);
    }

    /** Makes room for every index below {@code capacity}; values not yet set are 0. */
    void ensure(int capacity) {
        int needed = (int) ((capacity + (long) IN_PAGE) >>> PAGE_BITS);
        if (needed <= allocated) {
            return;
        }
        if (needed > pages.length) {
            pages = Arrays.copyOf(pages, Math.max(needed, pages.length * 2));
        }
        for (; allocated < needed; allocated++) {
            pages[allocated] = newPage.apply(PAGE);
        }
    }

    /** The page holding {@code index}. */
    @SuppressWarnings("unchecked")
    P pageOf(int index) {
        return (P) pages[index >>> PAGE_BITS];
    }
}
