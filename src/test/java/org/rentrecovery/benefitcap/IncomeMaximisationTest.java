package org.rentrecovery.benefitcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.support.TestCases;

/**
 * Income maximisation: HB direct payment (8 weeks), APA (2 months, or 1 with persistent
 * underpayment), TPD (2 months, never for a former tenant), DHP only with HB or UC, for every rent
 * frequency; and the escalation putting them before enforcement.
 */
class IncomeMaximisationTest {

    private static List<ActionType> incomeActions(BenefitCap cap) {
        return cap.incomeActions().stream().map(BenefitCap.IncomeAction::type).toList();
    }

    /** Weekly rent £100 in each frequency's terms; monthly £520 is £120 a week (8 weeks = £960). */
    @ParameterizedTest(name = "{0} rent {1}, balance {2}: HB direct payment mandatory {3}")
    @CsvSource({
            "WEEKLY, 100.00, 799.99, false", "WEEKLY, 100.00, 800.00, true", "WEEKLY, 100.00, 800.01, true",
            "FORTNIGHTLY, 200.00, 799.99, false", "FORTNIGHTLY, 200.00, 800.00, true", "FORTNIGHTLY, 200.00, 800.01, true",
            "FOUR_WEEKLY, 400.00, 799.99, false", "FOUR_WEEKLY, 400.00, 800.00, true", "FOUR_WEEKLY, 400.00, 800.01, true",
            "MONTHLY, 520.00, 959.99, false", "MONTHLY, 520.00, 960.00, true", "MONTHLY, 520.00, 960.01, true"})
    void hbDirectPaymentIsMandatoryAtEightWeeks(String frequency, String rent, String balance, boolean mandatory) {
        BenefitCap cap = CapCases.assess(TestCases.assured().set("tenancy.rentFrequency", frequency)
                .set("tenancy.rentPerPeriod", new BigDecimal(rent)).set("account.balance", new BigDecimal(balance))
                .set("benefits.housingCostSupport", "HOUSING_BENEFIT").set("benefits.hbPaymentForm", "RENT_ALLOWANCE")
                .set("benefits.paidDirectToLandlord", false)).benefitCap();
        assertEquals(mandatory, cap.hbDirectPaymentMandatory());
        assertEquals(mandatory, incomeActions(cap).contains(ActionType.REQUEST_HB_DIRECT_PAYMENT));
    }

    @Test
    void hbDirectPaymentIsNotForARentRebate() {
        BenefitCap cap = CapCases.assess(TestCases.secure().set("account.balance", 900.00)
                .set("benefits.housingCostSupport", "HOUSING_BENEFIT").set("benefits.hbPaymentForm", "RENT_REBATE")).benefitCap();
        assertFalse(cap.hbDirectPaymentMandatory());
    }

    /** 2 months' rent: weekly £120 -> monthly £520 -> £1,040; monthly rent £500 -> £1,000. */
    @ParameterizedTest(name = "{0} rent {1}, balance {2}: APA and TPD {3}")
    @CsvSource({
            "WEEKLY, 120.00, 1039.99, false", "WEEKLY, 120.00, 1040.00, true", "WEEKLY, 120.00, 1040.01, true",
            "FORTNIGHTLY, 240.00, 1039.99, false", "FORTNIGHTLY, 240.00, 1040.00, true", "FORTNIGHTLY, 240.00, 1040.01, true",
            "FOUR_WEEKLY, 480.00, 1039.99, false", "FOUR_WEEKLY, 480.00, 1040.00, true", "FOUR_WEEKLY, 480.00, 1040.01, true",
            "MONTHLY, 500.00, 999.99, false", "MONTHLY, 500.00, 1000.00, true", "MONTHLY, 500.00, 1000.01, true"})
    void apaAndTpdAtTwoMonthsRent(String frequency, String rent, String balance, boolean eligible) {
        BenefitCap cap = CapCases.assess(CapCases.ucHousehold().set("tenancy.rentFrequency", frequency)
                .set("tenancy.rentPerPeriod", new BigDecimal(rent)).set("account.balance", new BigDecimal(balance))).benefitCap();
        assertEquals(eligible, cap.apaEligibleToRequest());
        assertEquals(eligible, cap.tpdEligibleToRequest());
        assertEquals(eligible, incomeActions(cap).contains(ActionType.REQUEST_UC_MANAGED_PAYMENT));
        assertEquals(eligible, incomeActions(cap).contains(ActionType.REQUEST_UC_THIRD_PARTY_DEDUCTION));
    }

