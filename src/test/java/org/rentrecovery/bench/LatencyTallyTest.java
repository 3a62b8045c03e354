package org.rentrecovery.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles, latencies from the intended start, and what is counted as non-2xx, failed or unanswered. */
class LatencyTallyTest {
    private static final long MS = 1_000_000;

    @Test
    void percentilesOfOneToAThousandAreTheNearestRanks() {
        long[] sorted = LongStream.rangeClosed(1, 1_000).toArray();

        assertThat(LatencyTally.percentile(sorted, 50_000)).isEqualTo(500);
        assertThat(LatencyTally.percentile(sorted, 90_000)).isEqualTo(900);
        assertThat(LatencyTally.percentile(sorted, 99_000)).isEqualTo(990);
        assertThat(LatencyTally.percentile(sorted, 99_900)).isEqualTo(999);
        assertThat(LatencyTally.percentile(sorted, 100_000)).isEqualTo(1_000);
    }

    @Test
    void inASmallSampleAHighPercentileIsTheLargestValueAboveItsRank() {
        long[] sorted = LongStream.rangeClosed(1, 10).toArray();

        assertThat(LatencyTally.percentile(sorted, 99_000)).isEqualTo(10);
        assertThat(LatencyTally.percentile(sorted, 90_000)).isEqualTo(9);
        assertThat(LatencyTally.percentile(sorted, 50_000)).isEqualTo(5);
        assertThat(LatencyTally.percentile(new long[] {7}, 1)).isEqualTo(7);
    }

    @Test
    void aPercentileOfNothingOrOutsideZeroToAHundredIsRefused() {
        assertThatThrownBy(() -> LatencyTally.percentile(new long[0], 99_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyTally.percentile(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyTally.percentile(new long[] {1}, 100_001))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRequestThatWaitedForAConnectionCountsFromItsIntendedStart() {
        LatencyTally tally = new LatencyTally();
        // Meant to start at 0, written at 30 ms when a connection came free, answered at 32 ms.
        tally.answered(200, 0, 30 * MS, 32 * MS);

        OpenLoopSummary summary = tally.summarise(1, 0);

        assertThat(summary.corrected()).containsExactly(32 * MS);
        assertThat(summary.uncorrected()).containsExactly(2 * MS);
    }

    @Test
    void nonSuccessAnswersAreCountedAndTimedFailuresAndUnansweredOnlyCounted() {
        LatencyTally tally = new LatencyTally();
        tally.answered(200, 0, 0, 1 * MS);
        tally.answered(204, 0, 0, 2 * MS);
        tally.answered(503, 0, 0, 3 * MS);
        tally.answered(404, 0, 0, 4 * MS);
        tally.failed();

        OpenLoopSummary summary = tally.summarise(7, 0);

        assertThat(summary.answers()).isEqualTo(4);
        assertThat(summary.nonSuccess()).isEqualTo(2);
        assertThat(summary.failures()).isEqualTo(1);
        assertThat(summary.unanswered()).isEqualTo(2);
        assertThat(summary.corrected()).containsExactly(1 * MS, 2 * MS, 3 * MS, 4 * MS);
        assertThat(tally.settled()).isEqualTo(5);
    }

    @Test
    void theAnsweredRateRunsFromTheFirstIntendedStartToTheLastAnswer() {
        LatencyTally tally = new LatencyTally();
        for (int i = 0; i < 100; i++) {
            tally.answered(200, i * 10 * MS, i * 10 * MS, (i * 10 + 5) * MS);
        }

        // 100 answers from 0 to 995 ms.
        assertThat(tally.summarise(100, 0).answeredPerSecond()).isCloseTo(100 / 0.995, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void everySendersLatenessIsKeptSortedPastTheFirstThousand() {
        LatencyTally tally = new LatencyTally();
        for (long lag = 1_500; lag >= 1; lag--) {
            tally.sent(lag * 1_000);
        }

        long[] lags = tally.summarise(0, 0).senderLag();
        assertThat(lags).hasSize(1_500);
        assertThat(lags[0]).isEqualTo(1_000);
        assertThat(LatencyTally.percentile(lags, 99_000)).as("the 1,485th of 1,500").isEqualTo(1_485_000);
        assertThat(LatencyTally.percentile(lags, 100_000)).isEqualTo(1_500_000);
    }

    @Test
    void theTimelineGivesEachSliceItsAnswersAndItsLongestLatencyByIntendedStart() {
        LatencyTally tally = new LatencyTally();
        tally.answered(200, 1_000 * MS, 1_000 * MS, 1_003 * MS);
        tally.answered(200, 1_099 * MS, 1_099 * MS, 1_140 * MS);
        // Answered in the third slice, but meant to start in the second: it counts where it was meant to start.
        tally.answered(200, 1_100 * MS, 1_100 * MS, 1_250 * MS);
        tally.answered(503, 1_150 * MS, 1_150 * MS, 1_151 * MS);
        tally.answered(200, 1_350 * MS, 1_350 * MS, 1_352 * MS);

        long[][] slices = tally.timeline(1_000 * MS, 100 * MS);

        // No slice for 1,200-1,300 ms: nothing was meant to start in it.
        assertThat(slices).isDeepEqualTo(new long[][] {
                {1_000 * MS, 2, 41 * MS},
                {1_100 * MS, 2, 150 * MS},
                {1_300 * MS, 1, 2 * MS}});
        assertThat(tally.summarise(5, 1_000 * MS).timeline()).isDeepEqualTo(slices);
    }

    @Test
    void aTimelineNeedsSlicesLongerThanNothing() {
        assertThatThrownBy(() -> new LatencyTally().timeline(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
