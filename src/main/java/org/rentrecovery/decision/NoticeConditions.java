package org.rentrecovery.decision;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.analysis.FixDateNotice;
import org.rentrecovery.analysis.NoticeAssessment;
import org.rentrecovery.analysis.RentPeriods;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.Vocabulary.NoticeType;
import org.rentrecovery.contract.Vocabulary.RentFrequency;
import org.rentrecovery.law.LegalParameters;

/** What the law requires of a notice served on a given day (docs/law.md "Notices and grounds"), in an officer's words. */
final class NoticeConditions {
    private NoticeConditions() {
    }

    static List<String> forAction(ActionType action, CaseAnalysis analysis, LocalDate servedOn) {
        return switch (action) {
            case SERVE_NOSP -> nosp(analysis, servedOn);
            case SERVE_SECTION_8_NOTICE -> section8(analysis, servedOn);
            case SERVE_NOTICE_OF_PROCEEDINGS -> noticeOfProceedings(analysis, servedOn);
            case SERVE_NOTICE_TO_QUIT -> noticeToQuit(analysis, servedOn);
            case APPLY_TO_FIX_POSSESSION_DATE -> fixDateApplication(analysis, servedOn);
            case ISSUE_POSSESSION_CLAIM -> ClaimReadiness.conditions(analysis, servedOn);
            case SERVE_SECTION_21_NOTICE -> section21(servedOn);
            default -> new ArrayList<>();
        };
    }

    /** Housing Act 1985 s.83, s.83A: a secure tenancy's notice of seeking possession. */
    private static List<String> nosp(CaseAnalysis analysis, LocalDate servedOn) {
        List<String> conditions = new ArrayList<>();
        var frequency = analysis.facts().tenancy().rentFrequency();
        RentPeriods periods = RentPeriods.of(analysis.facts().tenancy());
        LocalDate earliest = NoticeAssessment.earliestDateSpecified(NoticeType.NOSP, servedOn, periods, true);
        conditions.add("Use the prescribed form (s.83 Housing Act 1985) and name every joint tenant.");
        conditions.add("The date specified must be no earlier than " + earliest
                + " (the longer of 4 weeks or one " + (periods.exact() && frequency == RentFrequency.MONTHLY ? "whole " : "")
                + "rent period) nor earlier than the first or last day of a rent period on or after it"
                + boundaryClause(periods, earliest)
                + " A later date need not be the first or last day of a period (Housing Act 1985 s.83(5)).");
        conditions.add("Proceedings may begin only after the date specified, not on it (Housing Act 1985 s.83A(2)).");
        conditions.add("The notice lapses " + LegalParameters.current().fixed("nospLifeMonths") + " months after the date specified.");
        conditions.add("Ground 1 is discretionary: the court must also find possession reasonable.");
        return conditions;
    }

    /** Housing Act 1988 s.8: an assured tenancy's notice, with Ground 8's threshold as in force on the day of service. */
    private static List<String> section8(CaseAnalysis analysis, LocalDate servedOn) {
        List<String> conditions = new ArrayList<>();
        LegalParameters law = LegalParameters.current();
        boolean social = NoticeAssessment.socialHousing(analysis.facts());
        LocalDate earliest = NoticeAssessment.earliestDateSpecified(NoticeType.SECTION_8, servedOn,
                analysis.facts().tenancy().rentFrequency(), social);
        conditions.add("Use Form 3 (s.8 Housing Act 1988) and give at least "
                + law.section8NoticeOn(servedOn, social).weeks() + " weeks' notice: no earlier than " + earliest + " ("
                + law.section8NoticeOn(servedOn, social).reference() + ").");
        conditions.add("Proceedings must begin within " + law.fixed("section8LifeMonths") + " months of service.");
        conditions.add("Ground 8 needs arrears of at least "
                + org.rentrecovery.contract.RentArithmetic.threshold(analysis.ground8Threshold(servedOn))
                + " both when the notice is served and at the hearing ("
                + analysis.ground8TestInWords(servedOn) + "; " + law.ground8On(servedOn, social).reference() + ").");
        return conditions;
    }

    /** Housing Act 1996 s.128: an introductory tenancy's notice of proceedings. */
    private static List<String> noticeOfProceedings(CaseAnalysis analysis, LocalDate servedOn) {
        List<String> conditions = new ArrayList<>();
        RentPeriods periods = RentPeriods.of(analysis.facts().tenancy());
        LocalDate earliest = NoticeAssessment.earliestDateSpecified(NoticeType.NOTICE_OF_PROCEEDINGS, servedOn, periods, true);
        conditions.add("Give the reasons and tell the tenant of the right to ask for a review within 14 days (s.128 Housing Act 1996).");
        conditions.add("The date after which proceedings may begin must be no earlier than a notice to quit served the same day"
                + " could end the tenancy (s.128(4)-(5)): at least 4 weeks and one whole rent period, no earlier than " + earliest
                + ", nor earlier than the first or last day of a rent period on or after it" + boundaryClause(periods, earliest)
                + " A later date need not be the first or last day of a period.");
        conditions.add("Proceedings may begin only after that date, not on it (s.128(4)-(5) Housing Act 1996).");
        return conditions;
    }

