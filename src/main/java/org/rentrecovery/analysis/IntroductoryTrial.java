package org.rentrecovery.analysis;

import java.time.LocalDate;

import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Vocabulary;
import org.rentrecovery.contract.Vocabulary.TenancyType;
import org.rentrecovery.law.LegalParameters;

/**
 * An introductory tenancy becomes secure at the end of its trial period (Housing Act 1996 s.125): one
 * year from the day it began (tenancy.trialPeriodStartDate, else tenancy.startDate), or 18 months where a notice of extension was served at least 8 weeks
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
        LocalDate start = trialStart(facts);
        if (start == null) {
            return new CaseAnalysis.TenancyStatus(type, "No tenancy.startDate is given, so the end of the introductory trial period"
                    + " cannot be worked out: the tenancy is treated as introductory. Give the start date: after the trial period it is"
                    + " secure (Housing Act 1996 s.125; docs/law.md#introductory-tenancies).");
        }
        LocalDate originalExpiry = lastDayOfPeriodBeginning(start, 12);
        StringBuilder why = new StringBuilder(trialStartInWords(facts));
        LocalDate trialEnd = trialEnd(facts, law, start, originalExpiry, on, why);
        if (!on.isAfter(trialEnd)) {
            return new CaseAnalysis.TenancyStatus(type, why + "The tenancy is introductory on " + on + ": its trial period, from " + start
                    + ", runs to " + trialEnd + " (Housing Act 1996 s.125" + (trialEnd.equals(originalExpiry) ? "" : ", s.125A")
                    + "; docs/law.md#introductory-tenancies).");
        }
        LocalDate determinedOn = claimEndedOn(facts, on);
        if (claimIssuedOn != null && !claimIssuedOn.isAfter(trialEnd) && determinedOn == null) {
            return new CaseAnalysis.TenancyStatus(type, why + "The trial period ended on " + trialEnd
                    + ", but possession proceedings begun on " + claimIssuedOn + " within it keep the tenancy introductory until they"
                    + " are determined (Housing Act 1996 s.130; docs/law.md#introductory-tenancies).");
        }
        boolean keptUntilDetermined = claimIssuedOn != null && !claimIssuedOn.isAfter(trialEnd);
        LocalDate secureFrom = keptUntilDetermined && determinedOn.isAfter(trialEnd) ? determinedOn : trialEnd.plusDays(1);
        // Earlier periods of a year or more (s.125(3)) leave no trial period: secure from the tenancy's own start.
        LocalDate tenancyStart = facts.tenancy().startDate();
        if (tenancyStart != null && secureFrom.isBefore(tenancyStart)) {
            secureFrom = tenancyStart;
        }
        return new CaseAnalysis.TenancyStatus(TenancyType.SECURE, why + "The introductory trial period ended on " + trialEnd
                + (keptUntilDetermined ? "; the possession proceedings begun in it ended (" + facts.recovery().courtOutcome().type()
                        + ") on " + determinedOn + " (s.130(2)(b))" : " with no possession proceedings begun in it")
                + ": from " + secureFrom + " the tenancy is secure"
                + " (Housing Act 1996 s.125(1); docs/law.md#introductory-tenancies). Arrears possession now needs a notice of"
                + " seeking possession on Ground 1 (Housing Act 1985 s.83, Sch 2), not a notice of proceedings.");
    }

    /**
     * The last day of a period of months beginning with the day: the day before the corresponding day that many months
     * on, where a month without that day (29 February in another year, the 31st) counts from the first of the next.
     */
    static LocalDate lastDayOfPeriodBeginning(LocalDate start, int months) {
        LocalDate corresponding = start.plusMonths(months);
        if (corresponding.getDayOfMonth() != start.getDayOfMonth()) {
            corresponding = corresponding.plusDays(1);
        }
        return corresponding.minusDays(1);
    }

    /** The day possession proceedings ended without an order (struck out or withdrawn) on or before the date; null if not. */
    private static LocalDate claimEndedOn(CaseFacts facts, LocalDate on) {
        var outcome = facts.recovery() == null ? null : facts.recovery().courtOutcome();
        boolean ended = outcome != null && (outcome.type() == Vocabulary.CourtOutcomeType.STRUCK_OUT
                || outcome.type() == Vocabulary.CourtOutcomeType.WITHDRAWN);
        return ended && !outcome.date().isAfter(on) ? outcome.date() : null;
    }

    /**
     * The day the trial period began (s.125(2)-(4)): tenancy.trialPeriodStartDate when the case gives it (a later day
     * of first entitlement to possession or of adoption; an earlier one where time in an earlier introductory or
     * registered provider's assured shorthold tenancy counts), else tenancy.startDate; null when neither is given.
     */
    static LocalDate trialStart(CaseFacts facts) {
        LocalDate given = facts.tenancy().trialPeriodStartDate();
        return given != null ? given : facts.tenancy().startDate();
    }

    /** Why the trial period does not begin on tenancy.startDate, when the case says so; empty when it does. */
    private static String trialStartInWords(CaseFacts facts) {
        LocalDate given = facts.tenancy().trialPeriodStartDate();
        LocalDate start = facts.tenancy().startDate();
        if (given == null || given.equals(start)) {
            return "";
        }
        if (start != null && given.isBefore(start)) {
            return "The trial period began on " + given + ", before the tenancy's start on " + start + ": time as an introductory"
                    + " tenant, or as a registered provider's assured shorthold tenant, ending immediately before this tenancy counts"
                    + " towards it (Housing Act 1996 s.125(3)-(4)). ";
        }
        return "The trial period began on " + given + (start == null ? "" : ", not on the tenancy's start on " + start)
                + ": the day the tenant was first entitled to possession, or the landlord adopted the tenancy (Housing Act 1996"
                + " s.125(2)). ";
    }

    /** The trial period's last day, extended by a notice of extension served in time by the date; says why in {@code why}. */
    private static LocalDate trialEnd(CaseFacts facts, LegalParameters law, LocalDate start, LocalDate originalExpiry, LocalDate on,
            StringBuilder why) {
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
        LocalDate trialEnd = lastDayOfPeriodBeginning(start, 12 + law.fixed("introductoryExtensionMonths"));
        why.append("The notice of extension served on ").append(extension).append(" extends the trial period by 6 months,")
                .append(" from ").append(originalExpiry).append(" to ").append(trialEnd).append(" (s.125A). ");
        return trialEnd;
    }
}
