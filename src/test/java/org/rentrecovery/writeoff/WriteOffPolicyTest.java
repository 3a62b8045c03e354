package org.rentrecovery.writeoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rentrecovery.contract.Reason;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.decision.WriteOffAnswer;
import org.rentrecovery.support.TestCases;

/**
 * Write-off eligibility (decision-tables/writeoff/write-off.dmn after rules/writeoff/WriteOffLaw.drl):
 * every reason with a case that qualifies and one that narrowly does not, every approver band at
 * its edges, the amount and reinstatement. asOf is 2026-11-23 throughout.
 */
class WriteOffPolicyTest {

    /** A former council tenant (tenancy ended 2025-03-30) owing the balance. */
    static TestCases formerTenant(Object balance) {
        return TestCases.secure().set("tenancy.endDate", "2025-03-30").set("account.balance", new BigDecimal(balance.toString()));
    }

    static Decision decide(TestCases c) {
        return TestCases.decisions().decide(c.facts());
    }

    static WriteOffDecision writeOff(TestCases c) {
        return decide(c).writeOff();
    }

    static List<String> rules(TestCases c) {
        return decide(c).reasons().stream().map(Reason::rule).toList();
    }

    static TestCases deceasedSoleTenant(Object balance, String estate) {
        return formerTenant(balance)
                .set("tenancy.tenants", List.of(Map.of("id", "T1", "deceased", true, "dateOfDeath", "2025-03-30")))
                .set("formerTenancy.estate", estate);
    }

    // ------------------------------------------------------------------ approver bands

    @ParameterizedTest(name = "write-off of {0} -> {1}")
    @CsvSource({
            "0.01, LINE_MANAGER", "49.99, LINE_MANAGER",
            "50.00, INCOME_MANAGER", "4999.99, INCOME_MANAGER",
            "5000.00, S151_OFFICER", "9999.99, S151_OFFICER",
            "10000.00, EXECUTIVE", "49999.99, EXECUTIVE",
            "50000.00, CABINET_OR_BOARD", "250000.00, CABINET_OR_BOARD"})
    void theApproverDependsOnTheAmount(String amount, String approver) {
        WriteOffDecision w = writeOff(deceasedSoleTenant(amount, "NONE"));
        assertThat(w.eligible()).isTrue();
        assertThat(w.amount()).isEqualByComparingTo(amount);
        assertThat(w.approver()).isEqualTo(approver);
    }

    @Test
    void theApproverBandRowIsNamedInTheReasons() {
        assertThat(rules(deceasedSoleTenant("4999.99", "NONE"))).contains("WriteOffApprover/income-manager", "WriteOffReasons/deceased-no-estate");
    }

    // ------------------------------------------------------------------ each reason: qualifies, narrowly does not

    @ParameterizedTest(name = "charge due {0} -> STATUTE_BARRED {1}")
    @CsvSource({"2020-11-22, true", "2020-11-23, false"})
    void statuteBarred(String due, boolean qualifies) {
        TestCases c = formerTenant("300").set("account.unpaidCharges", List.of(
                Map.of("dueDate", due, "amount", 100), Map.of("dueDate", "2024-06-03", "amount", 200)));
        WriteOffDecision w = writeOff(c);
        assertThat(w.reasons().contains("STATUTE_BARRED")).isEqualTo(qualifies);
        assertThat(w.statuteBarredAmount()).isEqualByComparingTo(qualifies ? "100" : "0");
        assertThat(w.recoverableAmount()).isEqualByComparingTo(qualifies ? "200" : "300");
        if (qualifies) {
            // Only the barred part is written off; the rest can still be sued for.
            assertThat(w.amount()).isEqualByComparingTo("100");
            assertThat(w.reinstatableIfTraced()).isFalse();
            assertThat(w.nextStatuteBarDate()).isEqualTo("2030-06-04");
        } else {
            assertThat(w.nextStatuteBarDate()).isEqualTo("2026-11-24");
            assertThat(w.nextStatuteBarAmount()).isEqualByComparingTo("100");
        }
    }

    @ParameterizedTest(name = "sole tenant deceased, estate {0} -> DECEASED_NO_ESTATE {1}")
    @CsvSource({"NONE, true", "UNKNOWN, false", "SOLVENT, false"})
    void deceasedSoleTenantWithNoEstate(String estate, boolean qualifies) {
        TestCases c = deceasedSoleTenant("640", estate);
        assertThat(writeOff(c).reasons().contains("DECEASED_NO_ESTATE")).isEqualTo(qualifies);
        assertThat(rules(c)).contains(qualifies ? "WriteOffLaw: A deceased sole tenant's arrears are recovered only from the estate"
                : "WriteOffLaw: A deceased tenant's estate pays the arrears");
    }

