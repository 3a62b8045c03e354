package org.rentrecovery.analysis;

import java.time.LocalDate;

import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Vocabulary.NoticeType;
import org.rentrecovery.contract.Vocabulary.RentFrequency;
import org.rentrecovery.contract.Vocabulary.TenancyType;
import org.rentrecovery.law.LegalParameters;

/**
 * The notice each tenancy needs, its minimum period and its life (docs/law.md "Notices and grounds"), and the
 * standing of the notice on file on a given date.
 */
public final class NoticeAssessment {

    public enum Status {
        /** No notice on file. */
        NONE,
        /** Served, but the date specified (or the minimum period) has not arrived. */
        PENDING,
        IN_FORCE,
        /** Its 12-month life has run out. */
        LAPSED,
        /** A notice of a type this tenancy cannot be ended with. */
        WRONG_TYPE,
        /** The date specified is earlier than the minimum notice period allows. */
        PERIOD_TOO_SHORT,
        /**
         * A NoSP or notice of proceedings whose date specified meets the 4 weeks and the whole period but is neither the
         * first nor the last day of a rent period, and so is earlier than the first day a notice to quit served the same
         * day could end the tenancy (HA 1985 s.83(5); HA 1996 s.128(4)). A later date need not be a period boundary.
         */
        DATE_NOT_PERIOD_BOUNDARY,
        /** Served while a Breathing Space or mental health crisis moratorium was in force, without the court's permission: void. */
        VOID_SERVED_IN_MORATORIUM
    }

    private NoticeAssessment() {
    }

    /** The notice type the law requires before possession, or null where none is needed (s.188). */
    public static NoticeType requiredNotice(TenancyType tenancy) {
        return switch (tenancy) {
            case SECURE, FLEXIBLE -> NoticeType.NOSP;
            case ASSURED, ASSURED_SHORTHOLD, STARTER -> NoticeType.SECTION_8;
            case INTRODUCTORY -> NoticeType.NOTICE_OF_PROCEEDINGS;
            case LICENCE_BASIC_PROTECTION -> NoticeType.NOTICE_TO_QUIT;
            case LICENCE_INTERIM_S188 -> null;
        };
    }

    /** The notice step for the tenancy; an s.188 licence is ended by reasonable notice to quit. */
    public static ActionType noticeAction(TenancyType tenancy) {
        NoticeType type = requiredNotice(tenancy);
        return type == null ? ActionType.SERVE_NOTICE_TO_QUIT : serveAction(type);
    }

    public static ActionType serveAction(NoticeType type) {
        return switch (type) {
            case NOSP -> ActionType.SERVE_NOSP;
            case SECTION_8 -> ActionType.SERVE_SECTION_8_NOTICE;
            case NOTICE_OF_PROCEEDINGS -> ActionType.SERVE_NOTICE_OF_PROCEEDINGS;
            case NOTICE_TO_QUIT -> ActionType.SERVE_NOTICE_TO_QUIT;
        };
    }

    /** Earliest lawful date to specify in a notice served on {@code servedOn}, for a social landlord's tenancy. */
    public static LocalDate earliestDateSpecified(NoticeType type, LocalDate servedOn, RentFrequency frequency) {
        return earliestDateSpecified(type, servedOn, frequency, true);
    }

    /**
     * Earliest lawful date to specify in a notice served on {@code servedOn}; {@code socialHousing}: the tenancy
     * is a social housing tenancy (for a section 8 notice, the notice period depends on it: SI 2026/421 reg 2).
     */
    public static LocalDate earliestDateSpecified(NoticeType type, LocalDate servedOn, RentFrequency frequency, boolean socialHousing) {
        return earliestDateSpecified(type, servedOn, new RentPeriods(frequency, null, null), socialHousing);
    }

