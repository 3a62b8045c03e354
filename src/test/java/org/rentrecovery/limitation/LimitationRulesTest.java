package org.rentrecovery.limitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.support.TestCases;

/** The limitation rules (rules/limitation/LimitationRules.drl) on a former tenant's unpaid charges, asOf 2026-11-23. */
class LimitationRulesTest {
    private static final LocalDate AS_OF = LocalDate.parse("2026-11-23");

    private static TestCases formerTenant(String... dueDates) {
        return TestCases.secure().set("tenancy.endDate", "2021-01-31").set("account.balance", 100 * dueDates.length)
                .set("account.unpaidCharges", java.util.Arrays.stream(dueDates).map(d -> Map.of("dueDate", d, "amount", 100)).toList());
    }

    private static LimitationSchedule schedule(TestCases c) {
        return new CaseAnalysis(c.facts()).limitation();
    }

    @ParameterizedTest(name = "charge due {0} ({1}) -> barred {2}, last day {3}")
    @CsvSource({
            "2020-11-24, 5 years 364 days ago, false, 2026-11-24",
            "2020-11-23, exactly 6 years ago, false, 2026-11-23",
            "2020-11-22, 6 years and 1 day ago, true, 2026-11-22"})
    void eachChargeIsBarredSixYearsAfterItFellDue(String due, String age, boolean barred, String lastDay) {
        LimitationSchedule s = schedule(formerTenant(due));
        assertThat(s.charges().get(0).lastDayToSue()).isEqualTo(lastDay);
        assertThat(s.barredAmount(AS_OF)).isEqualByComparingTo(barred ? "100" : "0");
        assertThat(s.nextBarDate(AS_OF)).isEqualTo(barred ? null : LocalDate.parse(lastDay).plusDays(1));
        assertThat(s.rulesFired()).containsKey("LimitationRules: Each unpaid charge can be sued for until six years after it fell due");
    }

    @ParameterizedTest(name = "charge due 2019-01-10, {1} on {0} -> barred {2}")
    @CsvSource({
            "2024-12-01, WRITTEN, false, 2030-12-01",
            "2025-01-10, WRITTEN, false, 2031-01-10",
            // A part payment of rent never restarts the period for the remainder (s.29(6)).
            "2025-01-10, PART_PAYMENT, true, 2025-01-10",
            "2025-01-11, WRITTEN, true, 2025-01-10",
            "2025-01-11, PART_PAYMENT, true, 2025-01-10",
            "2019-01-09, WRITTEN, true, 2025-01-10"})
    void anAcknowledgmentWithinTheSixYearsRestartsThemButOneAfterExpiryDoesNotRevive(String ack, String type,
            boolean barred, String lastDay) {
        LimitationSchedule s = schedule(formerTenant("2019-01-10")
                .set("account.acknowledgments", List.of(Map.of("date", ack, "type", type, "amount", 20))));
        assertThat(s.charges().get(0).lastDayToSue()).isEqualTo(lastDay);
        assertThat(s.barredAmount(AS_OF)).isEqualByComparingTo(barred ? "100" : "0");
        boolean late = "WRITTEN".equals(type) && LocalDate.parse(ack).isAfter(LocalDate.parse("2025-01-10"));
        assertThat(s.charges().get(0).lateAcknowledgments()).isEqualTo(late ? List.of(LocalDate.parse(ack)) : List.of());
        if (late) {
            assertThat(s.rulesFired()).containsKey(
                    "LimitationRules: A written acknowledgment after the period has run out does not revive the debt");
        }
        if ("PART_PAYMENT".equals(type)) {
            assertThat(s.rulesFired()).containsKey("LimitationRules: A part payment of rent does not restart the period for the rest");
        }
    }

    @Test
    void severalPartPaymentsAndLateAcknowledgmentsAreExplainedTheSameWhateverTheirOrder() {
        List<Map<String, Object>> made = List.of(
                Map.of("date", "2022-09-26", "type", "PART_PAYMENT", "amount", 10),
                Map.of("date", "2025-04-18", "type", "PART_PAYMENT", "amount", 10),
                Map.of("date", "2023-02-01", "type", "PART_PAYMENT", "amount", 10),
                Map.of("date", "2026-03-01", "type", "WRITTEN"),
                Map.of("date", "2025-06-01", "type", "WRITTEN"));
        String partPaymentRule = "A part payment of rent does not restart the period for the rest";
        String lateRule = "A written acknowledgment after the period has run out does not revive the debt";
        var inOrder = schedule(formerTenant("2019-01-10").set("account.acknowledgments", made)).charges().get(0);
        var reversed = schedule(formerTenant("2019-01-10").set("account.acknowledgments", reversedCopy(made))).charges().get(0);

        assertThat(inOrder.explanations()).isEqualTo(reversed.explanations());
        assertThat(inOrder.explanations().get(partPaymentRule)).startsWith("The part payment of 2025-04-18 ");
        assertThat(inOrder.explanations().get(lateRule)).startsWith("The written acknowledgment of 2026-03-01 ");
        assertThat(inOrder.lateAcknowledgments()).containsExactly(LocalDate.parse("2025-06-01"), LocalDate.parse("2026-03-01"));
        assertThat(reversed.lateAcknowledgments()).isEqualTo(inOrder.lateAcknowledgments());
    }

