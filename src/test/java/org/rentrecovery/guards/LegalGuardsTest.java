package org.rentrecovery.guards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.support.TestCases;

/**
 * Legal guards (domain brief section 2) through the real DRL rule unit, where a check needs code:
 * many steps against one case, computed dates, exact sets. Each guard at its thresholds is a scenario
 * suite owned by testers: test-scenarios/guards/ (run by ScenarioSuitesTest; coverage 28/28 rules).
 */
class LegalGuardsTest {

    private static Decision decide(TestCases c) {
        return TestCases.decisions().decide(c.facts());
    }

    private static Decision.ProposedActionCheck propose(TestCases c, String type, String plannedDate, String... grounds) {
        c.set("proposedAction", new java.util.LinkedHashMap<>(Map.of("type", type, "plannedDate", plannedDate)));
        if (grounds.length > 0) {
            c.set("proposedAction.grounds", List.of(grounds));
        }
        return decide(c).proposedActionCheck();
    }

    private static List<String> guards(Decision.ProposedActionCheck check) {
        return check.blockedBy().stream().map(Decision.Block::guard).toList();
    }

    /** A secure tenancy 10 weeks in arrears with a NoSP in force and every protocol step recorded. */
    private static TestCases readyForClaim() {
        return TestCases.secure().set("account.balance", 1000)
                .set("recovery.notice.type", "NOSP").set("recovery.notice.servedOn", "2026-08-03")
                .set("recovery.notice.dateSpecified", "2026-09-07")
                .action("SEND_REMINDER_LETTER_1", 150).action("SEND_REMINDER_LETTER_2", 130).action("CONTACT_TENANT", 128)
                .action("OFFER_REPAYMENT_ARRANGEMENT", 128).action("OFFER_HELP_WITH_BENEFIT_CLAIM", 128)
                .action("SEND_COURT_WARNING_LETTER", 30);
    }

    // ------------------------------------------------------------------ Breathing Space

    @ParameterizedTest(name = "standard Breathing Space from {0}: active on 2026-11-23 = {1}")
    @CsvSource({"2026-11-23, true", "2026-09-25, true", "2026-09-24, false", "2026-11-24, false"})
    void standardBreathingSpaceLastsSixtyDays(String start, boolean active) {
        Decision d = decide(readyForClaim().set("breathingSpace", Map.of("type", "STANDARD", "startDate", start)));
        assertThat(d.legal().breathingSpaceActive()).isEqualTo(active);
        assertThat(d.blockedActions().stream().anyMatch(b -> b.type() == ActionType.ISSUE_POSSESSION_CLAIM
                && b.blockedBy().stream().anyMatch(x -> x.guard().equals("BREATHING_SPACE")))).isEqualTo(active);
        if (active) {
            assertThat(d.nextAction().type()).isEqualTo(ActionType.CONTACT_ABOUT_CURRENT_RENT);
            assertThat(d.legal().breathingSpaceUntil()).isEqualTo(java.time.LocalDate.parse(start).plusDays(59));
        }
    }

