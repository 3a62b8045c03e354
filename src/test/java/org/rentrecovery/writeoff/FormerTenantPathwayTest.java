package org.rentrecovery.writeoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rentrecovery.writeoff.WriteOffPolicyTest.decide;
import static org.rentrecovery.writeoff.WriteOffPolicyTest.formerTenant;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.Reason;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.support.TestCases;

/**
 * The former tenant pathway (decision-tables/writeoff/former-tenant-pathway.dmn) through the whole
 * decision, with the legal guards applied to each step. asOf is 2026-11-23.
 */
class FormerTenantPathwayTest {

    /** Transferred to the team and the final account letter sent 30 days ago. */
    private static TestCases lettered(Object balance) {
        return formerTenant(balance).action("TRANSFER_FORMER_TENANT_ARREARS", 40).action("SEND_FINAL_ACCOUNT_LETTER", 30);
    }

    private static ActionType next(TestCases c) {
        return decide(c).nextAction().type();
    }

    private static List<String> guardsOn(Decision d, ActionType type) {
        return d.blockedActions().stream().filter(b -> b.type() == type).flatMap(b -> b.blockedBy().stream())
                .map(Decision.Block::guard).toList();
    }

    @Test
    void theLadderHandsAFormerTenancyToThePathwayWhichStartsWithTheTransfer() {
        Decision d = decide(formerTenant("900"));
        assertThat(d.escalation().step()).isEqualTo("FORMER_TENANCY");
        assertThat(d.nextAction().type()).isEqualTo(ActionType.TRANSFER_FORMER_TENANT_ARREARS);
        assertThat(d.reasons()).extracting(Reason::rule).contains("EscalationStep#1", "FormerTenantStep#3");
    }

    @Test
    void theFinalAccountLetterFollowsTheTransferThenTheTeamWaits30Days() {
        TestCases c = formerTenant("900").set("formerTenancy.traced", true).action("TRANSFER_FORMER_TENANT_ARREARS", 40);
        assertThat(next(c)).isEqualTo(ActionType.SEND_FINAL_ACCOUNT_LETTER);
        Decision waiting = decide(formerTenant("900").set("formerTenancy.traced", true)
                .action("TRANSFER_FORMER_TENANT_ARREARS", 40).action("SEND_FINAL_ACCOUNT_LETTER", 29));
        assertThat(waiting.nextAction().type()).isEqualTo(ActionType.NO_ACTION);
        assertThat(waiting.nextAction().dueBy()).isEqualTo("2026-11-24");
        assertThat(next(formerTenant("900").set("formerTenancy.traced", true)
                .action("TRANSFER_FORMER_TENANT_ARREARS", 40).action("SEND_FINAL_ACCOUNT_LETTER", 30))).isEqualTo(ActionType.MONEY_CLAIM);
    }

    @ParameterizedTest(name = "{0} -> the team already has the debt")
    @CsvSource({"TRACE_FORMER_TENANT", "REFER_COLLECTION_AGENCY", "SEND_FINAL_ACCOUNT_LETTER"})
    void aLaterPathwayStepShowsTheTransferHappened(String step) {
        assertThat(next(formerTenant("900").action(step, 60))).isNotEqualTo(ActionType.TRANSFER_FORMER_TENANT_ARREARS);
    }

    @Test
    void noFinalAccountLetterOnceTheTenantIsLost() {
        TestCases c = formerTenant("900").set("formerTenancy.traced", false).set("formerTenancy.tracingExhausted", true);
        assertThat(next(c)).isEqualTo(ActionType.REFER_COLLECTION_AGENCY);
    }