    @Test
    void aSurvivingJointTenantStaysLiableSoThereIsNoDeceasedTenantWriteOff() {
        TestCases c = formerTenant("640").set("formerTenancy.estate", "NONE").set("tenancy.tenants", List.of(
                Map.of("id", "T1", "deceased", true, "dateOfDeath", "2025-03-30"), Map.of("id", "T2", "ageYears", 70)));
        WriteOffDecision w = writeOff(c);
        assertThat(w.eligible()).isFalse();
        assertThat(w.approver()).isNull();
        assertThat(w.legalFindings()).extracting(Reason::rule)
                .contains("WriteOffLaw: A surviving joint tenant stays liable for the whole of the arrears");
    }

    @ParameterizedTest(name = "traced {0}, exhausted {1}, agency from {2} -> UNTRACEABLE {3}")
    @CsvSource({
            "false, true, 2026-08-23, true",   // exactly 3 months with the agency
            "false, true, 2026-08-24, false",  // a day short of 3 months
            "false, false, 2026-01-10, false", // tracing not exhausted
            "true, true, 2026-01-10, false",   // traced after all
            ", true, 2026-01-10, true"})       // traced not stated: the exhausted tracing says they were not found
    void untraceable(Boolean traced, boolean exhausted, String placed, boolean qualifies) {
        TestCases c = formerTenant("1200").set("formerTenancy.tracingExhausted", exhausted)
                .set("formerTenancy.collectionAgencyPlacedOn", placed);
        if (traced != null) {
            c.set("formerTenancy.traced", traced);
        }
        WriteOffDecision w = writeOff(c);
        assertThat(w.reasons().contains("UNTRACEABLE")).isEqualTo(qualifies);
        if (qualifies) {
            assertThat(w.reinstatableIfTraced()).isTrue();
            assertThat(w.approver()).isEqualTo("INCOME_MANAGER");
        }
    }

    @Test
    void aCurrentTenantIsNeverUntraceable() {
        TestCases c = TestCases.secure().set("account.balance", 1200).set("formerTenancy.traced", false)
                .set("formerTenancy.tracingExhausted", true).set("formerTenancy.collectionAgencyPlacedOn", "2026-01-10");
        assertThat(writeOff(c).reasons()).doesNotContain("UNTRACEABLE");
    }

    @ParameterizedTest(name = "{0} covering {1} of 800 -> {2} {3}, amount {4}")
    @CsvSource({
            "BANKRUPTCY, 800.00, BANKRUPTCY, true, 800.00",
            "BANKRUPTCY, 300.00, BANKRUPTCY, true, 300.00",
            "BANKRUPTCY, 0.00, BANKRUPTCY, false, 0.00",
            "DRO, 800.00, DRO, true, 800.00",
            "DRO, 0.00, DRO, false, 0.00",
            "IVA, 800.00, BANKRUPTCY, false, 0.00",
            "IVA, 800.00, DRO, false, 0.00"})
    void bankruptcyAndDebtReliefOrders(String type, String covered, String reason, boolean qualifies, String amount) {
        TestCases c = formerTenant("800").set("insolvency", Map.of("type", type, "date", "2026-06-01", "arrearsCovered", new BigDecimal(covered)));
        WriteOffDecision w = writeOff(c);
        assertThat(w.reasons().contains(reason)).isEqualTo(qualifies);
        assertThat(w.amount()).isEqualByComparingTo(amount);
        if (qualifies) {
            assertThat(w.reinstatableIfTraced()).isFalse();
        }
    }

    @ParameterizedTest(name = "balance {0}, letter {1} days ago, paid since {2} -> SMALL_BALANCE {3}")
    @CsvSource({
            "49.99, 30, false, true",
            "50.00, 30, false, false",  // not under 50
            "49.99, 29, false, false",  // not yet 30 days without a response
            "49.99, 40, true, false",   // paid after the letter
            "0.01, 30, false, true"})
    void smallBalanceWithNoResponse(String balance, int daysAgo, boolean paidSince, boolean qualifies) {
        TestCases c = formerTenant(balance).action("SEND_FINAL_ACCOUNT_LETTER", daysAgo);
        if (paidSince) {
            c.set("account.lastPaymentDate", "2026-11-01").set("account.lastPaymentAmount", 5);
        }
        WriteOffDecision w = writeOff(c);
        assertThat(w.reasons().contains("SMALL_BALANCE")).isEqualTo(qualifies);
        if (qualifies) {
            assertThat(w.approver()).isEqualTo("LINE_MANAGER");
            assertThat(w.reinstatableIfTraced()).isTrue();
        }
    }

