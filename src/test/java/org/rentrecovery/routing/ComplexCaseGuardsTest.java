package org.rentrecovery.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.support.TestCases;

/**
 * What routing does to escalation (rules/guards/ComplexCaseGuards.drl with the existing vulnerability
 * guards): a complex case holds enforcement until its vulnerability and proportionality assessment is
 * completed, support continues, and a former tenant never gets a tenancy-enforcement step.
 */
class ComplexCaseGuardsTest {

    private static Decision decide(TestCases c) {
        return TestCases.decisions().decide(c.facts());
    }

    private static Decision.ProposedActionCheck propose(TestCases c, String type) {
        return decide(c.set("proposedAction", Map.of("type", type))).proposedActionCheck();
    }

    private static List<String> guards(Decision.ProposedActionCheck check) {
        return check.blockedBy().stream().map(Decision.Block::guard).toList();
    }

    private static TestCases mentalHealth(String assessment) {
        return TestCases.secure().set("account.balance", 1000).set("vulnerability.flags", List.of("MENTAL_HEALTH"))
                .set("vulnerability.assessment", assessment);
    }

    private static TestCases deceasedSoleTenant(String assessment) {
        return TestCases.secure().set("account.balance", 1000).set("vulnerability.assessment", assessment)
                .set("tenancy.tenants", List.of(Map.of("id", "T1", "ageYears", 80, "deceased", true, "dateOfDeath", "2026-11-01")));
    }

    @ParameterizedTest(name = "{0} against a complex case with no assessment is held and needs a proportionality assessment")
    @ValueSource(strings = {"MONEY_CLAIM", "ENFORCE_JUDGMENT", "REFER_COLLECTION_AGENCY"})
    void moneyRecoveryIsHeldUntilAnAssessmentIsRecorded(String type) {
        TestCases c = mentalHealth("NONE");
        if (type.equals("ENFORCE_JUDGMENT")) {
            c.set("recovery.judgment", Map.of("type", "MONEY_JUDGMENT", "date", "2025-01-10", "amount", 900));
        }
        Decision.ProposedActionCheck check = propose(c, type);
        assertThat(check.permitted()).isFalse();
        assertThat(guards(check)).containsExactly("COMPLEX_CASE_NOT_ASSESSED");
        assertThat(check.blockedBy().get(0).requires()).containsExactly(ActionType.PROPORTIONALITY_ASSESSMENT);
        assertThat(check.blockedBy().get(0).text()).contains("MENTAL_HEALTH", "not recorded");
    }

    @ParameterizedTest(name = "assessment {0}: money claim permitted = {1}")
    @CsvSource({"NONE, false", "OPEN, false", "COMPLETED, true"})
    void moneyRecoveryResumesOnlyOnceTheAssessmentIsCompleted(String assessment, boolean permitted) {
        Decision.ProposedActionCheck check = propose(mentalHealth(assessment), "MONEY_CLAIM");
        assertThat(check.permitted()).isEqualTo(permitted);
        if (assessment.equals("OPEN")) {
            assertThat(check.blockedBy().get(0).requires()).isEmpty();
            assertThat(check.blockedBy().get(0).text()).contains("still open");
        }
    }

    @Test
    void aCaseWithoutATriggerIsNotHeldByTheComplexCaseGuards() {
        Decision.ProposedActionCheck check = propose(TestCases.secure().set("account.balance", 1000), "MONEY_CLAIM");
        assertThat(check.permitted()).isTrue();
    }

    @Test
    void aDeceasedSoleTenantsTenancyGetsNoNoticeUntilTheCaseIsAssessed() {
        Decision.ProposedActionCheck check = propose(deceasedSoleTenant("NONE"), "SERVE_NOSP");
        assertThat(guards(check)).contains("COMPLEX_CASE_NOT_ASSESSED");
        assertThat(check.blockedBy()).filteredOn(b -> b.guard().equals("COMPLEX_CASE_NOT_ASSESSED"))
                .allSatisfy(b -> assertThat(b.text()).contains("DECEASED_SOLE_TENANT", "estate"));
    }

    @ParameterizedTest(name = "deceased sole tenant, assessment {0}: notice held by the complex-case guard = {1}")
    @CsvSource({"NONE, true", "OPEN, true", "COMPLETED, false"})
    void theDeceasedSoleTenantHoldLiftsWhenTheAssessmentIsCompleted(String assessment, boolean held) {
        Decision.ProposedActionCheck check = propose(deceasedSoleTenant(assessment), "SERVE_NOSP");
        assertThat(guards(check).contains("COMPLEX_CASE_NOT_ASSESSED")).isEqualTo(held);
    }

