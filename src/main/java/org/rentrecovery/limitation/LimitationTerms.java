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
    private final LocalDate judgmentDate;
    private final java.util.List<String> tenantIds;

    public LimitationTerms(int years, String reference, LocalDate breathingSpaceStart, LocalDate breathingSpaceLastDay,
            int breathingSpaceExtensionWeeks) {
        this(years, reference, breathingSpaceStart, breathingSpaceLastDay, breathingSpaceExtensionWeeks, null, java.util.List.of());
    }

    /**
     * @param judgmentDate a money judgment for the arrears on file (null if none): rent due by then merged into it
     * @param tenantIds the tenants named on the tenancy, to say whom an acknowledgment does not bind
     */
    public LimitationTerms(int years, String reference, LocalDate breathingSpaceStart, LocalDate breathingSpaceLastDay,
            int breathingSpaceExtensionWeeks, LocalDate judgmentDate, java.util.List<String> tenantIds) {
        this.judgmentDate = judgmentDate;
        this.tenantIds = java.util.List.copyOf(tenantIds);
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
    public LocalDate getJudgmentDate() { return judgmentDate; }

    /**
     * The other named tenants an acknowledgment by {@code signer} does not bind (s.31(6)), in words; empty
     * when the tenancy names one tenant or none. A signer not recorded leaves every tenant but one unbound.
     */
    public String otherTenants(String signer) {
        if (tenantIds.size() < 2) {
            return "";
        }
        if (signer == null) {
            return "the other joint tenant(s)";
        }
        return String.join(", ", tenantIds.stream().filter(id -> !id.equals(signer)).toList());
    }

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
