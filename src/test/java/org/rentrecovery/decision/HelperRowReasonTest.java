package org.rentrecovery.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rentrecovery.escalation.EscalationOutcome.HelperRow;

class HelperRowReasonTest {
    @Test
    void aHelperRowIsExplainedInItsOwnWords() {
        assertThat(DecisionExplanation.helperSentence(new HelperRow("EscalationPause/arrangement-kept", "A kept agreement.")))
                .isEqualTo("A kept agreement.");
    }

    @Test
    void aHelperRowWithoutANoteIsStillNamedWithItsTable() {
        assertThat(DecisionExplanation.helperSentence(new HelperRow("CallSignals/two-failed-calls", null)))
                .isEqualTo("The ladder's table CallSignals selected its row two-failed-calls (the table has no note column saying why).");
    }
}
