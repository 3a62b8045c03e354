package org.rentrecovery.benefitcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rentrecovery.contract.ActionType;

/** The cap law (rules/benefitcap/BenefitCapLaw.drl) with the dated figures of law/benefit-cap.json. */
class BenefitCapLawTest {

    @ParameterizedTest(name = "{0} {1} on {2}: {3} a week, {4} a year")
    @CsvSource({
            "LONDON, COUPLE_WITH_CHILDREN, 2026-11-23, 486.98, 25323.00, 2026/27",
            "LONDON, COUPLE_NO_CHILDREN, 2026-11-23, 486.98, 25323.00, 2026/27",
            "LONDON, LONE_PARENT, 2026-11-23, 486.98, 25323.00, 2026/27",
            "LONDON, SINGLE_NO_CHILDREN, 2026-11-23, 326.29, 16967.00, 2026/27",
            "ENGLAND_OUTSIDE_LONDON, COUPLE_WITH_CHILDREN, 2026-11-23, 423.46, 22020.00, 2026/27",
            "ENGLAND_OUTSIDE_LONDON, LONE_PARENT, 2026-11-23, 423.46, 22020.00, 2026/27",
            "ENGLAND_OUTSIDE_LONDON, SINGLE_NO_CHILDREN, 2026-11-23, 283.71, 14753.00, 2026/27",
            "ENGLAND_OUTSIDE_LONDON, SINGLE_NO_CHILDREN, 2025-03-31, 283.71, 14753.00, 2024/25",
            "ENGLAND_OUTSIDE_LONDON, SINGLE_NO_CHILDREN, 2025-04-01, 283.71, 14753.00, 2025/26",
            "LONDON, COUPLE_WITH_CHILDREN, 2026-03-31, 486.98, 25323.00, 2025/26",
            "LONDON, COUPLE_WITH_CHILDREN, 2026-04-01, 486.98, 25323.00, 2026/27",
            "LONDON, SINGLE_NO_CHILDREN, 2026-04-02, 326.29, 16967.00, 2026/27",
            "LONDON, LONE_PARENT, 2024-06-01, 486.98, 25323.00, 2024/25"})
    void capLevelForRegionHouseholdAndBenefitYear(String region, String composition, String asOf, String perWeek,
            String perYear, String year) {
        BenefitCap cap = CapCases.assess(CapCases.ucHousehold().set("asOf", asOf).set("tenancy.startDate", "2015-04-06")
                .set("tenancy.region", region).set("household.composition", composition)).benefitCap();
        assertEquals(new BigDecimal(perWeek), cap.capPerWeek());
        assertEquals(new BigDecimal(perYear), cap.capPerYear());
        assertEquals(year, cap.benefitYear());
    }

    @Test
    void capLevelNeedsRegionAndComposition() {
        BenefitCap cap = CapCases.assess(CapCases.ucHousehold().set("tenancy.region", null)).benefitCap();
        assertNull(cap.capPerWeek());
    }

    /**
     * The UC earnings exemption at the statute's threshold in force on asOf, 16 x NLW x 52 / 12, to the first penny
     * that meets it: £881.23 (2026/27), £846.56 (2025/26), £793.18 (2024/25).
     */
    @ParameterizedTest(name = "earnings {1} on {0}: exempt {2} (threshold {3})")
    @CsvSource({
            "2026-11-23, 881.22, false, 881.23",
            "2026-11-23, 881.23, true, 881.23",
            "2026-11-23, 881.24, true, 881.23",
            "2025-04-01, 846.55, false, 846.56",
            "2025-04-01, 846.56, true, 846.56",
            "2025-03-31, 793.17, false, 793.18",
            "2025-03-31, 793.18, true, 793.18",
            "2025-03-31, 793.19, true, 793.18",
            "2025-03-31, 845.99, true, 793.18"})
    void ucEarningsExemptionAtTheThresholdForTheBenefitYear(String asOf, String earnings, boolean exempt, String threshold) {
        BenefitCap cap = CapCases.assess(CapCases.ucHousehold().set("asOf", asOf)
                .set("household.netEarningsMonthly", new BigDecimal(earnings))
                .set("benefits.benefitCapped", true).set("benefits.capReductionPerWeek", 20.00)).benefitCap();
        assertEquals(exempt, cap.exempt());
        assertEquals(new BigDecimal(threshold), cap.earningsThresholdMonthly());
        assertEquals(exempt ? "EARNINGS_AT_THRESHOLD" : null, cap.exemptionReason());
        // Capped although the earnings exempt the household: the cap should be challenged first.
        assertEquals(exempt, cap.capAppearsWronglyApplied());
        assertEquals(exempt, cap.incomeActions().stream().anyMatch(a -> a.type() == ActionType.OFFER_HELP_WITH_BENEFIT_CLAIM));
    }