    @Test
    void duringABreathingSpaceNoNoticeDemandOrMoneyClaimButCurrentRentContactIsAllowed() {
        TestCases c = TestCases.assured().set("account.balance", 1500)
                .set("breathingSpace", Map.of("type", "STANDARD", "startDate", "2026-11-10"))
                .action("SEND_REMINDER_LETTER_1", 40).action("SEND_REMINDER_LETTER_2", 20);
        for (String step : List.of("SERVE_SECTION_8_NOTICE", "MONEY_CLAIM", "SEND_REMINDER_LETTER_2", "CONTACT_TENANT",
                "APPLY_FOR_WARRANT", "ENFORCE_JUDGMENT")) {
            assertThat(guards(propose(c, step, "2026-11-23"))).as(step).contains("BREATHING_SPACE");
        }
        assertThat(propose(c, "CONTACT_ABOUT_CURRENT_RENT", "2026-11-23").permitted()).isTrue();
        // A moratorium in force today holds the step even when planned for after its expected end
        // (2027-01-08): it is planned again once the moratorium has actually ended.
        Decision.ProposedActionCheck later = propose(c, "SERVE_SECTION_8_NOTICE", "2027-01-09");
        assertThat(guards(later)).contains("BREATHING_SPACE");
        assertThat(later.blockedBy().get(0).until()).isEqualTo(java.time.LocalDate.of(2027, 1, 8));
        // Once it has ended, a step is judged on its own date.
        TestCases ended = TestCases.assured().set("account.balance", 1500)
                .set("breathingSpace", Map.of("type", "STANDARD", "startDate", "2026-09-01", "endDate", "2026-10-30"));
        assertThat(guards(propose(ended, "SERVE_SECTION_8_NOTICE", "2026-11-30"))).doesNotContain("BREATHING_SPACE");
        // A moratorium that starts before the planned date holds the step on that date.
        TestCases starting = TestCases.assured().set("account.balance", 1500)
                .set("breathingSpace", Map.of("type", "STANDARD", "startDate", "2026-11-25"));
        assertThat(guards(propose(starting, "SERVE_SECTION_8_NOTICE", "2026-11-30"))).contains("BREATHING_SPACE");
    }

    // ------------------------------------------------------------------ Protocol

    @Test
    void missingProtocolStepsHoldTheClaimAndAreRecommendedInstead() {
        TestCases c = TestCases.secure().set("account.balance", 1000)
                .set("recovery.notice.type", "NOSP").set("recovery.notice.servedOn", "2026-08-03")
                .set("recovery.notice.dateSpecified", "2026-09-07")
                .action("SEND_REMINDER_LETTER_1", 150).action("SEND_REMINDER_LETTER_2", 130).action("SEND_COURT_WARNING_LETTER", 30);
        Decision d = decide(c);
        Decision.BlockedAction claim = d.blockedActions().stream().filter(b -> b.type() == ActionType.ISSUE_POSSESSION_CLAIM)
                .findFirst().orElseThrow();
        assertThat(claim.blockedBy()).extracting(Decision.Block::guard).containsOnly("PROTOCOL_STEP_MISSING");
        assertThat(claim.blockedBy()).flatExtracting(Decision.Block::requires).containsExactlyInAnyOrder(
                ActionType.CONTACT_TENANT, ActionType.OFFER_REPAYMENT_ARRANGEMENT, ActionType.OFFER_HELP_WITH_BENEFIT_CLAIM);
        assertThat(d.recommendedActions()).extracting(Decision.RecommendedAction::type).contains(
                ActionType.OFFER_REPAYMENT_ARRANGEMENT, ActionType.OFFER_HELP_WITH_BENEFIT_CLAIM);
    }

    // ------------------------------------------------------------------ Notices and grounds

    @Test
    void noPossessionStepOrDeductionAfterTheTenancyEnds() {
        TestCases c = TestCases.secure().set("tenancy.endDate", "2026-10-31").set("account.balance", 800)
                .set("benefits.housingCostSupport", "UNIVERSAL_CREDIT");
        for (String step : List.of("SERVE_NOSP", "ISSUE_POSSESSION_CLAIM", "APPLY_FOR_WARRANT", "REQUEST_UC_THIRD_PARTY_DEDUCTION")) {
            assertThat(guards(propose(c, step, "2026-11-23"))).as(step).contains("FORMER_TENANCY");
        }
        assertThat(propose(c, "MONEY_CLAIM", "2026-11-23").permitted()).isTrue();
    }

    // ------------------------------------------------------------------ Money remedies

    @Test
    void nothingToRecoverWhenTheAccountIsClear() {
        TestCases c = TestCases.secure().set("account.balance", -20);
        for (String step : List.of("SEND_REMINDER_LETTER_1", "MONEY_CLAIM", "REQUEST_UC_THIRD_PARTY_DEDUCTION", "SEND_COURT_WARNING_LETTER")) {
            assertThat(guards(propose(c, step, "2026-11-23"))).as(step).contains("NO_ARREARS");
        }
    }
}