    /** Housing Act 1988 s.21: possession of an assured shorthold tenancy without a ground (docs/law.md#section-21). */
    private static List<String> section21(LocalDate servedOn) {
        LegalParameters law = LegalParameters.current();
        List<String> conditions = new ArrayList<>();
        conditions.add("Use the prescribed form (Form 6A) and give at least " + law.fixed("section21MinimumNoticeMonths")
                + " months' notice: the date after which possession is required is no earlier than "
                + servedOn.plusMonths(law.fixed("section21MinimumNoticeMonths")) + ", nor before a fixed term ends (Housing Act 1988 s.21(1), (4)).");
        conditions.add("Possession proceedings must begin within " + law.fixed("section21ProceedingsMonths")
                + " months of the day it is given (s.21(4D)).");
        conditions.add("It is invalid while a tenancy deposit is unprotected or its prescribed information not given (Housing Act 2004"
                + " s.215), without the prescribed requirements met (s.21A, s.21B: gas safety record, energy performance certificate,"
                + " the How to Rent guide where it applies), or within 6 months of an improvement notice about the home's condition"
                + " (Deregulation Act 2015 s.33).");
        conditions.add("It is not an arrears remedy: for arrears use a section 8 notice on Grounds 8, 10 and 11.");
        return conditions;
    }

    /** CPR PD 55A para 10.3: the tenant's notice before an application to fix the date for possession under a postponed order. */
    private static List<String> fixDateApplication(CaseAnalysis analysis, LocalDate appliedOn) {
        List<String> conditions = new ArrayList<>();
        var order = analysis.facts().recovery() == null ? null : analysis.facts().recovery().courtOrder();
        LegalParameters law = LegalParameters.current();
        FixDateNotice notice = FixDateNotice.givenOn(order == null ? null : order.fixDateNoticeGivenOn(), law);
        if (notice == null) {
            FixDateNotice today = FixDateNotice.givenOn(appliedOn, law);
            conditions.add("Give the tenant written notice first that you intend to apply to fix the date for possession, with the"
                    + " arrears now and how the order's terms were broken, asking for a reply within 7 days (CPR PD 55A para 10.3-10.4).");
            conditions.add("Apply no sooner than 14 clear days and no later than 3 months after giving it (CPR 2.8): for a notice given on "
                    + appliedOn + ", from " + today.applyFrom() + " to " + today.applyBy()
                    + ". Record its date in recovery.courtOrder.fixDateNoticeGivenOn (docs/law.md#postponed-possession-orders).");
        } else {
            conditions.add("On the notice given on " + notice.givenOn() + ", apply from " + notice.applyFrom() + " (14 clear days after it)"
                    + " and no later than " + notice.applyBy() + " (3 months); after that, give a fresh notice (CPR PD 55A para 10.3;"
                    + " docs/law.md#postponed-possession-orders).");
        }
        conditions.add("A warrant can be sought only once the court has fixed the date and it has come.");
        return conditions;
    }

    /** A notice to quit: to a deceased sole tenant's representatives, an interim licensee, or a licensee with basic protection. */
    private static List<String> noticeToQuit(CaseAnalysis analysis, LocalDate servedOn) {
        List<String> conditions = new ArrayList<>();
        var frequency = analysis.facts().tenancy().rentFrequency();
        if (analysis.allTenantsDeceased()) {
            conditions.add("Establish first whether anyone succeeds to the tenancy (Housing Act 1985 s.87-89; Housing Act 1996 s.131-133).");
            conditions.add("Serve the notice to quit on the personal representatives; while no grant of probate or administration has been filed,"
                    + " address it to \"the personal representatives of\" the tenant at the tenant's last address and serve a copy on the Public"
                    + " Trustee before it expires (Law of Property (Miscellaneous Provisions) Act 1994 s.18; docs/law.md#deceased-sole-tenant).");
            conditions.add("Give at least 4 weeks' notice in writing, ending on the first or last day of a rent period: no earlier than "
                    + NoticeAssessment.earliestDateSpecified(NoticeType.NOTICE_TO_QUIT, servedOn, frequency) + ".");
        } else if (analysis.facts().tenancy().type() == org.rentrecovery.contract.Vocabulary.TenancyType.LICENCE_INTERIM_S188) {
            conditions.add("An interim (s.188) licence is excluded from the Protection from Eviction Act 1977: give reasonable notice; no court order is needed (ZH and CN [2014] UKSC 62).");
        } else {
            conditions.add("Give at least 4 weeks' notice in writing with the prescribed information (Protection from Eviction Act 1977 s.5): no earlier than "
                    + NoticeAssessment.earliestDateSpecified(NoticeType.NOTICE_TO_QUIT, servedOn, frequency) + ".");
            conditions.add("The occupier has basic protection: a court order is still needed to evict (s.3).");
        }
        return conditions;
    }

    /**
     * The end of the period-boundary condition: the first date that is the first or last day of a rent period
     * and how it was found, or why it cannot be (a monthly tenancy without its start date).
     */
    private static String boundaryClause(RentPeriods periods, LocalDate earliest) {
        if (!periods.known()) {
            return periods.frequency() == RentFrequency.MONTHLY
                    ? ": " + periods.describe() + ", so check the date against the tenancy agreement's rent day (docs/law.md#notice-of-proceedings-date)."
                    : ".";
        }
        LocalDate boundary = periods.firstBoundary(earliest);
        if (boundary.equals(earliest)) {
            return ".";
        }
        if (!periods.exact() || periods.frequency() == RentFrequency.WEEKLY) {
            DayOfWeek start = periods.weekStart();
            return ": with rent periods starting on " + start.name().charAt(0) + start.name().substring(1).toLowerCase(Locale.ROOT)
                    + ", the first such date is " + boundary + ".";
        }
        return ": " + periods.describe() + ", so the first such date is " + boundary + ".";
    }
}
