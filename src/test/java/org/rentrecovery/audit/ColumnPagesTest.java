package org.rentrecovery.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The journal index's paged columns keep every value through growth, across page edges, and read 0 where unset. */
class ColumnPagesTest {
    private static final int EDGE = ColumnPages.PAGE;

    @Test
    void intsKeepTheirValuesAsTheColumnGrowsPageByPage() {
        IntPages column = new IntPages(1);
        int size = 3 * EDGE + 5;
        for (int i = 0; i < size; i++) {
            column.ensure(i + 1);
            column.set(i, -i);
        }
        for (int i = 0; i < size; i++) {
            assertThat(column.get(i)).as("value %d", i).isEqualTo(-i);
        }
        column.ensure(10 * EDGE);
        assertThat(column.get(EDGE - 1)).isEqualTo(-(EDGE - 1));
        assertThat(column.get(EDGE)).isEqualTo(-EDGE);
        assertThat(column.get(10 * EDGE - 1)).as("a value never set").isZero();
    }

    @Test
    void longsKeepTheirValuesAsTheColumnGrowsAndASmallerEnsureChangesNothing() {
        LongPages column = new LongPages(0);
        column.ensure(2 * EDGE + 1);
        column.set(0, Long.MIN_VALUE);
        column.set(EDGE, Long.MAX_VALUE);
        column.set(2 * EDGE, 42L);
        column.ensure(5);
        column.ensure(40 * EDGE);
        assertThat(column.get(0)).isEqualTo(Long.MIN_VALUE);
        assertThat(column.get(EDGE - 1)).isZero();
        assertThat(column.get(EDGE)).isEqualTo(Long.MAX_VALUE);
        assertThat(column.get(2 * EDGE)).isEqualTo(42L);
        assertThat(column.get(40 * EDGE - 1)).isZero();
    }
}