    /**
     * As above, with the tenancy's rent periods as far as the case tells them: a NoSP or a notice of
     * proceedings gives at least 4 weeks (Protection from Eviction Act 1977 s.5) and one whole period, which
     * for a monthly tenancy whose periods are known is the last day of the first period beginning on or after
     * service (a notice served mid-period cannot count the part-period it was served in).
     */
    public static LocalDate earliestDateSpecified(NoticeType type, LocalDate servedOn, RentPeriods periods, boolean socialHousing) {
        LegalParameters law = LegalParameters.current();
        return switch (type) {
            case SECTION_8 -> servedOn.plusWeeks(law.section8NoticeOn(servedOn, socialHousing).weeks());
            case NOSP -> latest(servedOn.plusWeeks(law.fixed("nospMinimumWeeks")), periods.wholePeriodEnd(servedOn));
            case NOTICE_OF_PROCEEDINGS -> latest(servedOn.plusWeeks(law.fixed("noticeOfProceedingsMinimumWeeks")),
                    periods.wholePeriodEnd(servedOn));
            case NOTICE_TO_QUIT -> servedOn.plusWeeks(law.fixed("noticeToQuitMinimumWeeks"));
        };
    }

    /**
     * The earliest date a notice of the type served on the day can lawfully specify for this case: for a NoSP
     * or a notice of proceedings, moved on to the first day that can be the first or last day of a rent period.
     */
    public static LocalDate earliestDateToSpecify(NoticeType type, LocalDate servedOn, CaseFacts facts) {
        RentPeriods periods = RentPeriods.of(facts.tenancy());
        LocalDate earliest = earliestDateSpecified(type, servedOn, periods, socialHousing(facts));
        return datedLikeNoticeToQuit(type) ? periods.firstBoundary(earliest) : earliest;
    }

    /** Minimum notice in whole weeks for a notice served on the date (the statutory floor). */
    public static int minimumWeeks(NoticeType type, LocalDate servedOn) {
        return minimumWeeks(type, servedOn, true);
    }

    public static int minimumWeeks(NoticeType type, LocalDate servedOn, boolean socialHousing) {
        LegalParameters law = LegalParameters.current();
        return switch (type) {
            case SECTION_8 -> law.section8NoticeOn(servedOn, socialHousing).weeks();
            case NOSP -> law.fixed("nospMinimumWeeks");
            case NOTICE_OF_PROCEEDINGS -> law.fixed("noticeOfProceedingsMinimumWeeks");
            case NOTICE_TO_QUIT -> law.fixed("noticeToQuitMinimumWeeks");
        };
    }

    /** The last day proceedings can rely on the notice, or null where the notice has no fixed life. */
    public static LocalDate expiresOn(CaseFacts.Notice notice, LocalDate dateSpecified) {
        LegalParameters law = LegalParameters.current();
        return switch (notice.type()) {
            case NOSP -> dateSpecified.plusMonths(law.fixed("nospLifeMonths"));
            case SECTION_8 -> notice.servedOn().plusMonths(law.fixed("section8LifeMonths"));
            case NOTICE_OF_PROCEEDINGS, NOTICE_TO_QUIT -> null;
        };
    }

    public record Standing(Status status, LocalDate inForceFrom, LocalDate expiresOn, String explanation) {
        public boolean inForce() {
            return status == Status.IN_FORCE;
        }

        /** Served and still alive: in force or waiting for its date. */
        public boolean live() {
            return status == Status.IN_FORCE || status == Status.PENDING;
        }
    }

    /**
     * A social housing tenancy unless the case says otherwise ({@code tenancy.socialHousing: false}, e.g. a
     * market-rent letting): this service's landlords are social landlords.
     */
    public static boolean socialHousing(CaseFacts facts) {
        return !Boolean.FALSE.equals(facts.tenancy().socialHousing());
    }

    /**
     * The notice on file on the date, for a tenancy of the given type (its status on that date, which
     * for an introductory tenancy may have become secure) and the case's moratorium (null if none).
     */
    public static Standing standing(CaseFacts facts, TenancyType tenancy, LocalDate on, MoratoriumWindow moratorium) {
        return NoticeStanding.of(facts, tenancy, on, moratorium);
    }

    /**
     * A NoSP and a notice of proceedings must specify a date no earlier than a notice to quit given the
     * same day could end the tenancy (HA 1985 s.83(5); HA 1996 s.128(4)): at least 4 weeks (Protection
     * from Eviction Act 1977 s.5) and the end of a period of the tenancy; proceedings begin after it.
     */
    public static boolean datedLikeNoticeToQuit(NoticeType type) {
        return type == NoticeType.NOSP || type == NoticeType.NOTICE_OF_PROCEEDINGS;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
