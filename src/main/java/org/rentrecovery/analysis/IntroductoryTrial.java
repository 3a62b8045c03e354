package org.rentrecovery.analysis;

import java.time.LocalDate;

import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Vocabulary.TenancyType;
import org.rentrecovery.law.LegalParameters;

/**
 * An introductory tenancy becomes secure at the end of its trial period (Housing Act 1996 s.125): one
 * year from tenancy.startDate, or 18 months where a notice of extension was served at least 8 weeks
 * before the original expiry date (s.125A). Proceedings begun in the trial period keep it introductory
 * until they are determined (s.130). docs/law.md#introductory-tenancies.
 */
final class IntroductoryTrial {
    private IntroductoryTrial() {
    }

    /** @param claimIssuedOn the day possession proceedings were begun; null if none */
    static CaseAnalysis.TenancyStatus statusOn(CaseFacts facts, LegalParameters law, LocalDate claimIssuedOn, LocalDate on) {
        TenancyType type = facts.tenancy().type();
        if (type != TenancyType.INTRODUCTORY) {
            return new CaseAnalysis.TenancyStatus(type, null);
        }
        LocalDate start = facts.tenancy().startDate();
        if (start == null) {
            return new CaseAnalysis.TenancyStatus(type, "No tenancy.startDate is given, so the end of the introductory trial period"
                    + " cannot be worked out: the tenancy is treated as introductory. Give the start date: after the trial period it is"
                    + " secure (Housing Act 1996 s.125; docs/law.md#introductory-tenancies).");
        }
        LocalDate originalExpiry = start.plusYears(1).minusDays(1);
        StringBuilder why = new StringBuilder();
        LocalDate trialEnd = trialEnd(facts, law, originalExpiry, on, why);
        if (!on.isAfter(trialEnd)) {
            return new CaseAnalysis.TenancyStatus(type, why + "The tenancy is introductory on " + on + ": its trial period, from " + start
                    + ", runs to " + trialEnd + " (Housing Act 1996 s.125" + (trialEnd.equals(originalExpiry) ? "" : ", s.125A")
                    + "; docs/law.md#introductory-tenancies).");
        }
        if (claimIssuedOn != null && !claimIssuedOn.isAfter(trialEnd)) {
            return new CaseAnalysis.TenancyStatus(type, why + "The trial period ended on " + trialEnd
                    + ", but possession proceedings begun on " + claimIssuedOn + " within it keep the tenancy introductory until they"
                    + " are determined (Housing Act 1996 s.130; docs/law.md#introductory-tenancies).");
        }
        return new CaseAnalysis.TenancyStatus(TenancyType.SECURE, why + "The introductory trial period ended on " + trialEnd
                + " with no possession proceedings begun in it: from " + trialEnd.plusDays(1) + " the tenancy is secure"
                + " (Housing Act 1996 s.125(1); docs/law.md#introductory-tenancies). Arrears possession now needs a notice of"
                + " seeking possession on Ground 1 (Housing Act 1985 s.83, Sch 2), not a notice of proceedings.");
    }

    /** The trial period's last day, extended by a notice of extension served in time by the date; says why in {@code why}. */
    private static LocalDate trialEnd(CaseFacts facts, LegalParameters law, LocalDate originalExpiry, LocalDate on, StringBuilder why) {
        LocalDate extension = facts.tenancy().trialExtensionNoticeServedOn();
        if (extension == null || extension.isAfter(on)) {
            return originalExpiry;
        }
        LocalDate latestNotice = originalExpiry.minusWeeks(law.fixed("introductoryExtensionNoticeWeeks"));
        if (extension.isAfter(latestNotice)) {
            why.append("The notice of extension served on ").append(extension).append(" came less than 8 weeks before the")
                    .append(" original expiry date ").append(originalExpiry).append(" (the latest day was ").append(latestNotice)
                    .append("): it does not extend the trial period (s.125A(2)). ");
            return originalExpiry;
        }
        LocalDate trialEnd = originalExpiry.plusMonths(law.fixed("introductoryExtensionMonths"));
        why.append("The notice of extension served on ").append(extension).append(" extends the trial period by 6 months,")
                .append(" from ").append(originalExpiry).append(" to ").append(trialEnd).append(" (s.125A). ");
        return trialEnd;
    }
}