    @ParameterizedTest(name = "{0} rent {1}, balance {2}, persistent underpayment: APA {3}")
    @CsvSource({
            "WEEKLY, 120.00, 519.99, false", "WEEKLY, 120.00, 520.00, true", "WEEKLY, 120.00, 520.01, true",
            "FORTNIGHTLY, 240.00, 519.99, false", "FORTNIGHTLY, 240.00, 520.00, true",
            "FOUR_WEEKLY, 480.00, 519.99, false", "FOUR_WEEKLY, 480.00, 520.00, true",
            "MONTHLY, 500.00, 499.99, false", "MONTHLY, 500.00, 500.00, true", "MONTHLY, 500.00, 500.01, true"})
    void apaAtOneMonthWithPersistentUnderpayment(String frequency, String rent, String balance, boolean eligible) {
        BenefitCap cap = CapCases.assess(CapCases.ucHousehold().set("tenancy.rentFrequency", frequency)
                .set("tenancy.rentPerPeriod", new BigDecimal(rent)).set("account.balance", new BigDecimal(balance))
                .set("benefits.persistentUnderpayment", true)).benefitCap();
        assertEquals(eligible, cap.apaEligibleToRequest());
        assertFalse(cap.tpdEligibleToRequest(), "a TPD still needs 2 months' rent");
    }

    @Test
    void thresholdsAreShownInPoundsForTheRent() {
        BenefitCap.Thresholds t = CapCases.assess(CapCases.ucHousehold().set("tenancy.rentFrequency", "FORTNIGHTLY")
                .set("tenancy.rentPerPeriod", 240.00).set("account.balance", 100.00)).benefitCap().thresholds();
        assertEquals(new BigDecimal("960.00"), t.hbDirectPaymentAt());
        assertEquals(new BigDecimal("1040.00"), t.apaAt());
        assertEquals(new BigDecimal("520.00"), t.apaWithPersistentUnderpaymentAt());
        assertEquals(new BigDecimal("1040.00"), t.tpdAt());
    }

    @Test
    void noTpdOrApaForAFormerTenant() {
        BenefitCap cap = CapCases.assess(CapCases.ucHousehold().set("tenancy.endDate", "2026-10-01").set("account.balance", 2000.00)).benefitCap();
        assertFalse(cap.tpdEligibleToRequest());
        assertFalse(cap.apaEligibleToRequest());
        assertFalse(cap.dhpEligible());
        assertTrue(cap.incomeActions().isEmpty());
    }

    @Test
    void dhpOnlyWhenHousingCostsAreInPayment() {
        BenefitCap capped = CapCases.assess(CapCases.ucHousehold().set("account.balance", 300.00)
                .set("benefits.benefitCapped", true).set("benefits.capReductionPerWeek", 40.00)).benefitCap();
        assertTrue(capped.dhpEligible());
        assertTrue(incomeActions(capped).contains(ActionType.REFER_DHP_APPLICATION));

        BenefitCap none = CapCases.assess(TestCases.secure().set("account.balance", 300.00)
                .set("benefits.housingCostSupport", "NONE")).benefitCap();
        assertFalse(none.dhpEligible());
        assertFalse(incomeActions(none).contains(ActionType.REFER_DHP_APPLICATION));
        assertTrue(incomeActions(none).contains(ActionType.OFFER_HELP_WITH_BENEFIT_CLAIM), "help to claim HB or UC instead");
    }