    @Test
    void aWrittenAcknowledgmentAfterTheLetterIsAResponse() {
        TestCases c = formerTenant("30").action("SEND_FINAL_ACCOUNT_LETTER", 60)
                .set("account.acknowledgments", List.of(Map.of("date", "2026-10-20", "type", "WRITTEN")));
        assertThat(writeOff(c).reasons()).doesNotContain("SMALL_BALANCE");
    }

    @ParameterizedTest(name = "recovery would cost {0} for a debt of 180 -> UNECONOMIC {1}")
    @CsvSource({"180.00, true", "400.00, true", "179.99, false"})
    void uneconomicToPursue(String cost, boolean qualifies) {
        TestCases c = formerTenant("180").set("formerTenancy.estimatedRecoveryCost", new BigDecimal(cost));
        assertThat(writeOff(c).reasons().contains("UNECONOMIC")).isEqualTo(qualifies);
    }

    @ParameterizedTest(name = "income {0}, essentials 1000, assessment {1} -> VULNERABLE_HARDSHIP {2}")
    @CsvSource({"1000.00, COMPLETED, true", "850.00, COMPLETED, true", "1000.01, COMPLETED, false", "900.00, OPEN, false"})
    void hardshipForAVulnerableDebtor(String income, String assessment, boolean qualifies) {
        TestCases c = formerTenant("2300").set("vulnerability", Map.of("flags", List.of("MENTAL_HEALTH"), "assessment", assessment))
                .set("household.monthlyIncome", new BigDecimal(income)).set("household.monthlyEssentialSpending", 1000);
        WriteOffDecision w = writeOff(c);
        assertThat(w.reasons().contains("VULNERABLE_HARDSHIP")).isEqualTo(qualifies);
        if (qualifies) {
            assertThat(w.reinstatableIfTraced()).isFalse();
        }
    }

    @Test
    void hardshipNeedsAVulnerability() {
        TestCases c = formerTenant("2300").set("vulnerability", Map.of("flags", List.of(), "assessment", "COMPLETED"))
                .set("household.monthlyIncome", 500).set("household.monthlyEssentialSpending", 1000);
        assertThat(writeOff(c).reasons()).doesNotContain("VULNERABLE_HARDSHIP");
    }

    // ------------------------------------------------------------------ amount and reinstatement

    @Test
    void aWholeBalanceReasonWritesOffTheWholeBalanceAndAnyLegalReasonStopsReinstatement() {
        TestCases c = formerTenant("1200").set("formerTenancy.traced", false).set("formerTenancy.tracingExhausted", true)
                .set("formerTenancy.collectionAgencyPlacedOn", "2026-01-10")
                .set("account.unpaidCharges", List.of(Map.of("dueDate", "2019-05-06", "amount", 100)));
        WriteOffDecision w = writeOff(c);
        assertThat(w.reasons()).containsExactly("STATUTE_BARRED", "UNTRACEABLE");
        assertThat(w.amount()).isEqualByComparingTo("1200");
        assertThat(w.reinstatableIfTraced()).isFalse();
        assertThat(w.explanations()).extracting(WriteOffDecision.ReasonDetail::amount)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("100"), new BigDecimal("1200"));
    }

    @Test
    void nothingOwedNothingToWriteOff() {
        WriteOffDecision w = writeOff(deceasedSoleTenant("-15.00", "NONE"));
        assertThat(w.eligible()).isFalse();
        assertThat(w.reasons()).isEmpty();
        assertThat(w.amount()).isEqualByComparingTo("0");
        assertThat(w.approver()).isNull();
        assertThat(w.reinstatableIfTraced()).isNull();
    }

    @Test
    void writeOffAloneAnswersTheSamePartAsTheFullDecision() {
        TestCases c = deceasedSoleTenant("640", "NONE");
        WriteOffAnswer alone = TestCases.decisions().decideWriteOff(c.facts());
        assertThat(alone.writeOff()).isEqualTo(decide(c).writeOff());
        assertThat(alone.policy()).isEqualTo(decide(c).policy());
        assertThat(alone.reasons()).extracting(Reason::rule).contains("WriteOffReasons/deceased-no-estate", "WriteOffApprover/income-manager");
    }
}
