package org.rentrecovery.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rentrecovery.casefacts.ActionType;
import org.rentrecovery.facts.CaseAnalysis;
import org.rentrecovery.support.TestCases;

/** Every ladder threshold (domain brief 3.1) below, at and above, through the DMN tables. */
class EscalationLadderTest {

    private static EscalationOutcome decide(TestCases c) {
        return TestCases.policy().decide(new CaseAnalysis(c.facts()));
    }

    private static boolean recommends(EscalationOutcome outcome, ActionType type) {
        return outcome.actions().stream().anyMatch(a -> a.action() == type);
    }

    @ParameterizedTest(name = "balance {0} with no contact -> {1}")
    @CsvSource({"4.99, MONITOR", "5.00, SMS_REMINDER", "5.01, SMS_REMINDER", "0.00, NO_ARREARS", "-25.00, NO_ARREARS"})
    void smsReminderStartsAtFivePounds(String balance, String step) {
        EscalationOutcome outcome = decide(TestCases.secure().set("account.balance", new java.math.BigDecimal(balance)));
        assertThat(outcome.step()).isEqualTo(step);
    }

    @Test
    void noSecondSmsOnceTheTenantHasBeenContacted() {
        EscalationOutcome outcome = decide(TestCases.secure().set("account.balance", 50).action("SEND_SMS_REMINDER", 3));
        assertThat(outcome.step()).isEqualTo("MONITOR");
        assertThat(outcome.actions()).extracting(PolicyAction::action).containsExactly(ActionType.NO_ACTION);
    }

    @ParameterizedTest(name = "weekly rent 100, balance {0} -> {1}")
    @CsvSource({"99.99, SMS_REMINDER", "100.00, LETTER_1", "100.01, LETTER_1"})
    void letterOneAtOneWeeksRent(String balance, String step) {
        EscalationOutcome outcome = decide(TestCases.secure().set("account.balance", new java.math.BigDecimal(balance)));
        assertThat(outcome.step()).isEqualTo(step);
        if (step.equals("LETTER_1")) {
            assertThat(outcome.actions()).extracting(PolicyAction::action)
                    .containsExactly(ActionType.SEND_REMINDER_LETTER_1, ActionType.CONTACT_TENANT);
        }
    }

    @ParameterizedTest(name = "{0} rent {1}, balance {2} -> {3}")
    @CsvSource({
            "MONTHLY, 520.00, 119.99, SMS_REMINDER",
            "MONTHLY, 520.00, 120.00, LETTER_1",
            "FORTNIGHTLY, 200.00, 99.99, SMS_REMINDER",
            "FORTNIGHTLY, 200.00, 100.00, LETTER_1",
            "FOUR_WEEKLY, 400.00, 99.99, SMS_REMINDER",
            "FOUR_WEEKLY, 400.00, 100.00, LETTER_1"})
    void weeksOfRentForEveryFrequency(String frequency, String rent, String balance, String step) {
        EscalationOutcome outcome = decide(TestCases.secure().set("tenancy.rentFrequency", frequency)
                .set("tenancy.periodStartDay", frequency.equals("MONTHLY") ? null : "MONDAY")
                .set("tenancy.rentPerPeriod", new java.math.BigDecimal(rent))
                .set("account.balance", new java.math.BigDecimal(balance)));
        assertThat(outcome.step()).isEqualTo(step);
    }

    @Test
    void technicalArrearsDoNotCountTowardsTheLadder() {
        EscalationOutcome outcome = decide(TestCases.secure().set("account.balance", 150).set("account.technicalArrears", 60));
        assertThat(outcome.step()).isEqualTo("SMS_REMINDER");
    }

    @ParameterizedTest(name = "balance {0}, Letter 1 {1} days ago -> {2}")
    @CsvSource({
            "299.99, 7, AWAIT_RESPONSE",
            "300.00, 6, AWAIT_RESPONSE",
            "300.00, 7, LETTER_2",
            "300.01, 8, LETTER_2"})
    void letterTwoAtThreeWeeksAndSevenDaysAfterLetterOne(String balance, int days, String step) {
        EscalationOutcome outcome = decide(TestCases.secure().set("account.balance", new java.math.BigDecimal(balance))
                .action("SEND_REMINDER_LETTER_1", days));
        assertThat(outcome.step()).isEqualTo(step);
        if (step.equals("LETTER_2")) {
            assertThat(outcome.actions()).extracting(PolicyAction::action).contains(ActionType.SEND_REMINDER_LETTER_2,
                    ActionType.CONTACT_TENANT, ActionType.HOME_VISIT, ActionType.OFFER_REPAYMENT_ARRANGEMENT,
                    ActionType.OFFER_HELP_WITH_BENEFIT_CLAIM, ActionType.REFER_MONEY_ADVICE);
        }
    }