    /** Escalation: a UC tenant at the notice rung, APA-eligible, is told to request the APA first. */
    @Test
    void apaRequestComesBeforeTheNotice() {
        Decision d = CapCases.decide(CapCases.ucHousehold().set("tenancy.rentPerPeriod", 120.00).set("account.balance", 1100.00)
                .action("SEND_REMINDER_LETTER_1", 28).action("SEND_REMINDER_LETTER_2", 14).action("CONTACT_TENANT", 10));
        assertEquals("SERVE_NOTICE", d.escalation().step());
        List<ActionType> order = d.recommendedActions().stream().map(Decision.RecommendedAction::type).toList();
        assertEquals(ActionType.REQUEST_UC_MANAGED_PAYMENT, d.nextAction().type());
        assertTrue(order.indexOf(ActionType.REQUEST_UC_MANAGED_PAYMENT) < order.indexOf(ActionType.SERVE_NOSP), order.toString());
        assertTrue(order.indexOf(ActionType.REQUEST_UC_THIRD_PARTY_DEDUCTION) < order.indexOf(ActionType.SERVE_NOSP), order.toString());
        assertTrue(d.reasons().stream().anyMatch(r -> r.rule().startsWith("IncomeMaximisation#")));
        assertTrue(d.benefitCap().apaEligibleToRequest());
        assertEquals("PLAN".equals(d.repaymentPlan().status()), false, "no income given: the plan says what it needs");
        assertEquals("NOT_KNOWN", d.repaymentPlan().status());
    }

    /** Below the APA threshold the notice stays first: nothing to request. */
    @Test
    void withoutEligibilityTheNoticeStaysFirst() {
        Decision d = CapCases.decide(CapCases.ucHousehold().set("tenancy.rentPerPeriod", 120.00).set("account.balance", 500.00)
                .action("SEND_REMINDER_LETTER_1", 28).action("SEND_REMINDER_LETTER_2", 14).action("CONTACT_TENANT", 10));
        assertEquals(ActionType.SERVE_NOSP, d.nextAction().type());
        assertFalse(d.benefitCap().apaEligibleToRequest());
    }

    /** A capped household scoring for early intervention gets money advice and a DHP referral at the first rung. */
    @Test
    void earlyInterventionAddsSupportAtTheFirstRung() {
        Decision d = CapCases.decide(CapCases.ucHousehold().set("tenancy.rentPerPeriod", 120.00).set("account.balance", 530.00)
                .set("benefits.benefitCapped", true).set("benefits.capReductionPerWeek", 40.00));
        assertTrue(d.benefitCap().earlyIntervention());
        List<ActionType> types = d.recommendedActions().stream().map(Decision.RecommendedAction::type).toList();
        assertTrue(types.contains(ActionType.REFER_MONEY_ADVICE), types.toString());
        assertTrue(types.contains(ActionType.REFER_DHP_APPLICATION), types.toString());
    }

    /** Not known is not none: a case without a benefits block is not treated as a household with no HB or UC. */
    @Test
    void notKnownIsNotNone() {
        BenefitCap unknown = CapCases.assess(TestCases.secure().set("account.balance", 300.00)).benefitCap();
        assertFalse(incomeActions(unknown).contains(ActionType.OFFER_HELP_WITH_BENEFIT_CLAIM));
        assertEquals(0, unknown.priorityScore());
    }

    /** A step already taken in this arrears episode is not asked for again. */
    @Test
    void aStepAlreadyTakenIsNotAskedForAgain() {
        var result = CapCases.assess(CapCases.ucHousehold().set("tenancy.rentPerPeriod", 120.00).set("account.balance", 1100.00)
                .action("REQUEST_UC_MANAGED_PAYMENT", 5));
        assertTrue(result.benefitCap().apaEligibleToRequest());
        assertFalse(incomeActions(result.benefitCap()).contains(ActionType.REQUEST_UC_MANAGED_PAYMENT));
        assertTrue(result.explanations().stream().anyMatch(e -> e.text().contains("already taken on 2026-11-18")));
    }

    /** No spare income after essential spending: money advice before any enforcement (spare just below, at and above 0). */
    @ParameterizedTest(name = "income {0} against spending 1000.00: money advice {1}")
    @CsvSource({"999.99, true", "1000.00, true", "1000.01, false"})
    void noSpareIncomeMeansMoneyAdvice(String income, boolean advice) {
        BenefitCap cap = CapCases.assess(TestCases.secure().set("account.balance", 150.00)
                .set("household.monthlyIncome", new BigDecimal(income)).set("household.monthlyEssentialSpending", 1000.00)).benefitCap();
        assertEquals(advice, incomeActions(cap).contains(ActionType.REFER_MONEY_ADVICE));
    }
}
