package org.rentrecovery.benefitcap;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

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

    public static List<PolicyAction> merge(List<PolicyAction> ladder, List<BenefitCap.IncomeAction> income) {
        List<PolicyAction> merged = new ArrayList<>(ladder);
        OptionalInt enforcementPriority = ladder.stream().filter(a -> a.action().isEnforcement())
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
            if (actions.get(i).action().isEnforcement()) {
                return i;
            }
        }
        return actions.size();
    }
}
