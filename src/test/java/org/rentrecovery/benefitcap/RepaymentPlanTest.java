package org.rentrecovery.benefitcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rentrecovery.contract.Vocabulary.RentFrequency;
import org.rentrecovery.support.TestCases;

/** The affordable arrangement: spare income, the DMN share, floor and ceiling, and per rent period. */
class RepaymentPlanTest {
    private static final BenefitCapPolicy.RepaymentLimits DEFAULT =
            new BenefitCapPolicy.RepaymentLimits(new BigDecimal("0.75"), new BigDecimal("2.00"), new BigDecimal("50.00"), "test", "RepaymentLimits#2");

    private static RepaymentPlan plan(String income, String spending, String arrears, RentFrequency frequency) {
        var household = TestCases.secure().set("household.monthlyIncome", new BigDecimal(income))
                .set("household.monthlyEssentialSpending", new BigDecimal(spending)).facts().household();
        return RepaymentPlanner.plan(household, new BigDecimal(arrears), frequency, DEFAULT);
    }

    @Test
    void theArithmeticIsExplained() {
        // 1400 - 1250 = 150 a month; x 12 / 52 = 34.6153... a week; x 0.75 = 25.96; 1000 / 25.96 -> 39 weeks.
        RepaymentPlan p = plan("1400.00", "1250.00", "1000.00", RentFrequency.WEEKLY);
        assertEquals("PLAN", p.status());
        assertEquals(new BigDecimal("150.00"), p.surplusPerMonth());
        assertEquals(new BigDecimal("34.61"), p.surplusPerWeek());
        assertEquals(new BigDecimal("25.96"), p.affordablePerWeek());
        assertEquals(new BigDecimal("25.96"), p.affordablePerPeriod());
        assertEquals(39, p.weeksToClear());
        assertTrue(p.explanation().contains("1400.00 - 1250.00 = 150.00"), p.explanation());
        assertTrue(p.explanation().contains("39 weeks"), p.explanation());
    }

    @ParameterizedTest(name = "{0}: {1} a period")
    @CsvSource({"WEEKLY, 25.96", "FORTNIGHTLY, 51.92", "FOUR_WEEKLY, 103.84", "MONTHLY, 112.49"})
    void perRentPeriod(RentFrequency frequency, String perPeriod) {
        RepaymentPlan p = plan("1400.00", "1250.00", "1000.00", frequency);
        assertEquals(new BigDecimal(perPeriod), p.affordablePerPeriod());
        // Never more than the spare income in the same period.
        BigDecimal surplusPerPeriod = RepaymentPlanner.perPeriod(p.surplusPerWeek(), frequency);
        assertTrue(p.affordablePerPeriod().compareTo(surplusPerPeriod) <= 0);
    }

    /** Ceiling £50 a week: share of spare income just below, at and above it (0.75 x weekly spare). */
    @ParameterizedTest(name = "spare {0} a month: {1} a week, {2}")
    @CsvSource({
            // 50 / 0.75 = 66.666.. a week = 288.888.. a month
            "288.88, 49.99, PLAN",
            "288.89, 50.00, CAPPED_AT_CEILING",
            "400.00, 50.00, CAPPED_AT_CEILING"})
    void ceiling(String spare, String perWeek, String status) {
        RepaymentPlan p = plan(new BigDecimal("1000.00").add(new BigDecimal(spare)).toString(), "1000.00", "5000.00", RentFrequency.WEEKLY);
        assertEquals(new BigDecimal(perWeek), p.affordablePerWeek());
        assertEquals(status, p.status());
    }

    /** Floor £2 a week: raised to it only when the spare income covers it; never above the spare income. */
    @ParameterizedTest(name = "spare {0} a month: {1} a week, {2}")
    @CsvSource({
            // 2 / 0.75 = 2.666.. a week = 11.555.. a month: at or above, the share already reaches the floor
            "11.56, 2.00, PLAN",
            "11.55, 2.00, RAISED_TO_FLOOR",
            // 2 a week = 8.666.. a month: at 8.67 the spare covers the floor
            "8.67, 2.00, RAISED_TO_FLOOR",
            "8.66, 1.99, BELOW_FLOOR",
            "0.00, 0.00, NO_SURPLUS"})
    void floorNeverTakesTheHouseholdBelowEssentialSpending(String spare, String perWeek, String status) {
        RepaymentPlan p = plan(new BigDecimal("1000.00").add(new BigDecimal(spare)).toString(), "1000.00", "500.00", RentFrequency.WEEKLY);
        assertEquals(new BigDecimal(perWeek), p.affordablePerWeek());
        assertEquals(status, p.status());
        assertTrue(p.affordablePerWeek().compareTo(p.surplusPerWeek().max(BigDecimal.ZERO)) <= 0);
    }

    @Test
    void spendingAboveIncomeMeansNoPlan() {
        RepaymentPlan p = plan("1200.00", "1300.00", "500.00", RentFrequency.WEEKLY);
        assertEquals("NO_SURPLUS", p.status());
        assertNull(p.weeksToClear());
    }

    @Test
    void neverMoreThanTheArrears() {
        RepaymentPlan p = plan("2000.00", "1000.00", "30.00", RentFrequency.WEEKLY);
        assertEquals(new BigDecimal("30.00"), p.affordablePerWeek());
        assertEquals(1, p.weeksToClear());
        assertEquals("LIMITED_TO_ARREARS", p.status());
    }

    @Test
    void cappedHouseholdsUseTheirOwnRowOfLimits() {
        var result = CapCases.assess(CapCases.ucHousehold().set("account.balance", 600.00).set("benefits.benefitCapped", true)
                .set("benefits.capReductionPerWeek", 25.00).set("household.monthlyIncome", 1500.00)
                .set("household.monthlyEssentialSpending", 1400.00));
        RepaymentPlan p = result.repaymentPlan();
        assertEquals("RepaymentLimits#1", p.limitsRow());
        // 100 a month = 23.0769.. a week; x 0.5 = 11.53
        assertEquals(new BigDecimal("11.53"), p.affordablePerWeek());
        assertEquals(53, p.weeksToClear());
    }

    @Test
    void noIncomeKnownMeansAnAssessmentIsNeeded() {
        assertEquals("NOT_KNOWN", CapCases.assess(TestCases.secure().set("account.balance", 300.00)).repaymentPlan().status());
        assertEquals("NO_ARREARS", CapCases.assess(TestCases.secure()).repaymentPlan().status());
    }
}
