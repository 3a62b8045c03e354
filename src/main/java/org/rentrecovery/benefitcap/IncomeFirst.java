package org.rentrecovery.benefitcap;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.rentrecovery.contract.ActionType;
import org.rentrecovery.escalation.PolicyAction;

/**
 * Puts the income-maximisation steps into the escalation ladder's recommendations. A step the
 * benefit cap policy marks "before enforcement" is moved to the priority of the most urgent
 * enforcement step (notice, claim, warrant, money claim) and placed ahead of it, so an officer is
 * told to request an APA, say, before serving a notice. Steps the ladder does not already recommend
 * are added with the policy's priority. Nothing is removed: the legal guards judge every step after.
 */
public final class IncomeFirst {
    static final String OWNER = "STAGE_1_OFFICER";
    static final int DAYS_TO_ACT = 7;

    private IncomeFirst() {
    }

    /**
     * As {@link #merge(List, List)}, and an arrangement offer carries the suggested affordable amount
     * (or why none can be suggested), so the officer offers what the household can pay.
     */
    public static List<PolicyAction> merge(List<PolicyAction> ladder, List<BenefitCap.IncomeAction> income, RepaymentPlan plan) {
        List<PolicyAction> merged = merge(ladder, income);
        String suggestion = suggestion(plan);
        if (suggestion == null) {
            return merged;
        }
        merged.replaceAll(a -> a.action() != ActionType.OFFER_REPAYMENT_ARRANGEMENT ? a
                : new PolicyAction(a.action(), a.priority(), a.owner(), a.dueInDays(), a.approval(),
                        a.reason() + " " + suggestion, a.reference(), a.row()));
        return merged;
    }

    static String suggestion(RepaymentPlan plan) {
        if (plan == null) {
            return null;
        }
        return switch (plan.status()) {
            case "NO_ARREARS" -> null;
            case "NOT_KNOWN" -> "Income and essential spending are not recorded: complete an income and expenditure assessment first.";
            case "NO_SURPLUS" -> "Nothing is left after essential spending, so no amount can be suggested: refer to money advice.";
            default -> "Suggested from income and expenditure: " + plan.affordablePerWeek() + " a week ("
                    + plan.affordablePerPeriod() + " per " + plan.rentFrequency().name().toLowerCase().replace('_', '-')
                    + " rent period) on top of the rent, clearing the arrears in " + plan.weeksToClear() + " weeks.";
        };
    }

    public static List<PolicyAction> merge(List<PolicyAction> ladder, List<BenefitCap.IncomeAction> income) {
        List<PolicyAction> merged = new ArrayList<>(ladder);
        OptionalInt enforcementPriority = ladder.stream().filter(PolicyAction::isEnforcement)
                .mapToInt(PolicyAction::priority).min();
        for (BenefitCap.IncomeAction step : income) {
            boolean first = step.beforeEnforcement() && enforcementPriority.isPresent();
            int existing = indexOf(merged, step);
            if (existing >= 0) {
                PolicyAction current = merged.get(existing);
                if (first && current.priority() > enforcementPriority.getAsInt()) {
                    merged.remove(existing);
                    merged.add(firstEnforcementIndex(merged), new PolicyAction(current.action(), enforcementPriority.getAsInt(),
                            current.owner(), current.dueInDays(), current.approval(),
                            current.reason() + " Do this before any enforcement step (" + step.row() + ").",
                            current.reference(), current.row()));
                }
                continue;
            }
            PolicyAction added = new PolicyAction(step.type(), first ? enforcementPriority.getAsInt() : step.priority(), OWNER,
                    DAYS_TO_ACT, null, step.reason(), step.reference(), step.row());
            if (first) {
                merged.add(firstEnforcementIndex(merged), added);
            } else {
                merged.add(added);
            }
        }
        return merged;
    }

    private static int indexOf(List<PolicyAction> actions, BenefitCap.IncomeAction step) {
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i).action() == step.type()) {
                return i;
            }
        }
        return -1;
    }

    private static int firstEnforcementIndex(List<PolicyAction> actions) {
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i).isEnforcement()) {
                return i;
            }
        }
        return actions.size();
    }
}
