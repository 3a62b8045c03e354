package org.rentrecovery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rentrecovery.escalation.EscalationPolicy;

class ModelSetReferenceTest {
    private static final String LADDER = "escalation/escalation-ladder.dmn";
    private static final String OWN_PAGE = "docs/policy.md#escalation-ladder";

    @Test
    void theDefaultLadderIsCitedByTheProjectsPageAndALandlordsOwnByItsVersionsFile() {
        ModelSet packaged = ModelSetCompiler.compile("2026.12.06-7", PolicyModels.seedFiles(getClass().getClassLoader()));
        assertThat(packaged.reference(EscalationPolicy.LADDER, OWN_PAGE)).isEqualTo(OWN_PAGE);

        ModelSet own = ModelSetCompiler.compile("2026.12.06-8", ModelSetCompilerTest.withFile(LADDER,
                xml -> xml.change("EscalationStep-row-17-stage", "1", "2")));
        assertThat(own.reference(EscalationPolicy.LADDER, OWN_PAGE)).isEqualTo("policy 2026.12.06-8: " + LADDER);
    }
}