    @Test
    void theEarningsExemptionIsAUniversalCreditTest() {
        BenefitCap cap = CapCases.assess(CapCases.ucHousehold().set("benefits.housingCostSupport", "HOUSING_BENEFIT")
                .set("household.netEarningsMonthly", 900.00)).benefitCap();
        assertFalse(cap.exempt());
    }

    @Test
    void everyoneOverStatePensionAgeIsExemptButAMixedAgeCoupleIsNot() {
        BenefitCap all = CapCases.assess(CapCases.ucHousehold().set("household.anyoneOverStatePensionAge", true)
                .set("household.allOverStatePensionAge", true)).benefitCap();
        assertTrue(all.exempt());
        assertEquals("STATE_PENSION_AGE", all.exemptionReason());

        var mixed = CapCases.assess(CapCases.ucHousehold().set("household.anyoneOverStatePensionAge", true)
                .set("household.allOverStatePensionAge", false));
        assertFalse(mixed.benefitCap().exempt());
        assertTrue(mixed.explanations().stream().anyMatch(e -> e.rule().equals("BenefitCapLaw: A mixed-age couple can still be capped")));
    }

    @Test
    void aDisabilityOrCarerBenefitExempts() {
        BenefitCap cap = CapCases.assess(CapCases.ucHousehold().set("household.disabilityOrCarerBenefit", true)).benefitCap();
        assertTrue(cap.exempt());
        assertEquals("DISABILITY_OR_CARER_BENEFIT", cap.exemptionReason());
    }

    /** Grace period of 9 months: from start to start + 9 months - 1 day; asOf is 2026-11-23. */
    @ParameterizedTest(name = "grace from {0}: last day {1}, running on 2026-11-23 {2}")
    @CsvSource({
            "2026-02-25, 2026-11-24, true",
            "2026-02-24, 2026-11-23, true",
            "2026-02-23, 2026-11-22, false"})
    void gracePeriodRunsNineMonths(String start, String lastDay, boolean running) {
        var result = CapCases.assess(CapCases.ucHousehold().set("household.earningsAtThresholdEachOfPrior12Months", true)
                .set("benefits.capGracePeriodStart", start));
        assertEquals(running, result.benefitCap().gracePeriodActive());
        assertEquals(java.time.LocalDate.parse(lastDay), result.benefitCap().gracePeriodEnds());
    }

    @Test
    void noGracePeriodWithoutTwelveMonthsOfEarnings() {
        var result = CapCases.assess(CapCases.ucHousehold().set("household.earningsAtThresholdEachOfPrior12Months", false)
                .set("benefits.capGracePeriodStart", "2026-09-01"));
        assertFalse(result.benefitCap().gracePeriodActive());
        assertTrue(result.explanations().stream().anyMatch(e -> e.rule().contains("No grace period")));
    }

    @Test
    void tpdRangeIsTenToTwentyPercentOfTheStandardAllowance() {
        BenefitCap cap = CapCases.assess(CapCases.ucHousehold().set("benefits.ucStandardAllowanceMonthly", 400.14)).benefitCap();
        assertEquals(new BigDecimal("40.02"), cap.tpdRange().minPerMonth()); // 40.014 rounded up: never below 10%
        assertEquals(new BigDecimal("80.02"), cap.tpdRange().maxPerMonth()); // 80.028 rounded down: never above 20%
        BenefitCap former = CapCases.assess(CapCases.ucHousehold().set("benefits.ucStandardAllowanceMonthly", 400.14)
                .set("tenancy.endDate", "2026-10-01")).benefitCap();
        assertNull(former.tpdRange());
        assertFalse(former.tpdEligibleToRequest());
    }
}
