package org.rentrecovery.analysis;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.CaseFacts;

/**
 * The current arrears episode: it starts after the last recorded day the account was clear (balance
 * zero or in credit), and only the recovery steps taken after that day count towards it.
 */
final class ArrearsEpisode {
    private final LocalDate start;
    private final Map<ActionType, LocalDate> lastTaken = new EnumMap<>(ActionType.class);

    ArrearsEpisode(CaseFacts facts) {
        this.start = lastClearDay(facts.account().balanceHistory());
        if (facts.recovery() != null && facts.recovery().actions() != null) {
            for (CaseFacts.RecoveryAction action : facts.recovery().actions()) {
                if (start != null && !action.date().isAfter(start)) {
                    continue;
                }
                lastTaken.merge(action.type(), action.date(), (a, b) -> a.isAfter(b) ? a : b);
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
