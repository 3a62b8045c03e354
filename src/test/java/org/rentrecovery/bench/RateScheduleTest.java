package org.rentrecovery.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The intended start times of an open-loop run, and how many requests are due at a given moment. */
class RateScheduleTest {
    @Test
    void startsAreSpacedByOneOverTheRateFromTheOrigin() {
        RateSchedule schedule = new RateSchedule(1_000, 4);

        assertThat(schedule.startNanos(0)).isEqualTo(1_000);
        assertThat(schedule.startNanos(1)).isEqualTo(1_000 + 250_000_000L);
        assertThat(schedule.startNanos(3)).isEqualTo(1_000 + 750_000_000L);
    }

    @Test
    void aLongRunDoesNotDriftWhenTheIntervalIsNotAWholeNumberOfNanoseconds() {
        RateSchedule schedule = new RateSchedule(0, 3);

        assertThat(schedule.startNanos(1)).isEqualTo(333_333_333L);
        assertThat(schedule.startNanos(2)).isEqualTo(666_666_666L);
        assertThat(schedule.startNanos(3 * 3_600)).isEqualTo(3_600_000_000_000L);
    }

    @Test
    void aRequestIsDueFromItsIntendedStartAndNotANanosecondBefore() {
        for (long rate : new long[] {3, 7, 1_554, 5_859, 1_000_000}) {
            RateSchedule schedule = new RateSchedule(5_000, rate);
            for (long request = 1; request < 2_000; request++) {
                long start = schedule.startNanos(request);
                assertThat(schedule.requestsDueBy(start)).as("rate %d, request %d at its start", rate, request)
                        .isEqualTo(request + 1);
                if (start - 1 >= schedule.startNanos(request - 1)) {
                    assertThat(schedule.requestsDueBy(start - 1)).as("rate %d, just before request %d", rate, request)
                            .isEqualTo(request);
                }
            }
        }
    }

    @Test
    void nothingIsDueBeforeTheOriginAndOneRequestAtIt() {
        RateSchedule schedule = new RateSchedule(10_000, 1_000);

        assertThat(schedule.requestsDueBy(9_999)).isZero();
        assertThat(schedule.requestsDueBy(10_000)).isEqualTo(1);
        assertThat(schedule.requestsDueBy(10_000 + 1_000_000_000L)).isEqualTo(1_001);
    }

    @Test
    void aRateOfNothingIsRefused() {
        assertThatThrownBy(() -> new RateSchedule(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