    @ParameterizedTest(name = "{0} tenancy, balance {1}, Letter 2 {2} days ago -> {3}")
    @CsvSource({
            "SECURE, 399.99, 7, AWAIT_RESPONSE",
            "SECURE, 400.00, 6, AWAIT_RESPONSE",
            "SECURE, 400.00, 7, SERVE_NOTICE",
            "SECURE, 400.01, 30, SERVE_NOTICE"})
    void noticeAtFourWeeksAndSevenDaysAfterLetterTwo(String tenancy, String balance, int days, String step) {
        EscalationOutcome outcome = decide(TestCases.secure().set("tenancy.type", tenancy)
                .set("account.balance", new java.math.BigDecimal(balance))
                .action("SEND_REMINDER_LETTER_1", days + 14).action("SEND_REMINDER_LETTER_2", days));
        assertThat(outcome.step()).isEqualTo(step);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "SECURE, SERVE_NOSP",
            "FLEXIBLE, SERVE_NOSP",
            "INTRODUCTORY, SERVE_NOTICE_OF_PROCEEDINGS",
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
    void aKeptArrangementStopsTheLadder() {
        EscalationOutcome outcome = decide(TestCases.secure().set("account.balance", 800).set("arrangement.status", "KEPT")
                .action("SEND_REMINDER_LETTER_1", 40).action("SEND_REMINDER_LETTER_2", 30));
        assertThat(outcome.step()).isEqualTo("ARRANGEMENT_KEPT");
    }

    @Test
    void aBrokenArrangementDoesNot() {
        EscalationOutcome outcome = decide(TestCases.secure().set("account.balance", 800).set("arrangement.status", "BROKEN")
                .set("arrangement.missedPayments", 2)
                .action("SEND_REMINDER_LETTER_1", 40).action("SEND_REMINDER_LETTER_2", 30));
        assertThat(outcome.step()).isEqualTo("SERVE_NOTICE");
    }

    private static TestCases withNosp(int servedDaysAgo, String balance) {
        java.time.LocalDate served = java.time.LocalDate.of(2026, 11, 23).minusDays(servedDaysAgo);
        return TestCases.secure().set("account.balance", new java.math.BigDecimal(balance))
                .set("recovery.notice.type", "NOSP").set("recovery.notice.servedOn", served.toString())
                .set("recovery.notice.dateSpecified", served.plusDays(28).toString())
                .action("SEND_REMINDER_LETTER_1", servedDaysAgo + 30).action("SEND_REMINDER_LETTER_2", servedDaysAgo + 10);
    }

    @ParameterizedTest(name = "NoSP served {0} days ago, balance {1} -> {2}")
    @CsvSource({
            "27, 400.00, NOTICE_SERVED",
            "28, 399.99, NOTICE_SERVED",
            "28, 400.00, COURT_WARNING",
            "29, 400.01, COURT_WARNING"})
    void courtWarningTwentyEightDaysAfterTheNotice(int days, String balance, String step) {
        EscalationOutcome outcome = decide(withNosp(days, balance));
        assertThat(outcome.step()).isEqualTo(step);
        if (step.equals("COURT_WARNING")) {
            assertThat(recommends(outcome, ActionType.SEND_COURT_WARNING_LETTER)).isTrue();
        }
    }

    @ParameterizedTest(name = "court warning {0} days ago -> {1}")
    @CsvSource({"13, COURT_WARNING_SENT", "14, ISSUE_CLAIM", "15, ISSUE_CLAIM"})
    void claimFourteenDaysAfterTheCourtWarning(int days, String step) {
        EscalationOutcome outcome = decide(withNosp(60, "900.00").action("SEND_COURT_WARNING_LETTER", days));
        assertThat(outcome.step()).isEqualTo(step);
        if (step.equals("ISSUE_CLAIM")) {
            PolicyAction claim = outcome.actions().get(0);
            assertThat(claim.action()).isEqualTo(ActionType.ISSUE_POSSESSION_CLAIM);
            assertThat(claim.approval()).isEqualTo("INCOME_MANAGER");
        }
    }

    @Test
    void noClaimStepWhileTheNoticeIsNotYetInForce() {
        // Served 30 days ago but specifying a date 40 days after service: still pending.
        java.time.LocalDate served = java.time.LocalDate.of(2026, 10, 24);
        EscalationOutcome outcome = decide(withNosp(30, "900.00").set("recovery.notice.dateSpecified", served.plusDays(40).toString())
                .action("SEND_COURT_WARNING_LETTER", 20));
        assertThat(outcome.step()).isEqualTo("COURT_WARNING_SENT");
    }

    @Test
    void aLapsedNoticeMeansServingAFreshOne() {
        EscalationOutcome outcome = decide(withNosp(500, "900.00").action("SEND_REMINDER_LETTER_2", 20));
        assertThat(outcome.step()).isEqualTo("SERVE_NOTICE");
    }

    @Test
    void anInterimLicenceEndsWithoutACourtClaim() {
        EscalationOutcome outcome = decide(TestCases.secure().set("tenancy.type", "LICENCE_INTERIM_S188").set("account.balance", 900)
                .set("recovery.notice.type", "NOTICE_TO_QUIT").set("recovery.notice.servedOn", "2026-09-01")
                .action("SEND_COURT_WARNING_LETTER", 20));
        assertThat(outcome.step()).isEqualTo("ISSUE_CLAIM");
        assertThat(outcome.actions().get(0).action()).isEqualTo(ActionType.END_LICENCE_WITHOUT_COURT_ORDER);
    }

    @ParameterizedTest(name = "order {0}, breached {1} -> {2}")
    @CsvSource({"SUSPENDED, true, ORDER_BREACHED", "POSTPONED, true, ORDER_BREACHED", "SUSPENDED, false, ORDER_BEING_KEPT",
            "OUTRIGHT, false, OUTRIGHT_ORDER"})
    void courtOrders(String order, boolean breached, String step) {
        EscalationOutcome outcome = decide(withNosp(200, "900.00").set("recovery.claim.issuedOn", "2026-07-01")
                .set("recovery.courtOrder.type", order).set("recovery.courtOrder.madeOn", "2026-09-01")
                .set("recovery.courtOrder.termsBreached", breached));
        assertThat(outcome.step()).isEqualTo(step);
        if (!step.equals("ORDER_BEING_KEPT")) {
            PolicyAction warrant = outcome.actions().stream().filter(a -> a.action() == ActionType.APPLY_FOR_WARRANT)
                    .findFirst().orElseThrow();
            assertThat(warrant.approval()).isEqualTo("SENIOR_MANAGER");
        }
    }

    @Test
    void anIssuedClaimWaitsForTheHearing() {
        EscalationOutcome outcome = decide(withNosp(200, "900.00").set("recovery.claim.issuedOn", "2026-11-01"));
        assertThat(outcome.step()).isEqualTo("CLAIM_ISSUED");
    }

    @Test
    void aFormerTenancyGoesToTheFormerTenantTeam() {
        EscalationOutcome outcome = decide(TestCases.secure().set("tenancy.endDate", "2026-11-23").set("account.balance", 900));
        assertThat(outcome.step()).isEqualTo("FORMER_TENANCY");
        assertThat(outcome.actions().get(0).action()).isEqualTo(ActionType.TRANSFER_FORMER_TENANT_ARREARS);
    }

    @Test
    void aTenancyEndingTomorrowIsStillCurrent() {
        EscalationOutcome outcome = decide(TestCases.secure().set("tenancy.endDate", "2026-11-24").set("account.balance", 150));
        assertThat(outcome.step()).isEqualTo("LETTER_1");
    }

    @Test
    void lettersFromAnEarlierArrearsEpisodeDoNotCount() {
        EscalationOutcome outcome = decide(TestCases.secure().set("account.balance", 350)
                .set("account.balanceHistory", java.util.List.of(java.util.Map.of("date", "2026-09-01", "balance", 0)))
                .action("SEND_REMINDER_LETTER_1", 120).action("SEND_REMINDER_LETTER_2", 100));
        assertThat(outcome.step()).isEqualTo("LETTER_1");
    }

    @Test
    void benefitRequestsJoinTheLadderWhenEligible() {
        EscalationOutcome outcome = decide(TestCases.assured().set("account.balance", 900)
                .set("benefits.housingCostSupport", "UNIVERSAL_CREDIT").action("SEND_REMINDER_LETTER_1", 10));
        assertThat(recommends(outcome, ActionType.REQUEST_UC_MANAGED_PAYMENT)).isTrue();
        assertThat(recommends(outcome, ActionType.REQUEST_UC_THIRD_PARTY_DEDUCTION)).isTrue();
    }

    @Test
    void everyAnswerNamesTheRowsThatProducedIt() {
        EscalationOutcome outcome = decide(TestCases.secure().set("account.balance", 150));
        assertThat(outcome.stepRow()).isEqualTo("EscalationStep#14");
        assertThat(outcome.actions()).extracting(PolicyAction::row).containsExactly("EscalationActions#25", "EscalationActions#26");
    }
}
