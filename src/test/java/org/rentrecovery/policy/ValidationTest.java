package org.rentrecovery.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ValidationTest {
    private static ModelProblem warning(String row, String message) {
        return new ModelProblem("escalation/escalation-ladder.dmn", "EscalationLadder", "EscalationActions", row, "action", "WARNING", message);
    }

    @Test
    void aWarningTheParentHasIsInheritedEvenWhenARowAddedAboveMovedItsNumbers() {
        List<ModelProblem> parent = List.of(warning("17", "Rules [17, 18] overlap (rows 17, 18)"), warning("letter-1", "'LETTER_1' is output here"));
        ModelProblem moved = warning("18", "Rules [18, 19] overlap (rows 18, 19)");
        ModelProblem renamedRow = warning("letter-one", "'LETTER_1' is output here");
        ModelProblem other = warning("letter-1", "'LETTER_1' matches no row");

        assertThat(Validation.newSince(parent, List.of(moved, renamedRow, other))).containsExactly(renamedRow, other);
    }
}
