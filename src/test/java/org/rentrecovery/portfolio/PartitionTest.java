package org.rentrecovery.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PartitionTest {

    @Test
    void everyCaseFallsInExactlyOnePartition() {
        for (int n : new int[] {1, 2, 3, 7}) {
            for (int c = 0; c < 2000; c++) {
                String ref = "HRA-" + c;
                long line = c + 1;
                long holders = IntStream.range(0, n).filter(i -> new Partition(i, n).holds(ref, line)).count();
                assertThat(holders).as(ref + " over " + n).isEqualTo(1);
            }
        }
    }

    @Test
    void theShareDependsOnTheCaseRefNotOnWhereTheLineIs() {
        Partition first = new Partition(0, 4);
        for (int c = 0; c < 200; c++) {
            assertThat(first.holds("HRA-" + c, 1)).isEqualTo(first.holds("HRA-" + c, 999_999));
        }
    }

    @Test
    void casesSpreadRoughlyEvenly() {
        long inFirst = IntStream.range(0, 10_000).filter(c -> new Partition(0, 2).holds("HRA-" + c, c)).count();
        assertThat(inFirst).isBetween(4_500L, 5_500L);
    }

    @Test
    void readsIOverNAndSaysWhatIsWrongOtherwise() {
        assertThat(Partition.parse("1/4")).isEqualTo(new Partition(1, 4));
        assertThatThrownBy(() -> Partition.parse("4/4")).hasMessageContaining("i from 0 to n-1");
        assertThatThrownBy(() -> Partition.parse("1-4")).hasMessageContaining("written i/n");
        assertThatThrownBy(() -> Partition.parse("0/0")).hasMessageContaining("n at least 1");
        assertThatThrownBy(() -> Partition.parse("0/1000000")).hasMessageContaining("at most 999999");
        assertThat(Partition.parse("999998/999999")).isEqualTo(new Partition(999_998, 999_999));
    }
}
