package org.rentrecovery.analysis;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.rentrecovery.contract.ActionCategory;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.CaseFacts;

/**
 * The current arrears episode: it starts after the last recorded day the account was clear (balance
 * zero or in credit), and only the recovery steps taken after that day count towards it. A landlord's
 * own step (LANDLORD_ACTION with a code) is also kept under the category its policy declares for the
 * code, so the law can count it as the kind of step it is (a call the landlord names in its own words
 * is still contact with the tenant).
 */
final class ArrearsEpisode {
    private final LocalDate start;
    private final Map<ActionType, LocalDate> lastTaken = new EnumMap<>(ActionType.class);
    private final Map<ActionCategory, LocalDate> lastLandlordStep = new EnumMap<>(ActionCategory.class);

    /** @param landlordCodes the categories the deciding policy declares for its own action codes */
    ArrearsEpisode(CaseFacts facts, Map<String, ActionCategory> landlordCodes) {
        this.start = lastClearDay(facts.account().balanceHistory());
        if (facts.recovery() != null && facts.recovery().actions() != null) {
            for (CaseFacts.RecoveryAction action : facts.recovery().actions()) {
                if (start != null && !action.date().isAfter(start)) {
                    continue;
                }
                lastTaken.merge(action.type(), action.date(), ArrearsEpisode::later);
                ActionCategory category = action.type() == ActionType.LANDLORD_ACTION && action.code() != null
                        ? landlordCodes.get(action.code()) : null;
                if (category != null) {
                    lastLandlordStep.merge(category, action.date(), ArrearsEpisode::later);
                }
            }
        }
    }

    /** The last clear day; null when none is recorded. */
    LocalDate start() {
        return start;
    }

    /** The last day the step was taken in this episode; null if never. */
    LocalDate lastTaken(ActionType type) {
        return lastTaken.get(type);
    }

    /** The last day a landlord's own step of the category was taken in this episode; null if never. */
    LocalDate lastLandlordStep(ActionCategory category) {
        return lastLandlordStep.get(category);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** The latest day any step was taken in this episode; null if none. */
    LocalDate lastStep() {
        return lastTaken.values().stream().max(LocalDate::compareTo).orElse(null);
    }

    boolean anyStep() {
        return !lastTaken.isEmpty();
    }

    private static LocalDate lastClearDay(List<CaseFacts.BalancePoint> history) {
        if (history == null) {
            return null;
        }
        LocalDate last = null;
        for (CaseFacts.BalancePoint point : history) {
            if (point.balance().signum() <= 0 && (last == null || point.date().isAfter(last))) {
                last = point.date();
            }
        }
        return last;
    }
}
