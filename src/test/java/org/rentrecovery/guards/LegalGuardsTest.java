package org.rentrecovery.guards;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rentrecovery.casefacts.ActionType;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.support.TestCases;

/**
 * Every legal guard (domain brief section 2), through the real DRL rule unit, at its thresholds:
 * a proposed step is checked on its planned date, recommendations on asOf (2026-11-23).
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

    @Test
    void aCaseThatMeetsEveryConditionMayGoToCourt() {
        Decision d = decide(readyForClaim());
        assertThat(d.nextAction().type()).isEqualTo(ActionType.ISSUE_POSSESSION_CLAIM);
        assertThat(d.blockedActions()).isEmpty();
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
    void aBreathingSpaceEndedEarlyNoLongerHolds() {
        Decision d = decide(readyForClaim().set("breathingSpace", Map.of("type", "STANDARD", "startDate", "2026-11-01",
                "endDate", "2026-11-22")));
        assertThat(d.legal().breathingSpaceActive()).isFalse();
        Decision lastDay = decide(readyForClaim().set("breathingSpace", Map.of("type", "STANDARD", "startDate", "2026-11-01",
                "endDate", "2026-11-23")));
        assertThat(lastDay.legal().breathingSpaceActive()).isTrue();
    }

    @Test
    void aMentalHealthCrisisMoratoriumHasNoSixtyDayCap() {
        Decision d = decide(readyForClaim().set("breathingSpace", Map.of("type", "MENTAL_HEALTH_CRISIS", "startDate", "2026-03-01"))
                .set("vulnerability.flags", List.of("MENTAL_HEALTH_CRISIS")).set("vulnerability.assessment", "COMPLETED"));
        assertThat(d.legal().breathingSpaceActive()).isTrue();
        assertThat(d.legal().breathingSpaceUntil()).isNull();
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

    @Test
    void courtPermissionLiftsEnforcementButNotTheBanOnDemands() {
        TestCases c = readyForClaim().set("breathingSpace", Map.of("type", "STANDARD", "startDate", "2026-11-10",
                "courtPermission", true));
        assertThat(guards(propose(c, "ISSUE_POSSESSION_CLAIM", "2026-11-23"))).doesNotContain("BREATHING_SPACE");
        assertThat(guards(propose(c, "SEND_REMINDER_LETTER_2", "2026-11-23"))).contains("BREATHING_SPACE");
    }

    @Test
    void breathingSpaceLawAppliesOnlyFromItsCommencement() {
        TestCases c = readyForClaim().set("asOf", "2021-05-10").set("tenancy.startDate", "2015-04-06")
                .set("recovery", null).set("breathingSpace", Map.of("type", "STANDARD", "startDate", "2021-05-05"));
        assertThat(decide(c).legal().breathingSpaceActive()).isTrue();
        TestCases before = TestCases.secure().set("asOf", "2021-05-03").set("account.balance", 1000)
                .set("breathingSpace", Map.of("type", "STANDARD", "startDate", "2021-05-01"));
        assertThat(decide(before).legal().breathingSpaceActive()).isFalse();
    }

    // ------------------------------------------------------------------ Protocol

    @ParameterizedTest(name = "evidence {0}, eligibility {1}, shortfall paid {2} -> bar {3}")
    @CsvSource({"true, true, true, true", "false, true, true, false", "true, false, true, false", "true, true, false, false"})
    void pendingBenefitBarNeedsAllThreeConditions(boolean evidence, boolean eligible, boolean shortfall, boolean bar) {
        Decision d = decide(readyForClaim().set("benefits.claimPending", Map.of("since", "2026-11-01",
                "evidenceProvided", evidence, "reasonableExpectationOfEligibility", eligible, "shortfallPaid", shortfall)));
        assertThat(d.legal().pendingBenefitBar()).isEqualTo(bar);
        assertThat(d.nextAction().type() == ActionType.ISSUE_POSSESSION_CLAIM).isEqualTo(!bar);
    }

    @Test
    void aKeptArrangementPostponesProceedings() {
        TestCases c = readyForClaim().set("arrangement", Map.of("status", "KEPT", "amountPerPeriod", 10, "startDate", "2026-10-01"));
        assertThat(guards(propose(c, "ISSUE_POSSESSION_CLAIM", "2026-11-23"))).contains("KEPT_ARRANGEMENT");
    }

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

    @Test
    void prerequisitesAreNotRecommendedForAStepHeldForAnotherReason() {
        TestCases c = TestCases.secure().set("account.balance", 1000)
                .set("breathingSpace", Map.of("type", "STANDARD", "startDate", "2026-11-02"))
                .set("recovery.notice.type", "NOSP").set("recovery.notice.servedOn", "2026-08-03")
                .set("recovery.notice.dateSpecified", "2026-09-07").action("SEND_COURT_WARNING_LETTER", 30);
        Decision d = decide(c);
        assertThat(d.nextAction().type()).isEqualTo(ActionType.CONTACT_ABOUT_CURRENT_RENT);
        assertThat(d.recommendedActions()).extracting(Decision.RecommendedAction::type)
                .doesNotContain(ActionType.OFFER_HELP_WITH_BENEFIT_CLAIM, ActionType.OFFER_REPAYMENT_ARRANGEMENT);
    }

    @ParameterizedTest(name = "vulnerable, assessment {0} -> guard {1}")
    @CsvSource({"NONE, PROPORTIONALITY_NOT_ASSESSED", "OPEN, VULNERABILITY_REVIEW_OPEN", "COMPLETED, none"})
    void vulnerableTenantsNeedAnAssessmentBeforeCourt(String assessment, String guard) {
        TestCases c = readyForClaim().set("vulnerability", Map.of("flags", List.of("MENTAL_HEALTH"), "assessment", assessment));
        List<String> found = guards(propose(c, "ISSUE_POSSESSION_CLAIM", "2026-11-23"));
        if (guard.equals("none")) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).contains(guard);
        }
    }

    @Test
    void anUnassessedVulnerableTenantGetsAnAssessmentBeforeANotice() {
        TestCases c = TestCases.secure().set("account.balance", 500).set("vulnerability.capacityConcern", true)
                .action("SEND_REMINDER_LETTER_1", 30).action("SEND_REMINDER_LETTER_2", 10);
        Decision d = decide(c);
        assertThat(d.nextAction().type()).isEqualTo(ActionType.VULNERABILITY_ASSESSMENT);
        assertThat(d.blockedActions()).extracting(Decision.BlockedAction::type).contains(ActionType.SERVE_NOSP);
    }

    // ------------------------------------------------------------------ Notices and grounds

    @ParameterizedTest(name = "{0} tenancy, proposing {1} -> permitted {2}")
    @CsvSource({
            "SECURE, SERVE_NOSP, true", "SECURE, SERVE_SECTION_8_NOTICE, false", "FLEXIBLE, SERVE_NOTICE_TO_QUIT, false",
            "ASSURED, SERVE_SECTION_8_NOTICE, true", "ASSURED, SERVE_NOSP, false", "STARTER, SERVE_SECTION_8_NOTICE, true",
            "INTRODUCTORY, SERVE_NOTICE_OF_PROCEEDINGS, true", "INTRODUCTORY, SERVE_NOSP, false",
            "LICENCE_BASIC_PROTECTION, SERVE_NOTICE_TO_QUIT, true", "LICENCE_BASIC_PROTECTION, SERVE_SECTION_8_NOTICE, false"})
    void onlyTheNoticeTheTenancyTypeRequires(String tenancy, String notice, boolean permitted) {
        TestCases c = TestCases.secure().set("tenancy.type", tenancy).set("account.balance", 1500);
        Decision.ProposedActionCheck check = propose(c, notice, "2026-11-23");
        assertThat(check.permitted()).isEqualTo(permitted);
        if (!permitted) {
            assertThat(guards(check)).contains("WRONG_NOTICE_TYPE");
        }
    }

    @ParameterizedTest(name = "weekly rent 100, balance {0}, served {1} -> Ground 8 permitted {2}")
    @CsvSource({
            "799.99, 2026-04-30, false", "800.00, 2026-04-30, true", "800.01, 2026-04-30, true",
            "1299.99, 2026-05-01, false", "1300.00, 2026-05-01, true", "1300.01, 2026-05-01, true",
            "1299.99, 2026-11-30, false", "1300.00, 2026-11-30, true"})
    void groundEightThresholdWeeklyRentBeforeAndAfterTheRentersRightsAct(String balance, String served, boolean permitted) {
        TestCases c = TestCases.assured().set("asOf", "2026-04-30").set("account.balance", new BigDecimal(balance));
        Decision.ProposedActionCheck check = propose(c, "SERVE_SECTION_8_NOTICE", served, "GROUND_8");
        assertThat(check.permitted()).isEqualTo(permitted);
        if (!permitted) {
            assertThat(guards(check)).containsExactly("GROUND_8_THRESHOLD");
        }
    }

    @ParameterizedTest(name = "monthly rent 500, balance {0}, served {1} -> Ground 8 permitted {2}")
    @CsvSource({
            "999.99, 2026-04-30, false", "1000.00, 2026-04-30, true",
            "1499.99, 2026-05-01, false", "1500.00, 2026-05-01, true", "1500.01, 2026-05-01, true"})
    void groundEightThresholdMonthlyRent(String balance, String served, boolean permitted) {
        TestCases c = TestCases.assured().set("asOf", "2026-04-30").set("tenancy.rentFrequency", "MONTHLY")
                .set("tenancy.periodStartDay", null).set("tenancy.rentPerPeriod", 500).set("account.balance", new BigDecimal(balance));
        assertThat(propose(c, "SERVE_SECTION_8_NOTICE", served, "GROUND_8").permitted()).isEqualTo(permitted);
    }

    @ParameterizedTest(name = "{0} rent {1}, balance {2} on 2026-11-23 -> Ground 8 available {3}")
    @CsvSource({
            "WEEKLY, 100.00, 1299.99, false", "WEEKLY, 100.00, 1300.00, true",
            "FORTNIGHTLY, 200.00, 1299.99, false", "FORTNIGHTLY, 200.00, 1300.00, true",
            "FOUR_WEEKLY, 400.00, 1299.99, false", "FOUR_WEEKLY, 400.00, 1300.00, true",
            "MONTHLY, 500.00, 1499.99, false", "MONTHLY, 500.00, 1500.00, true"})
    void groundEightAvailabilityForEveryFrequency(String frequency, String rent, String balance, boolean available) {
        Decision d = decide(TestCases.assured().set("tenancy.rentFrequency", frequency)
                .set("tenancy.periodStartDay", frequency.equals("MONTHLY") ? null : "MONDAY")
                .set("tenancy.rentPerPeriod", new BigDecimal(rent)).set("account.balance", new BigDecimal(balance)));
        assertThat(d.legal().ground8ThresholdMet()).isEqualTo(available);
        assertThat(d.legal().availableGrounds().contains(org.rentrecovery.casefacts.Vocabulary.Ground.GROUND_8)).isEqualTo(available);
    }

    @Test
    void groundEightIsNeverAvailableToASecureTenancy() {
        TestCases c = TestCases.secure().set("account.balance", 5000);
        Decision.ProposedActionCheck check = propose(c, "SERVE_NOSP", "2026-11-23", "GROUND_8");
        assertThat(guards(check)).contains("GROUND_8_NOT_AVAILABLE");
        assertThat(decide(TestCases.secure().set("account.balance", 5000)).legal().availableGrounds())
                .containsExactly(org.rentrecovery.casefacts.Vocabulary.Ground.GROUND_1);
    }

    @Test
    void groundsOneAndTenNeedRentUnpaidButElevenDoesNot() {
        assertThat(guards(propose(TestCases.secure().set("account.balance", 0), "SERVE_NOSP", "2026-11-23"))).contains("NO_RENT_UNPAID");
        assertThat(guards(propose(TestCases.assured().set("account.balance", -10), "SERVE_SECTION_8_NOTICE", "2026-11-23", "GROUND_10")))
                .contains("NO_RENT_UNPAID");
        assertThat(guards(propose(TestCases.assured().set("account.balance", 0), "SERVE_SECTION_8_NOTICE", "2026-11-23", "GROUND_11")))
                .doesNotContain("NO_RENT_UNPAID");
    }

    @ParameterizedTest(name = "NoSP date specified 2025-11-30, claim on {0} -> notice in force {1}")
    @CsvSource({"2025-11-29, false", "2025-11-30, true", "2026-11-30, true", "2026-12-01, false"})
    void aNospLapsesTwelveMonthsAfterTheDateSpecified(String claimDate, boolean inForce) {
        TestCases c = readyForClaim().set("asOf", "2025-11-29").set("recovery.notice.servedOn", "2025-10-20")
                .set("recovery.notice.dateSpecified", "2025-11-30").set("recovery.actions", List.of(
                        Map.of("type", "CONTACT_TENANT", "date", "2025-10-01"), Map.of("type", "OFFER_REPAYMENT_ARRANGEMENT", "date", "2025-10-01"),
                        Map.of("type", "OFFER_HELP_WITH_BENEFIT_CLAIM", "date", "2025-10-01")));
        Decision.ProposedActionCheck check = propose(c, "ISSUE_POSSESSION_CLAIM", claimDate);
        assertThat(check.permitted()).isEqualTo(inForce);
        if (!inForce) {
            assertThat(guards(check)).containsExactly("NOTICE_NOT_IN_FORCE");
        }
    }

    @ParameterizedTest(name = "s.8 served 2026-01-05 with 2 weeks' notice, claim on {0} -> in force {1}")
    @CsvSource({"2026-01-18, false", "2026-01-19, true", "2027-01-05, true", "2027-01-06, false"})
    void aSectionEightNoticeSupportsAClaimWithinTwelveMonthsOfService(String claimDate, boolean inForce) {
        TestCases c = readyForClaim().set("tenancy.type", "ASSURED").set("landlord.type", "HOUSING_ASSOCIATION")
                .set("asOf", "2026-01-06").set("recovery.notice.type", "SECTION_8").set("recovery.notice.servedOn", "2026-01-05")
                .set("recovery.notice.dateSpecified", null).set("recovery.notice.grounds", List.of("GROUND_10"))
                .set("recovery.actions", List.of(Map.of("type", "CONTACT_TENANT", "date", "2025-12-01"),
                        Map.of("type", "OFFER_REPAYMENT_ARRANGEMENT", "date", "2025-12-01"),
                        Map.of("type", "OFFER_HELP_WITH_BENEFIT_CLAIM", "date", "2025-12-01")));
        assertThat(propose(c, "ISSUE_POSSESSION_CLAIM", claimDate).permitted()).isEqualTo(inForce);
    }

    @Test
    void aSectionEightNoticeServedUnderTheNewLawNeedsFourWeeks() {
        TestCases c = TestCases.assured().set("account.balance", 900).set("recovery.notice.type", "SECTION_8")
                .set("recovery.notice.servedOn", "2026-11-02").set("recovery.notice.dateSpecified", "2026-11-16")
                .set("recovery.notice.grounds", List.of("GROUND_10"));
        Decision d = decide(c);
        assertThat(d.legal().noticeStatus()).isEqualTo("PERIOD_TOO_SHORT");
        assertThat(d.legal().minimumNoticeWeeks()).isEqualTo(4);
        Decision atFourWeeks = decide(c.set("recovery.notice.dateSpecified", "2026-11-30"));
        assertThat(atFourWeeks.legal().noticeStatus()).isEqualTo("PENDING");
    }

    @Test
    void aNospNeedsTheLongerOfFourWeeksOrOneMonthlyPeriod() {
        TestCases c = TestCases.secure().set("tenancy.rentFrequency", "MONTHLY").set("tenancy.periodStartDay", null)
                .set("tenancy.rentPerPeriod", 450).set("account.balance", 900).set("recovery.notice.type", "NOSP")
                .set("recovery.notice.servedOn", "2026-10-01").set("recovery.notice.dateSpecified", "2026-10-29");
        assertThat(decide(c).legal().noticeStatus()).isEqualTo("PERIOD_TOO_SHORT");
        assertThat(decide(c.set("recovery.notice.dateSpecified", "2026-11-01")).legal().noticeStatus()).isEqualTo("IN_FORCE");
    }

    @Test
    void anInterimLicenceNeedsNoCourtOrderButABasicProtectionLicenceDoes() {
        TestCases interim = TestCases.secure().set("tenancy.type", "LICENCE_INTERIM_S188").set("account.balance", 500);
        assertThat(propose(interim, "END_LICENCE_WITHOUT_COURT_ORDER", "2026-11-23").permitted()).isTrue();
        assertThat(decide(interim).legal().courtOrderRequiredToEvict()).isFalse();
        TestCases basic = TestCases.secure().set("tenancy.type", "LICENCE_BASIC_PROTECTION").set("account.balance", 500);
        assertThat(guards(propose(basic, "END_LICENCE_WITHOUT_COURT_ORDER", "2026-11-23"))).contains("COURT_ORDER_REQUIRED");
        assertThat(decide(basic).legal().requiredNotice()).isEqualTo("NOTICE_TO_QUIT");
    }

    @Test
    void aWarrantNeedsAnEnforceableOrder() {
        TestCases c = readyForClaim().set("recovery.claim.issuedOn", "2026-09-15");
        assertThat(guards(propose(c, "APPLY_FOR_WARRANT", "2026-11-23"))).contains("NO_ENFORCEABLE_ORDER");
        c.set("recovery.courtOrder", Map.of("type", "SUSPENDED", "madeOn", "2026-10-15", "termsBreached", false));
        assertThat(guards(propose(c, "APPLY_FOR_WARRANT", "2026-11-23"))).contains("NO_ENFORCEABLE_ORDER");
        c.set("recovery.courtOrder", Map.of("type", "SUSPENDED", "madeOn", "2026-10-15", "termsBreached", true));
        assertThat(propose(c, "APPLY_FOR_WARRANT", "2026-11-23").permitted()).isTrue();
    }

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

    @ParameterizedTest(name = "{0} covering {1} of a 800 balance -> money claim permitted {2}")
    @CsvSource({"BANKRUPTCY, 800.00, false", "BANKRUPTCY, 799.99, true", "DRO, 900.00, false", "DRO, 700.00, true", "IVA, 800.00, true"})
    void noMoneyRemedyForDebtsInABankruptcyOrDro(String type, String covered, boolean permitted) {
        TestCases c = TestCases.secure().set("account.balance", 800)
                .set("insolvency", Map.of("type", type, "date", "2026-06-01", "arrearsCovered", new BigDecimal(covered)));
        assertThat(propose(c, "MONEY_CLAIM", "2026-11-23").permitted()).isEqualTo(permitted);
        // Possession on arrears grounds is still available.
        assertThat(guards(propose(c, "SERVE_NOSP", "2026-11-23"))).doesNotContain("BANKRUPTCY", "DEBT_RELIEF_ORDER");
    }

    @Test
    void aJudgmentFromBeforeTheBankruptcyCannotBeEnforced() {
        TestCases c = TestCases.secure().set("account.balance", 1500)
                .set("insolvency", Map.of("type", "BANKRUPTCY", "date", "2026-06-01", "arrearsCovered", 100))
                .set("recovery.judgment", Map.of("type", "MONEY_JUDGMENT", "date", "2025-01-10", "amount", 900));
        assertThat(guards(propose(c, "ENFORCE_JUDGMENT", "2026-11-23"))).contains("BANKRUPTCY");
    }

    @ParameterizedTest(name = "judgment of {0} -> enforceable without permission on 2026-11-23: {1}")
    @CsvSource({"2020-11-24, true", "2020-11-23, false", "2020-11-22, false"})
    void aJudgmentSixYearsOldNeedsPermission(String judgment, boolean permitted) {
        TestCases c = TestCases.secure().set("account.balance", 1500)
                .set("recovery.judgment", Map.of("type", "MONEY_JUDGMENT", "date", judgment, "amount", 900));
        assertThat(propose(c, "ENFORCE_JUDGMENT", "2026-11-23").permitted()).isEqualTo(permitted);
    }

    @ParameterizedTest(name = "charge due {0}, acknowledgment {1} -> barred on 2026-11-23: {2}")
    @CsvSource({
            "2020-11-24, , false",
            "2020-11-23, , false",
            "2020-11-22, , true",
            "2020-01-10, 2025-06-01, false",
            "2019-01-10, 2025-06-01, true"})
    void arrearsBecomeStatuteBarredSixYearsAfterFallingDue(String due, String acknowledged, boolean barred) {
        TestCases c = TestCases.secure().set("tenancy.endDate", "2021-01-31").set("account.balance", 300)
                .set("account.unpaidCharges", List.of(Map.of("dueDate", due, "amount", 300)));
        if (acknowledged != null) {
            c.set("account.acknowledgments", List.of(Map.of("date", acknowledged, "type", "WRITTEN")));
        }
        Decision.ProposedActionCheck check = propose(c, "MONEY_CLAIM", "2026-11-23");
        assertThat(check.permitted()).isEqualTo(!barred);
        assertThat(decide(c).legal().statuteBarredAmount()).isEqualByComparingTo(barred ? "300" : "0");
    }

    @Test
    void nothingToRecoverWhenTheAccountIsClear() {
        TestCases c = TestCases.secure().set("account.balance", -20);
        for (String step : List.of("SEND_REMINDER_LETTER_1", "MONEY_CLAIM", "REQUEST_UC_THIRD_PARTY_DEDUCTION", "SEND_COURT_WARNING_LETTER")) {
            assertThat(guards(propose(c, step, "2026-11-23"))).as(step).contains("NO_ARREARS");
        }
    }

    @Test
    void aDiscretionaryHousingPaymentNeedsHousingCostsInPayment() {
        assertThat(guards(propose(TestCases.secure().set("account.balance", 300).set("benefits.housingCostSupport", "NONE"),
                "REFER_DHP_APPLICATION", "2026-11-23"))).contains("DHP_NOT_AVAILABLE");
        assertThat(propose(TestCases.secure().set("account.balance", 300).set("benefits.housingCostSupport", "HOUSING_BENEFIT"),
                "REFER_DHP_APPLICATION", "2026-11-23").permitted()).isTrue();
    }
}
