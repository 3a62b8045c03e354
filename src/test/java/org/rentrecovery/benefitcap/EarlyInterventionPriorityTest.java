package org.rentrecovery.benefitcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rentrecovery.support.TestCases;

/** The early-intervention score (PriorityContributions, PriorityScore, PriorityBand in the benefit cap DMN). */
class EarlyInterventionPriorityTest {

    private static List<String> conditions(BenefitCap cap) {
        return cap.scoreContributions().stream().map(BenefitCap.ScoreContribution::condition).toList();
    }

    @Test
    void capAppliedScores35AndNamesItsRow() {
        BenefitCap cap = CapCases.assess(CapCases.ucHousehold().set("benefits.benefitCapped", true)
                .set("benefits.capReductionPerWeek", 30.00)).benefitCap();
        assertEquals(List.of("BENEFIT_CAP_APPLIED"), conditions(cap));
        assertEquals(35, cap.priorityScore());
        assertEquals("PriorityContributions/benefit-cap-applied", cap.scoreContributions().get(0).row());
        assertEquals("WATCH", cap.priorityBand());
    }

    /** Grace period last day against asOf (2026-11-23) + 3 months = 2027-02-23. Last day = start + 9 months - 1 day. */
    @ParameterizedTest(name = "grace from {0} (last day {1}): ending soon {2}")
    @CsvSource({
            "2026-05-23, 2027-02-22, true",
            "2026-05-24, 2027-02-23, true",
            "2026-05-25, 2027-02-24, false",
            "2026-02-24, 2026-11-23, true"})
    void graceEndingWithinThreeMonthsScores15(String start, String lastDay, boolean soon) {
        BenefitCap cap = CapCases.assess(CapCases.ucHousehold().set("household.earningsAtThresholdEachOfPrior12Months", true)
                .set("benefits.capGracePeriodStart", start)).benefitCap();
        assertEquals(java.time.LocalDate.parse(lastDay), cap.gracePeriodEnds());
        assertEquals(soon, conditions(cap).contains("GRACE_PERIOD_ENDING"));
        assertEquals(soon ? 15 : 0, cap.priorityScore());
    }

    /** Within £100 below the exemption (£881.23 in 2026/27, £793.18 in 2024/25): shortfall above 0 and at most 100. */
    @ParameterizedTest(name = "earnings {1} on {0}: just below the exemption {2}")
    @CsvSource({"2026-11-23, 781.22, false", "2026-11-23, 781.23, true", "2026-11-23, 781.24, true", "2026-11-23, 881.22, true",
            "2026-11-23, 881.23, false", "2026-11-23, 0.00, false",
            "2025-03-31, 693.17, false", "2025-03-31, 693.18, true", "2025-03-31, 793.17, true", "2025-03-31, 793.18, false"})
    void earningsJustBelowTheExemptionScore10(String asOf, String earnings, boolean scores) {
        BenefitCap cap = CapCases.assess(CapCases.ucHousehold().set("asOf", asOf)
                .set("household.netEarningsMonthly", new BigDecimal(earnings))).benefitCap();
        assertEquals(scores, conditions(cap).contains("EARNINGS_JUST_BELOW_EXEMPTION"));
    }

    /** No HB or UC and arrears of at least 2 weeks' rent, for each rent frequency (weekly rent £120 throughout). */
    @ParameterizedTest(name = "{0} rent {1}, balance {2}: scores {3}")
    @CsvSource({
            "WEEKLY, 120.00, 239.99, false", "WEEKLY, 120.00, 240.00, true", "WEEKLY, 120.00, 240.01, true",
            "FORTNIGHTLY, 240.00, 239.99, false", "FORTNIGHTLY, 240.00, 240.00, true",
            "FOUR_WEEKLY, 480.00, 239.99, false", "FOUR_WEEKLY, 480.00, 240.00, true",
            "MONTHLY, 520.00, 239.99, false", "MONTHLY, 520.00, 240.00, true", "MONTHLY, 520.00, 240.01, true"})
    void noHousingCostSupportWithTwoWeeksArrearsScores20(String frequency, String rent, String balance, boolean scores) {
        BenefitCap cap = CapCases.assess(TestCases.secure().set("tenancy.rentFrequency", frequency)
                .set("tenancy.rentPerPeriod", new BigDecimal(rent)).set("account.balance", new BigDecimal(balance))
                .set("benefits.housingCostSupport", "NONE")).benefitCap();
        assertEquals(scores, conditions(cap).contains("NO_HOUSING_COST_SUPPORT_WITH_ARREARS"));
    }

