package org.rentrecovery.analysis;

import java.time.LocalDate;

/**
 * The case's moratorium (SI 2020/1311) as the notice rules need it: its first day, its last day (null
 * while it has no known end) and whether the court has permitted enforcement steps.
 */
public record MoratoriumWindow(LocalDate start, LocalDate lastDay, boolean courtPermission, int extensionWeeks) {
    public boolean covers(LocalDate date) {
        return !date.isBefore(start) && (lastDay == null || !date.isAfter(lastDay));
    }

    /** The end of the extension after the moratorium (reg 9), or null while the moratorium has no known end. */
    public LocalDate extendedTo() {
        return lastDay == null ? null : lastDay.plusWeeks(extensionWeeks);
    }

    /**
     * Whether a deadline ending on the day is extended (SI 2020/1311 reg 9): it would end during the moratorium,
     * from its first day to its last. Such a deadline runs to the end of the {@code extensionWeeks} weeks after the
     * moratorium ends ({@link #extendedTo}). One ending after the last day keeps its own date: reg 9 is read as
     * Shelter's guide and issue 11 state it (the regulation's text was not available to check; docs/law.md).
     */
    public boolean extendsDeadlineEndingOn(LocalDate deadline) {
        return covers(deadline);
    }
}
