package org.rentrecovery.limitation;

import java.time.LocalDate;

/**
 * The limitation law in force on asOf (from law/legal-parameters.json) and the case's Breathing
 * Space, which can extend a period (SI 2020/1311 reg 8).
 */
public final class LimitationTerms {
    private final int years;
    private final String reference;
    private final LocalDate breathingSpaceStart;
    private final LocalDate breathingSpaceLastDay;
    private final int breathingSpaceExtensionWeeks;

    public LimitationTerms(int years, String reference, LocalDate breathingSpaceStart, LocalDate breathingSpaceLastDay,
            int breathingSpaceExtensionWeeks) {
        this.years = years;
        this.reference = reference;
        this.breathingSpaceStart = breathingSpaceStart;
        this.breathingSpaceLastDay = breathingSpaceLastDay;
        this.breathingSpaceExtensionWeeks = breathingSpaceExtensionWeeks;
    }

    public int getYears() { return years; }
    public String getReference() { return reference; }
    public LocalDate getBreathingSpaceStart() { return breathingSpaceStart; }
    public LocalDate getBreathingSpaceLastDay() { return breathingSpaceLastDay; }
    public int getBreathingSpaceExtensionWeeks() { return breathingSpaceExtensionWeeks; }

    /** True when the law in force extends limitation for a moratorium and the case has one. */
    public boolean isBreathingSpaceExtends() {
        return breathingSpaceStart != null && breathingSpaceExtensionWeeks > 0;
    }

    /**
     * The day to which reg 8 extends a period that would end during the moratorium or within the
     * extension after it; null while the moratorium has no known end (a mental health crisis
     * moratorium lasts as long as the crisis treatment, plus 30 days).
     */
    public LocalDate getExtendedTo() {
        return breathingSpaceLastDay == null ? null : breathingSpaceLastDay.plusWeeks(breathingSpaceExtensionWeeks);
    }

    /** Whether a period ending on lastDay falls to be extended by the moratorium. */
    public boolean extendsPeriodEndingOn(LocalDate lastDay) {
        if (!isBreathingSpaceExtends() || lastDay == null || lastDay.isBefore(breathingSpaceStart)) {
            return false;
        }
        LocalDate to = getExtendedTo();
        return to == null || lastDay.isBefore(to);
    }
}
