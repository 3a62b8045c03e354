package org.rentrecovery.benefitcap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.escalation.PolicyAction;

/** Merging income steps into the ladder's recommendations. */
class IncomeFirstTest {
    private static PolicyAction ladder(ActionType type, int priority) {
        return new PolicyAction(type, priority, "STAGE_2_OFFICER", 7, null, "ladder reason.", "ref", "EscalationActions#1");
    }

    private static BenefitCap.IncomeAction income(ActionType type, int priority, boolean first) {
        return new BenefitCap.IncomeAction(type, priority, first, "income reason", "ref", "IncomeMaximisation#1");
    }

    private static List<String> summary(List<PolicyAction> actions) {
        return actions.stream().map(a -> a.action() + ":" + a.priority()).toList();
    }

    @Test
    void aStepTheLadderAlreadyHasIsMovedAheadOfTheNoticeNotDuplicated() {
        List<PolicyAction> merged = IncomeFirst.merge(
                List.of(ladder(ActionType.SERVE_NOSP, 1), ladder(ActionType.CONTACT_TENANT, 2), ladder(ActionType.REQUEST_UC_MANAGED_PAYMENT, 7)),
                List.of(income(ActionType.REQUEST_UC_MANAGED_PAYMENT, 2, true)));
        assertEquals(List.of("REQUEST_UC_MANAGED_PAYMENT:1", "SERVE_NOSP:1", "CONTACT_TENANT:2"), summary(merged));
        assertEquals("EscalationActions#1", merged.get(0).row(), "the ladder row still explains the step");
    }

    @Test
    void newStepsBeforeEnforcementGoAheadInTableOrderAndOthersAfter() {
        List<PolicyAction> merged = IncomeFirst.merge(
                List.of(ladder(ActionType.CONTACT_TENANT, 1), ladder(ActionType.ISSUE_POSSESSION_CLAIM, 2)),
                List.of(income(ActionType.REQUEST_HB_DIRECT_PAYMENT, 2, true), income(ActionType.REFER_DHP_APPLICATION, 3, true),
                        income(ActionType.OFFER_REPAYMENT_ARRANGEMENT, 5, false)));
        assertEquals(List.of("CONTACT_TENANT:1", "REQUEST_HB_DIRECT_PAYMENT:2", "REFER_DHP_APPLICATION:2", "ISSUE_POSSESSION_CLAIM:2",
                "OFFER_REPAYMENT_ARRANGEMENT:5"), summary(merged));
    }

    @Test
    void withoutEnforcementTheTablePriorityIsKept() {
        List<PolicyAction> merged = IncomeFirst.merge(List.of(ladder(ActionType.SEND_REMINDER_LETTER_1, 1)),
                List.of(income(ActionType.REFER_MONEY_ADVICE, 4, true)));
        assertEquals(List.of("SEND_REMINDER_LETTER_1:1", "REFER_MONEY_ADVICE:4"), summary(merged));
    }

    @Test
    void anArrangementOfferCarriesTheSuggestedAmount() {
        RepaymentPlan plan = new RepaymentPlan("PLAN", new java.math.BigDecimal("1000.00"), null, null, null, null, null, null, null,
                "RepaymentLimits#2", new java.math.BigDecimal("25.96"), org.rentrecovery.contract.Vocabulary.RentFrequency.MONTHLY,
                new java.math.BigDecimal("112.49"), 39, "");
        List<PolicyAction> merged = IncomeFirst.merge(List.of(ladder(ActionType.OFFER_REPAYMENT_ARRANGEMENT, 4)), List.of(), plan);
        assertEquals("ladder reason. Suggested from income and expenditure: 25.96 a week (112.49 per monthly rent period) on top of"
                + " the rent, clearing the arrears in 39 weeks.", merged.get(0).reason());
    }
}