    @ParameterizedTest(name = "traced {0}, exhausted {1}, agency {2} -> {3}")
    @CsvSource({
            ", false, , TRACE_FORMER_TENANT",
            "false, false, , TRACE_FORMER_TENANT",
            "false, true, , REFER_COLLECTION_AGENCY",
            "false, true, 2026-10-01, NO_ACTION",
            "true, false, , MONEY_CLAIM"})
    void afterTheLetterTraceThenAgencyThenClaim(Boolean traced, boolean exhausted, String agency, ActionType expected) {
        TestCases c = lettered("900").set("formerTenancy.tracingExhausted", exhausted);
        if (traced != null) {
            c.set("formerTenancy.traced", traced);
        }
        if (agency != null) {
            c.set("formerTenancy.collectionAgencyPlacedOn", agency);
        }
        assertThat(next(c)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "traced, owing {0} -> {1}")
    @CsvSource({"9999.99, MONEY_CLAIM", "10000.00, MONEY_CLAIM", "10000.01, REFER_COLLECTION_AGENCY"})
    void aMoneyClaimOnTheSmallClaimsTrackUpToItsLimit(String balance, ActionType expected) {
        assertThat(next(lettered(balance).set("formerTenancy.traced", true))).isEqualTo(expected);
    }

    @Test
    void theMoneyClaimLeavesOutTheStatuteBarredPart() {
        TestCases c = lettered("10100").set("formerTenancy.traced", true).set("account.unpaidCharges", List.of(
                Map.of("dueDate", "2020-06-01", "amount", 150), Map.of("dueDate", "2024-06-03", "amount", 9950)));
        Decision d = decide(c);
        assertThat(d.nextAction().type()).isEqualTo(ActionType.MONEY_CLAIM);
        assertThat(d.nextAction().reason()).contains("Claim 9950.00").contains("leave out 150.00");
        assertThat(d.writeOff().reasons()).containsExactly("STATUTE_BARRED");
        assertThat(d.legal().statuteBarredAmount()).isEqualByComparingTo(d.writeOff().statuteBarredAmount());
    }

    @Test
    void theMoneyClaimLeavesOutArrearsProvableInABankruptcy() {
        TestCases c = lettered("800").set("formerTenancy.traced", true)
                .set("insolvency", Map.of("type", "BANKRUPTCY", "date", "2026-06-01", "arrearsCovered", 300));
        Decision d = decide(c);
        assertThat(d.nextAction().type()).isEqualTo(ActionType.MONEY_CLAIM);
        assertThat(d.nextAction().reason()).contains("Claim 500.00");
    }

    @ParameterizedTest(name = "{0} covering the whole balance -> write-off recommended, approver {1}")
    @CsvSource({"BANKRUPTCY, INCOME_MANAGER", "DRO, INCOME_MANAGER"})
    void aDebtWhollyInABankruptcyOrDroIsRecommendedForWriteOff(String type, String approver) {
        TestCases c = lettered("800").set("formerTenancy.traced", true)
                .set("insolvency", Map.of("type", type, "date", "2026-06-01"));
        Decision d = decide(c);
        assertThat(d.nextAction().type()).isEqualTo(ActionType.RECOMMEND_WRITE_OFF);
        assertThat(d.nextAction().approval()).isEqualTo(approver);
    }

    @Test
    void noAgencyReferralOrMoneyClaimForADebtInADebtReliefOrder() {
        TestCases c = lettered("800").set("insolvency", Map.of("type", "DRO", "date", "2026-06-01"));
        for (String step : List.of("REFER_COLLECTION_AGENCY", "MONEY_CLAIM")) {
            Decision d = TestCases.decisions().decide(c.set("proposedAction", Map.of("type", step)).facts());
            assertThat(d.proposedActionCheck().permitted()).as(step).isFalse();
            assertThat(d.proposedActionCheck().blockedBy()).extracting(Decision.Block::guard).as(step).contains("DEBT_RELIEF_ORDER");
        }
    }

    @Test
    void aBreathingSpaceHoldsTheClaimTheLetterAndTheAgency() {
        TestCases claim = lettered("900").set("formerTenancy.traced", true)
                .set("breathingSpace", Map.of("type", "STANDARD", "startDate", "2026-11-10"));
        Decision d = decide(claim);
        assertThat(d.nextAction().type()).isEqualTo(ActionType.NO_ACTION);
        assertThat(guardsOn(d, ActionType.MONEY_CLAIM)).contains("BREATHING_SPACE");
        assertThat(d.nextAction().dueBy()).isEqualTo("2027-01-08");

        TestCases letter = formerTenant("900").action("TRANSFER_FORMER_TENANT_ARREARS", 20)
                .set("breathingSpace", Map.of("type", "STANDARD", "startDate", "2026-11-10"));
        assertThat(guardsOn(decide(letter), ActionType.SEND_FINAL_ACCOUNT_LETTER)).contains("BREATHING_SPACE");

        TestCases agency = lettered("900").set("formerTenancy.traced", false).set("formerTenancy.tracingExhausted", true)
                .set("breathingSpace", Map.of("type", "MENTAL_HEALTH_CRISIS", "startDate", "2026-11-10"));
        assertThat(guardsOn(decide(agency), ActionType.REFER_COLLECTION_AGENCY)).contains("BREATHING_SPACE");
    }

    @ParameterizedTest(name = "judgment of {0} -> {1}")
    @CsvSource({"2024-02-12, ENFORCE_JUDGMENT", "2020-11-24, ENFORCE_JUDGMENT", "2020-11-23, NO_ACTION"})
    void aJudgmentIsEnforcedUntilItIsSixYearsOld(String judgment, ActionType expected) {
        TestCases c = lettered("900").set("formerTenancy.traced", true)
                .set("recovery.judgment", Map.of("type", "MONEY_JUDGMENT", "date", judgment, "amount", 900));
        Decision d = decide(c);
        assertThat(d.nextAction().type()).isEqualTo(expected);
        if (expected == ActionType.NO_ACTION) {
            assertThat(guardsOn(d, ActionType.ENFORCE_JUDGMENT)).contains("OLD_JUDGMENT");
        }
    }

    @Test
    void onceAClaimIsIssuedTheTeamWaitsForJudgment() {
        assertThat(next(lettered("900").set("formerTenancy.traced", true).action("MONEY_CLAIM", 10))).isEqualTo(ActionType.NO_ACTION);
    }

    @Test
    void anUntraceableDebtAfterThreeMonthsWithTheAgencyIsRecommendedForWriteOff() {
        TestCases c = lettered("1840").set("formerTenancy.traced", false).set("formerTenancy.tracingExhausted", true)
                .set("formerTenancy.collectionAgencyPlacedOn", "2026-08-23");
        Decision d = decide(c);
        assertThat(d.nextAction().type()).isEqualTo(ActionType.RECOMMEND_WRITE_OFF);
        assertThat(d.writeOff().reinstatableIfTraced()).isTrue();
        assertThat(d.writeOff().amount()).isEqualByComparingTo(new BigDecimal("1840"));
    }

    @Test
    void aCurrentTenancyStaysOnTheLadder() {
        Decision d = decide(TestCases.secure().set("account.balance", 150).action("SEND_FINAL_ACCOUNT_LETTER", 40));
        assertThat(d.escalation().step()).isNotEqualTo("FORMER_TENANCY");
        assertThat(d.reasons()).extracting(Reason::rule).noneMatch(r -> r.startsWith("FormerTenantStep"));
    }
}