    @Test
    void aVulnerableTenantsNoticeIsHeldByTheExistingGuardNotTwice() {
        Decision.ProposedActionCheck check = propose(mentalHealth("NONE"), "SERVE_NOSP");
        assertThat(guards(check)).contains("VULNERABILITY_NOT_ASSESSED").doesNotContain("COMPLEX_CASE_NOT_ASSESSED");
    }

    @Test
    void supportActionsContinueForAComplexCase() {
        // Letter 2 rung: 3.5 weeks owed, Letter 1 ten days ago, disability flag, nothing assessed yet.
        Decision d = decide(TestCases.secure().set("account.balance", 350).action("SEND_REMINDER_LETTER_1", 10)
                .set("vulnerability.flags", List.of("PHYSICAL_DISABILITY")));
        assertThat(d.routing().team()).isEqualTo(Team.COMPLEX_CASE);
        assertThat(d.routing().escalationPaused()).isTrue();
        assertThat(d.recommendedActions()).extracting(Decision.RecommendedAction::type).contains(
                ActionType.VULNERABILITY_ASSESSMENT, ActionType.CONTACT_TENANT, ActionType.OFFER_HELP_WITH_BENEFIT_CLAIM,
                ActionType.REFER_MONEY_ADVICE, ActionType.OFFER_REPAYMENT_ARRANGEMENT);
        assertThat(d.blockedActions()).isEmpty();
    }

    @Test
    void enforcementIsHeldWhileTheAssessmentIsOpenButContactContinues() {
        // Serve-notice rung with an assessment open: the ladder pauses (brief 3.1), so no notice is
        // recommended at all; the review and support go on, and a notice proposed anyway is held.
        Decision d = decide(TestCases.secure().set("account.balance", 500).action("SEND_REMINDER_LETTER_1", 30)
                .action("SEND_REMINDER_LETTER_2", 10).set("vulnerability.flags", List.of("SAFEGUARDING_ADULT"))
                .set("vulnerability.assessment", "OPEN").set("proposedAction", Map.of("type", "SERVE_NOSP")));
        assertThat(d.routing().team()).isEqualTo(Team.COMPLEX_CASE);
        assertThat(d.routing().escalationPaused()).isTrue();
        assertThat(d.escalation().step()).isEqualTo("VULNERABILITY_REVIEW_OPEN");
        assertThat(d.recommendedActions()).extracting(Decision.RecommendedAction::type)
                .contains(ActionType.VULNERABILITY_ASSESSMENT, ActionType.CONTACT_ABOUT_CURRENT_RENT)
                .doesNotContain(ActionType.SERVE_NOSP);
        assertThat(d.nextAction().type()).isNotEqualTo(ActionType.SERVE_NOSP);
        assertThat(d.proposedActionCheck().permitted()).isFalse();
    }

    @ParameterizedTest(name = "former tenant: {0} is never permitted")
    @ValueSource(strings = {"SERVE_NOSP", "ISSUE_POSSESSION_CLAIM", "APPLY_FOR_WARRANT", "REQUEST_UC_THIRD_PARTY_DEDUCTION"})
    void aFormerTenantNeverGetsTenancyEnforcement(String type) {
        TestCases c = TestCases.secure().set("account.balance", 1000).set("tenancy.endDate", "2026-10-01")
                .set("recovery.notice.type", "NOSP").set("recovery.notice.servedOn", "2026-08-03")
                .set("recovery.notice.dateSpecified", "2026-09-07")
                .set("recovery.courtOrder", Map.of("type", "OUTRIGHT", "madeOn", "2026-09-20"));
        Decision d = decide(c.set("proposedAction", Map.of("type", type)));
        assertThat(d.proposedActionCheck().permitted()).isFalse();
        assertThat(guards(d.proposedActionCheck())).contains("FORMER_TENANCY");
        assertThat(d.routing().team()).isEqualTo(Team.FORMER_TENANT_ARREARS);
        assertThat(d.recommendedActions()).extracting(Decision.RecommendedAction::type)
                .noneMatch(ActionType::isPossessionStep)
                .contains(ActionType.TRANSFER_FORMER_TENANT_ARREARS);
    }
}
