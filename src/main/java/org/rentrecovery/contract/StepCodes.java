package org.rentrecovery.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rentrecovery.contract.Problem.FieldError;

/**
 * A request names a landlord's own step as the answers do: {@code type: LANDLORD_ACTION} with the
 * landlord's code in {@code code} (docs/api.md). The service's own steps are named by type alone, so
 * a code beside any other type, a code that is one of the service's action names, or LANDLORD_ACTION
 * without a code contradicts itself. Whether the code is one the policy declares is known only once
 * the policy version is chosen ({@link #declaredIn}).
 */
public final class StepCodes {
    private StepCodes() {
    }

    /** The contradictions between type and code in the recorded steps and the proposed step. */
    static List<FieldError> check(CaseFacts facts) {
        List<FieldError> errors = new ArrayList<>();
        each(facts, (field, type, code) -> {
            if (type == ActionType.LANDLORD_ACTION && code == null) {
                errors.add(new FieldError(field + ".code", "is required with type LANDLORD_ACTION: the landlord's own action code"));
            } else if (type != ActionType.LANDLORD_ACTION && code != null) {
                errors.add(new FieldError(field + ".code", "is only for type LANDLORD_ACTION (a landlord's own step); "
                        + type + " is the service's own step and needs no code"));
            } else if (code != null && serviceAction(code)) {
                errors.add(new FieldError(field + ".code", code + " is the service's own step: send it as type " + code + ", without code"));
            }
        });
        return errors;
    }

    /**
     * Every landlord code in the request is one the policy version declares with a category; else a
     * 400 naming the field, so a typo in a case system never reads as a step no table knows.
     *
     * @param declared the policy's own codes and their categories
     * @param version  the policy version, named in the message
     */
    public static void declaredIn(CaseFacts facts, Map<String, ActionCategory> declared, String version) {
        List<FieldError> errors = new ArrayList<>();
        each(facts, (field, type, code) -> {
            if (type == ActionType.LANDLORD_ACTION && code != null && !declared.containsKey(code)) {
                errors.add(new FieldError(field + ".code", code + " is not an action code policy version " + version
                        + " declares (decision-tables/landlord-actions.dmn): " + declared.keySet().stream().sorted().toList()));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private interface StepVisitor {
        void visit(String field, ActionType type, String code);
    }

    private static void each(CaseFacts facts, StepVisitor visitor) {
        if (facts.recovery() != null && facts.recovery().actions() != null) {
            List<CaseFacts.RecoveryAction> actions = facts.recovery().actions();
            for (int i = 0; i < actions.size(); i++) {
                visitor.visit("recovery.actions[" + i + "]", actions.get(i).type(), actions.get(i).code());
            }
        }
        if (facts.proposedAction() != null) {
            visitor.visit("proposedAction", facts.proposedAction().type(), facts.proposedAction().code());
        }
    }

    private static boolean serviceAction(String code) {
        for (ActionType type : ActionType.values()) {
            if (type != ActionType.LANDLORD_ACTION && type.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
