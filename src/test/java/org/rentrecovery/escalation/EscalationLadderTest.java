package org.rentrecovery.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.support.TestCases;

/**
 * The policy layer alone (EscalationOutcome, before the guards). The ladder thresholds below, at and
 * above are scenario suites owned by testers: test-scenarios/escalation/ (run by ScenarioSuitesTest).
 */
class EscalationLadderTest {

    private static EscalationOutcome decide(TestCases c) {
        return TestCases.policy().decide(new CaseAnalysis(c.facts()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "SECURE, SERVE_NOSP",
            "FLEXIBLE, SERVE_NOSP",
            // TestCases.secure() starts in 2015: an introductory tenancy that old is secure (HA 1996 s.125).
            "INTRODUCTORY, SERVE_NOSP",
            "ASSURED, SERVE_SECTION_8_NOTICE",
            "ASSURED_SHORTHOLD, SERVE_SECTION_8_NOTICE",
            "STARTER, SERVE_SECTION_8_NOTICE",
            "LICENCE_BASIC_PROTECTION, SERVE_NOTICE_TO_QUIT",
            "LICENCE_INTERIM_S188, SERVE_NOTICE_TO_QUIT"})
    void theNoticeStepIsTheOneTheTenancyTypeNeeds(String tenancy, String notice) {
        EscalationOutcome outcome = decide(TestCases.secure().set("tenancy.type", tenancy).set("account.balance", 500)
                .action("SEND_REMINDER_LETTER_1", 21).action("SEND_REMINDER_LETTER_2", 7));
        assertThat(outcome.actions().get(0).action()).isEqualTo(ActionType.valueOf(notice));
    }

    @Test
    void everyAnswerNamesTheRowsThatProducedIt() {
        EscalationOutcome outcome = decide(TestCases.secure().set("account.balance", 150));
        assertThat(outcome.stepRow()).isEqualTo("EscalationStep/letter-1");
        assertThat(outcome.actions()).extracting(PolicyAction::row).containsExactly("EscalationActions/letter-1", "EscalationActions/letter-1-contact");
    }
}