    /** UC, arrears of at least 1 month's rent, not paid direct (monthly rent = weekly x 52 / 12 = £520 for £120 a week). */
    @ParameterizedTest(name = "{0} rent {1}, balance {2}, paid direct {3}: scores {4}")
    @CsvSource({
            "WEEKLY, 120.00, 519.99, false, false", "WEEKLY, 120.00, 520.00, false, true", "WEEKLY, 120.00, 520.01, false, true",
            "WEEKLY, 120.00, 520.00, true, false",
            "FORTNIGHTLY, 240.00, 519.99, false, false", "FORTNIGHTLY, 240.00, 520.00, false, true",
            "FOUR_WEEKLY, 480.00, 519.99, false, false", "FOUR_WEEKLY, 480.00, 520.00, false, true",
            "MONTHLY, 500.00, 499.99, false, false", "MONTHLY, 500.00, 500.00, false, true", "MONTHLY, 500.00, 500.01, false, true"})
    void ucArrearsOfAMonthWithoutManagedPaymentScore15(String frequency, String rent, String balance, boolean paidDirect,
            boolean scores) {
        BenefitCap cap = CapCases.assess(CapCases.ucHousehold().set("tenancy.rentFrequency", frequency)
                .set("tenancy.rentPerPeriod", new BigDecimal(rent)).set("account.balance", new BigDecimal(balance))
                .set("benefits.paidDirectToLandlord", paidDirect)).benefitCap();
        assertEquals(scores, conditions(cap).contains("UC_ARREARS_WITHOUT_MANAGED_PAYMENT"));
    }

    @ParameterizedTest(name = "balances {0} then {1} today: rising 3 periods {2}")
    @CsvSource({"100;200;300, 400, true", "100;200;300, 300, false", "200;300, 400, false", "50;100;200;300, 400, true",
            "300;200;100, 400, false"})
    void arrearsRisingThreePeriodsInARowScore5(String history, String today, boolean scores) {
        String[] balances = history.split(";");
        List<Map<String, Object>> points = new java.util.ArrayList<>();
        for (int i = 0; i < balances.length; i++) {
            points.add(Map.of("date", java.time.LocalDate.parse("2026-11-23").minusWeeks(balances.length - i).toString(),
                    "balance", new BigDecimal(balances[i])));
        }
        BenefitCap cap = CapCases.assess(CapCases.ucHousehold().set("account.balance", new BigDecimal(today))
                .set("account.balanceHistory", points)).benefitCap();
        assertEquals(scores, conditions(cap).contains("ARREARS_RISING"));
    }

    /** Band thresholds: 50 or more is early intervention; 20 to 50 watch; below 20 routine. */
    @Test
    void bandsAtTheirThresholds() {
        // 35 + 10 = 45: below 50.
        BenefitCap below = CapCases.assess(CapCases.ucHousehold().set("benefits.benefitCapped", true)
                .set("benefits.capReductionPerWeek", 30.00).set("household.netEarningsMonthly", 800.00)).benefitCap();
        assertEquals(45, below.priorityScore());
        assertEquals("WATCH", below.priorityBand());
        // 35 + 15 = 50: at the threshold.
        BenefitCap at = CapCases.assess(CapCases.ucHousehold().set("benefits.benefitCapped", true)
                .set("benefits.capReductionPerWeek", 30.00).set("account.balance", 433.34)).benefitCap();
        assertEquals(50, at.priorityScore());
        assertEquals("EARLY_INTERVENTION", at.priorityBand());
        assertTrue(at.earlyIntervention());
        // 35 + 15 + 10 = 60: above.
        BenefitCap above = CapCases.assess(CapCases.ucHousehold().set("benefits.benefitCapped", true)
                .set("benefits.capReductionPerWeek", 30.00).set("account.balance", 433.34)
                .set("household.netEarningsMonthly", 800.00)).benefitCap();
        assertEquals(60, above.priorityScore());
        assertTrue(above.earlyIntervention());
        // 15 alone: routine; 20 alone: watch.
        assertEquals("ROUTINE", CapCases.assess(CapCases.ucHousehold().set("account.balance", 433.34)).benefitCap().priorityBand());
        assertEquals("WATCH", CapCases.assess(TestCases.secure().set("account.balance", 200.00)
                .set("benefits.housingCostSupport", "NONE")).benefitCap().priorityBand());
        assertEquals(0, CapCases.assess(TestCases.secure()).benefitCap().priorityScore());
    }

    @Test
    void aFormerTenancyIsNotScoredForEarlyIntervention() {
        BenefitCap cap = CapCases.assess(TestCases.secure().set("tenancy.endDate", "2026-10-01").set("account.balance", 900.00)
                .set("benefits.housingCostSupport", "NONE")).benefitCap();
        assertEquals(0, cap.priorityScore());
        assertTrue(cap.scoreContributions().isEmpty());
    }
}
