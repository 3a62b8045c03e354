package org.rentrecovery.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rentrecovery.contract.ActionCategory;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.RentArithmetic;
import org.rentrecovery.contract.Vocabulary.RentFrequency;
import org.rentrecovery.support.TestCases;

class CaseAnalysisTest {

    @ParameterizedTest(name = "{0} rent {1} -> weekly {2}, monthly {3}")
    @CsvSource({
            "WEEKLY, 120.00, 120.00, 520.00",
            "FORTNIGHTLY, 240.00, 120.00, 520.00",
            "FOUR_WEEKLY, 480.00, 120.00, 520.00",
            "MONTHLY, 520.00, 120.00, 520.00",
            "MONTHLY, 500.00, 115.38, 500.00"})
    void convertsRentForEveryFrequency(RentFrequency frequency, String rent, String weekly, String monthly) {
        BigDecimal perPeriod = new BigDecimal(rent);
        assertThat(RentArithmetic.pounds(RentArithmetic.weeklyRent(frequency, perPeriod))).isEqualByComparingTo(weekly);
        assertThat(RentArithmetic.pounds(RentArithmetic.monthlyRent(frequency, perPeriod))).isEqualByComparingTo(monthly);
    }

    @Test
    void arrearsInWeeksAndMonthsAreExactAtTheThreshold() {
        CaseAnalysis a = new CaseAnalysis(TestCases.secure().set("tenancy.rentFrequency", "MONTHLY")
                .set("tenancy.periodStartDay", null).set("tenancy.rentPerPeriod", 520).set("account.balance", 360).facts());
        assertThat(a.weeksOfRent()).isEqualByComparingTo("3");
        assertThat(a.monthsOfRent().setScale(4, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("0.6923");
    }

    @Test
    void realArrearsLeaveOutTechnicalArrears() {
        CaseAnalysis a = new CaseAnalysis(TestCases.secure().set("account.balance", 500).set("account.technicalArrears", 200).facts());
        assertThat(a.realArrears()).isEqualByComparingTo("300");
        assertThat(a.realWeeksOfRent()).isEqualByComparingTo("3");
        assertThat(a.weeksOfRent()).isEqualByComparingTo("5");
    }

    @Test
    void aCreditBalanceHasNoRealArrears() {
        CaseAnalysis a = new CaseAnalysis(TestCases.secure().set("account.balance", -30).facts());
        assertThat(a.realArrears()).isEqualByComparingTo("-30");
        assertThat(a.weeksOfRent()).isEqualByComparingTo("-0.3");
    }

    @Test
    void daysSinceTheLastTimeEachStepWasTaken() {
        CaseAnalysis a = new CaseAnalysis(TestCases.secure().set("account.balance", 300)
                .action("SEND_REMINDER_LETTER_1", 30).action("SEND_REMINDER_LETTER_1", 9).facts());
        assertThat(a.daysSince(ActionType.SEND_REMINDER_LETTER_1)).isEqualTo(9L);
        assertThat(a.daysSince(ActionType.SEND_REMINDER_LETTER_2)).isNull();
    }

    @ParameterizedTest(name = "endDate {0} -> former {1}")
    @CsvSource({"2026-11-22, true", "2026-11-23, true", "2026-11-24, false"})
    void aTenancyEndingOnOrBeforeAsOfIsAFormerTenancy(String end, boolean former) {
        assertThat(new CaseAnalysis(TestCases.secure().set("tenancy.endDate", end).facts()).formerTenancy()).isEqualTo(former);
    }

    @ParameterizedTest(name = "UC, monthly rent 500, balance {0}, persistent {1} -> APA {2}, TPD {3}")
    @CsvSource({
            "999.99, false, false, false", "1000.00, false, true, true",
            "499.99, true, false, false", "500.00, true, true, false"})
    void universalCreditThresholds(String balance, boolean persistent, boolean apa, boolean tpd) {
        CaseAnalysis a = new CaseAnalysis(TestCases.assured().set("tenancy.rentFrequency", "MONTHLY").set("tenancy.periodStartDay", null)
                .set("tenancy.rentPerPeriod", 500).set("account.balance", new BigDecimal(balance))
                .set("benefits.housingCostSupport", "UNIVERSAL_CREDIT").set("benefits.persistentUnderpayment", persistent).facts());
        assertThat(a.apaEligibleToRequest()).isEqualTo(apa);
        assertThat(a.tpdEligibleToRequest()).isEqualTo(tpd);
    }

    @ParameterizedTest(name = "rent allowance, weekly rent 100, balance {0} -> HB direct payment mandatory {1}")
    @CsvSource({"799.99, false", "800.00, true", "800.01, true"})
    void housingBenefitDirectPaymentAtEightWeeks(String balance, boolean mandatory) {
        CaseAnalysis a = new CaseAnalysis(TestCases.assured().set("account.balance", new BigDecimal(balance))
                .set("benefits.housingCostSupport", "HOUSING_BENEFIT").set("benefits.hbPaymentForm", "RENT_ALLOWANCE").facts());
        assertThat(a.hbDirectPaymentMandatory()).isEqualTo(mandatory);
    }

    /** Pre-Action Protocol: a landlord's own code counts as contact, or help with benefits, by its declared category. */
    @Test
    void aLandlordsOwnCodeCountsInTheProtocolByItsCategory() {
        Map<String, ActionCategory> codes = Map.of("SUSTAINMENT_CALL", ActionCategory.CONTACT, "ESTATE_VISIT", ActionCategory.VISIT,
                "WELFARE_RIGHTS_REFERRAL", ActionCategory.SUPPORT, "ARREARS_EMAIL", ActionCategory.LETTER);
        TestCases noticeServed = TestCases.secure().set("account.balance", 900)
                .set("recovery.notice", Map.of("type", "NOSP", "servedOn", "2026-10-05", "dateSpecified", "2026-11-02"));
        var call = new CaseAnalysis(noticeServed.action("LANDLORD_ACTION", 49, Map.of("code", "SUSTAINMENT_CALL"))
                .action("LANDLORD_ACTION", 49, Map.of("code", "WELFARE_RIGHTS_REFERRAL")).facts(), codes)
                .positionOn(java.time.LocalDate.of(2026, 11, 23)).protocol();
        assertThat(call.contactMade()).isTrue();
        assertThat(call.contactAfterNotice()).as("a call on the day the notice was served").isTrue();
        assertThat(call.benefitsHelpOffered()).isTrue();

        var emailOnly = new CaseAnalysis(TestCases.secure().set("account.balance", 900)
                .action("LANDLORD_ACTION", 10, Map.of("code", "ARREARS_EMAIL")).facts(), codes).positionOn(java.time.LocalDate.of(2026, 11, 23)).protocol();
        assertThat(emailOnly.contactMade()).as("a letter is not contact").isFalse();
        assertThat(emailOnly.benefitsHelpOffered()).isFalse();

        var undeclared = new CaseAnalysis(TestCases.secure().set("account.balance", 900)
                .action("LANDLORD_ACTION", 10, Map.of("code", "SUSTAINMENT_CALL")).facts()).positionOn(java.time.LocalDate.of(2026, 11, 23)).protocol();
        assertThat(undeclared.contactMade()).as("without the policy's categories a code is not known to be contact").isFalse();
    }
}
