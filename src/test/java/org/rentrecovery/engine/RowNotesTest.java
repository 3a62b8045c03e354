package org.rentrecovery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class RowNotesTest {
    private final ModelSet seed = PolicyModels.seeded().forDate(LocalDate.of(2026, 11, 23));

    @Test
    void aRowIsNotedInItsTablesFirstAnnotationColumnAfterItsName() {
        assertThat(seed.rowNote("EscalationPause/no-pause")).isEqualTo("No pause: the ladder runs.");
        // RoutingTeam's note column is "Why this row", next to "rule".
        assertThat(seed.rowNote("RoutingTeam/" + seed.tables().stream().filter(t -> t.name().equals("RoutingTeam"))
                .findFirst().orElseThrow().rowNames().get(0))).isNotBlank();
    }

    @Test
    void aRowOfATableWithoutANoteColumnOrAnUnknownRowHasNoNote() {
        // EscalationStep carries its sentence in an output column and has only the row-name annotation.
        assertThat(seed.rowNote("EscalationStep/" + seed.tables().stream().filter(t -> t.name().equals("EscalationStep"))
                .findFirst().orElseThrow().rowNames().get(0))).isNull();
        assertThat(seed.rowNote("EscalationPause/no-such-row")).isNull();
    }
}
