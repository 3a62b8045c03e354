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
     * Whether a deadline ending on the day is extended (SI 2020/1311 reg 9, as reg 8 does for limitation):
     * it would end during the moratorium or within the {@code extensionWeeks} weeks after its last day.
     * A deadline ending on the extension's own last day gains nothing, so it is not "extended".
     */
    public boolean extendsDeadlineEndingOn(LocalDate deadline) {
        if (deadline.isBefore(start)) {
            return false;
        }
        LocalDate to = extendedTo();
        return to == null || deadline.isBefore(to);
    }

    /** Whether the day is after the moratorium's last day (the deadline ended in the weeks after it, not during it). */
    boolean after(LocalDate date) {
        return lastDay != null && date.isAfter(lastDay);
    }
}
