package org.rentrecovery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The packaged set's tables are written as docs/policy-authoring.md asks (FIRST tables ending with a catch-all row, an
 * actions table listing several steps of one rung as rows with the same inputs): the analyser's advice against that is
 * not among its warnings, and what it says about anything else still is.
 */
class AnalyserAdviceTest {
    private final List<ModelProblem> warnings = ModelSetCompiler.compile("seed",
            PolicyModels.seedFiles(getClass().getClassLoader())).warnings();

    @Test
    void adviceAgainstFirstTablesAndSeveralStepsOfOneRungIsNotAWarning() {
        assertThat(warnings).noneMatch(p -> p.code().equals("DECISION_TABLE_HITPOLICY_RECOMMENDER") && p.message().contains("should be PRIORITY"));
        assertThat(warnings).noneMatch(p -> p.code().equals("DECISION_TABLE_1STNFVIOLATION"));
    }

    @Test
    void theAnalysersOtherWarningsStillAre() {
        assertThat(warnings).anyMatch(p -> p.code().equals("DECISION_TABLE_GAP") && p.table().equals("EscalationStep"));
        assertThat(warnings).anyMatch(p -> p.code().equals("ILLEGAL_USE_OF_NAME"));
    }
}