    private static <T> List<T> reversedCopy(List<T> list) {
        List<T> copy = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @Test
    void aChainOfAcknowledgmentsEachWithinThePeriodKeepsRestartingIt() {
        LimitationSchedule s = schedule(formerTenant("2012-03-01").set("account.acknowledgments", List.of(
                Map.of("date", "2023-01-01", "type", "WRITTEN"), Map.of("date", "2017-06-01", "type", "WRITTEN"))));
        assertThat(s.charges().get(0).lastDayToSue()).isEqualTo("2029-01-01");
        assertThat(s.charges().get(0).restartedOn()).isEqualTo("2023-01-01");
    }

    @Test
    void eachInstalmentRunsSeparately() {
        LimitationSchedule s = schedule(formerTenant("2020-11-16", "2020-11-22", "2020-11-30", "2020-11-30", "2021-06-01"));
        assertThat(s.barredAmount(AS_OF)).isEqualByComparingTo("200");
        assertThat(s.nextBarDate(AS_OF)).isEqualTo("2026-12-01");
        assertThat(s.nextBarAmount(AS_OF)).isEqualByComparingTo("200");
        assertThat(s.barredAmount(LocalDate.parse("2026-12-01"))).isEqualByComparingTo("400");
    }

    @ParameterizedTest(name = "Breathing Space {0} to {1} -> last day {2}")
    @CsvSource({
            // Standard moratorium 2026-09-01 (60 days: to 2026-10-30): a period ending 2026-11-22 is within 8 weeks after it.
            "2026-09-01, , 2026-12-25",
            // Ended 2026-09-20: 8 weeks after is 2026-11-15, before the period ends: no extension.
            "2026-08-01, 2026-09-20, 2026-11-22",
            // Ended 2026-09-27: 8 weeks after is 2026-11-22, the last day itself: nothing to extend.
            "2026-08-01, 2026-09-27, 2026-11-22",
            // Ended 2026-09-28: 8 weeks after is 2026-11-23: extended by one day.
            "2026-08-01, 2026-09-28, 2026-11-23"})
    void aBreathingSpaceExtendsAPeriodEndingDuringItOrWithinEightWeeksAfter(String start, String end, String lastDay) {
        TestCases c = formerTenant("2020-11-22");
        c.set("breathingSpace", end == null ? Map.of("type", "STANDARD", "startDate", start)
                : Map.of("type", "STANDARD", "startDate", start, "endDate", end));
        LimitationSchedule s = schedule(c);
        assertThat(s.charges().get(0).lastDayToSue()).isEqualTo(lastDay);
        assertThat(s.barredAmount(AS_OF)).isEqualByComparingTo(LocalDate.parse(lastDay).isBefore(AS_OF) ? "100" : "0");
    }

    @Test
    void anAcknowledgmentDuringTheBreathingSpaceExtensionRestartsThePeriod() {
        // Six years end 2026-11-22; the moratorium from 2026-09-01 extends them to 2026-12-25; the
        // acknowledgment on 2026-11-23 is made while the charge can still be sued for.
        LimitationSchedule s = schedule(formerTenant("2020-11-22")
                .set("breathingSpace", Map.of("type", "STANDARD", "startDate", "2026-09-01"))
                .set("account.acknowledgments", List.of(Map.of("date", "2026-11-23", "type", "WRITTEN"))));
        assertThat(s.charges().get(0).lastDayToSue()).isEqualTo("2032-11-23");
        assertThat(s.charges().get(0).extendedByBreathingSpace()).isTrue();
        assertThat(s.rulesFired()).containsKeys(
                "LimitationRules: A Breathing Space extends a period ending during it or within eight weeks after it",
                "LimitationRules: A signed written acknowledgment within the period restarts it for the tenant who signed it");
    }

    @Test
    void aMentalHealthCrisisMoratoriumWithNoEndHoldsThePeriodOpen() {
        LimitationSchedule s = schedule(formerTenant("2020-11-01")
                .set("breathingSpace", Map.of("type", "MENTAL_HEALTH_CRISIS", "startDate", "2026-06-01")));
        assertThat(s.charges().get(0).heldOpen()).isTrue();
        assertThat(s.barredAmount(AS_OF)).isEqualByComparingTo("0");
        assertThat(s.nextBarDate(AS_OF)).isNull();
    }

    @ParameterizedTest(name = "asOf {0}, moratorium from {1}, charge due {2} -> last day {3}")
    @CsvSource({
            // Before the Breathing Space regulations commenced (2021-05-04) a moratorium extends nothing.
            "2021-03-01, 2021-01-11, 2015-02-01, 2021-02-01",
            "2021-07-01, 2021-01-11, 2015-06-01, 2021-06-01",
            // Under them, a moratorium from 2021-05-10 (60 days, to 2021-07-08) extends a period ending in it to 8 weeks after.
            "2021-07-01, 2021-05-10, 2015-06-01, 2021-09-02"})
    void theExtensionIsTheLawInForce(String asOf, String start, String due, String lastDay) {
        TestCases c = TestCases.secure().set("asOf", asOf).set("tenancy.endDate", "2020-12-31").set("account.balance", 100)
                .set("account.unpaidCharges", List.of(Map.of("dueDate", due, "amount", 100)))
                .set("breathingSpace", Map.of("type", "STANDARD", "startDate", start));
        assertThat(schedule(c).charges().get(0).lastDayToSue()).isEqualTo(lastDay);
    }

    @Test
    void noUnpaidChargesMeansNothingBarred() {
        LimitationSchedule s = schedule(TestCases.secure().set("account.balance", 500));
        assertThat(s.barredAmount(AS_OF)).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(s.nextBarDate(AS_OF)).isNull();
    }

    @Test
    void theLegalPositionAndTheDecisionReadTheSameFigure() {
        TestCases c = formerTenant("2019-05-01", "2020-11-22", "2021-02-01");
        assertThat(new CaseAnalysis(c.facts()).positionOn(AS_OF).limitation().barredAmount()).isEqualByComparingTo("200");
        assertThat(TestCases.decisions().decide(c.facts()).legal().statuteBarredAmount()).isEqualByComparingTo("200");
    }
}
