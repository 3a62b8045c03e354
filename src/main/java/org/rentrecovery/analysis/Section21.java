package org.rentrecovery.analysis;

import java.time.LocalDate;

import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Vocabulary.TenancyType;
import org.rentrecovery.law.LegalParameters;

/**
 * Whether a section 21 notice (Housing Act 1988 s.21: possession of an assured shorthold tenancy without a
 * ground) can be given on a date. Only an assured shorthold tenancy has one, a housing association's starter
 * tenancy included. The Renters' Rights Act 2025 s.2 abolished assured shorthold tenancies and section 21, but
 * SI 2026/421 reg 2 brought that into force on 1 May 2026 only for tenancies that are not social housing; the
 * dated entry is {@code section21} in law/legal-parameters.json. No notice may be given in the first 4 months of
 * the tenancy (s.21(4B)). docs/law.md#section-21.
 *
 * @param bar why no section 21 notice can be given on the date (null when it can)
 * @param notBefore the first day one can be given, when the date is in the first 4 months (else null)
 */
public record Section21(String bar, LocalDate notBefore) {

    static Section21 on(CaseFacts facts, TenancyType typeOnDate, LocalDate on, LegalParameters law) {
        if (typeOnDate != TenancyType.ASSURED_SHORTHOLD && typeOnDate != TenancyType.STARTER) {
            return new Section21("A section 21 notice is only for an assured shorthold tenancy (a housing association's starter"
                    + " tenancy is one); this tenancy is " + typeOnDate + " on " + on + ".", null);
        }
        boolean social = NoticeAssessment.socialHousing(facts);
        LegalParameters.Section21Availability inForce = law.section21On(on, social);
        if (!inForce.available()) {
            return new Section21("Section 21 is abolished for this tenancy from " + inForce.from() + ": " + inForce.reference()
                    + ". Possession now needs a ground under section 8 (arrears: Grounds 8, 10, 11).", null);
        }
        LocalDate start = facts.tenancy().startDate();
        if (start != null) {
            LocalDate first = IntroductoryTrial.lastDayOfPeriodBeginning(start, law.fixed("section21FirstMonths")).plusDays(1);
            if (on.isBefore(first)) {
                return new Section21("No section 21 notice may be given in the first 4 months of the tenancy, which began on " + start
                        + ": the first day is " + first + " (Housing Act 1988 s.21(4B)).", first);
            }
        }
        return new Section21(null, null);
    }
}
