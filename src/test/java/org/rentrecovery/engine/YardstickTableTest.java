package org.rentrecovery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The benchmarks' yardstick answers from bench/trivial.dmn's first matching row (hit policy FIRST). */
class YardstickTableTest {

    @Test
    void shouldAnswerTheFirstMatchingRowOfTheTrivialTable() {
        YardstickTable table = new YardstickTable(Path.of("bench/trivial.dmn"));
        assertThat(table.step(new BigDecimal("9"), true)).isEqualTo("VULNERABILITY_ASSESSMENT");
        assertThat(table.step(new BigDecimal("8"), false)).isEqualTo("SERVE_NOSP");
        assertThat(table.step(new BigDecimal("7.99"), false)).isEqualTo("SEND_REMINDER_LETTER_1");
        assertThat(table.step(new BigDecimal("0.5"), false)).isEqualTo("NO_ACTION");
    }
}
