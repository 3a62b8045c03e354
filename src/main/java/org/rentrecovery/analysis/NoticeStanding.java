package org.rentrecovery.analysis;

import static org.rentrecovery.analysis.NoticeAssessment.datedLikeNoticeToQuit;
import static org.rentrecovery.analysis.NoticeAssessment.earliestDateSpecified;
import static org.rentrecovery.analysis.NoticeAssessment.expiresOn;
import static org.rentrecovery.analysis.NoticeAssessment.requiredNotice;
import static org.rentrecovery.analysis.NoticeAssessment.socialHousing;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.rentrecovery.analysis.NoticeAssessment.Standing;
import org.rentrecovery.analysis.NoticeAssessment.Status;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Vocabulary.NoticeType;
import org.rentrecovery.contract.Vocabulary.RentFrequency;
import org.rentrecovery.contract.Vocabulary.TenancyType;

/**
 * The standing of the notice on file on a date ({@link NoticeAssessment#standing}): first whether a flaw stops it
 * ever supporting proceedings, then where a sound notice is in its life. Apart from {@link NoticeAssessment} because
 * the sentences that explain each standing to an officer are most of its length.
 */
final class NoticeStanding {
    private final CaseFacts.Notice notice;
    private final TenancyType tenancy;
    private final MoratoriumWindow moratorium;
    private final RentPeriods periods;
    /** An interim licence needs no statutory notice, but the reasonable notice given to end it is a notice to quit and runs like one. */
    private final boolean interimLicenceNotice;

    private NoticeStanding(CaseFacts facts, TenancyType tenancy, MoratoriumWindow moratorium) {
        this.notice = facts.recovery().notice();
        this.tenancy = tenancy;
        this.moratorium = moratorium;
        this.periods = RentPeriods.of(facts.tenancy());
        this.interimLicenceNotice = tenancy == TenancyType.LICENCE_INTERIM_S188 && notice.type() == NoticeType.NOTICE_TO_QUIT;
    }

    static Standing of(CaseFacts facts, TenancyType tenancy, LocalDate on, MoratoriumWindow moratorium) {
        CaseFacts.Notice notice = facts.recovery() == null ? null : facts.recovery().notice();
        if (notice == null) {
            return new Standing(Status.NONE, null, null, "No notice is on file.");
        }
        NoticeStanding standing = new NoticeStanding(facts, tenancy, moratorium);
        boolean socialHousing = socialHousing(facts);
        Standing flawed = standing.flaw(socialHousing);
        return flawed != null ? flawed : standing.lifeOn(on, standing.dateSpecified(socialHousing));
    }

    /** The flaw that stops the notice supporting proceedings, or null when it has none. */
    private Standing flaw(boolean socialHousing) {
        NoticeType required = requiredNotice(tenancy);
        if (required != notice.type() && !interimLicenceNotice) {
            String needs = required == null ? "needs no statutory notice" : "needs a " + required;
            return flawed(Status.WRONG_TYPE, "The notice on file is a " + notice.type() + "; a " + tenancy + " " + needs + ".");
        }
        if (moratorium != null && !moratorium.courtPermission() && moratorium.covers(notice.servedOn())) {
            return flawed(Status.VOID_SERVED_IN_MORATORIUM, served() + " was served while a moratorium was in force (from "
                    + moratorium.start() + (moratorium.lastDay() == null ? ", with no known end" : " to " + moratorium.lastDay())
                    + ") without the court's permission: it is void and cannot support proceedings (SI 2020/1311 reg 7; "
                    + "docs/law.md#breathing-space-notices). Serve a fresh notice once the moratorium has ended.");
        }
        LocalDate earliest = earliestDate(socialHousing);
        LocalDate specified = dateSpecified(socialHousing);
        if (specified.isBefore(earliest)) {
            return flawed(Status.PERIOD_TOO_SHORT, served() + " specifies " + specified
                    + ", earlier than the minimum period allows (" + earliest + "): it cannot support proceedings.");
        }
        // s.83(5) / s.128(4) set a floor only: the date a notice to quit served the same day could end the tenancy,
        // which is the first day on or after the minimum that is the first or last day of a rent period. A date before
        // it is too early; any later date will do, a period boundary or not (unlike s.21(4)(a), no "last day of a
        // period" is required of the date itself).
        LocalDate noticeToQuitDate = periods.firstBoundary(earliest);
        if (datedLikeNoticeToQuit(notice.type()) && notice.dateSpecified() != null && specified.isBefore(noticeToQuitDate)) {
            return flawed(Status.DATE_NOT_PERIOD_BOUNDARY, served() + " specifies " + specified + offBoundary(specified)
                    + "; it is earlier than " + noticeToQuitDate + ", the first day a notice to quit served the same day could"
                    + " end the tenancy (" + boundaryReference(notice.type()) + "); it cannot support proceedings. Any date from "
                    + noticeToQuitDate + " on would do, whether or not it is the first or last day of a period.");
        }
        return null;
    }

    /**
     * An s.188 interim licence is excluded from the Protection from Eviction Act 1977: no statutory minimum period
     * applies, so the notice given can never be too short (ZH & CN [2014] UKSC 62).
     */
    private LocalDate earliestDate(boolean socialHousing) {
        return interimLicenceNotice ? notice.servedOn()
                : earliestDateSpecified(notice.type(), notice.servedOn(), periods, socialHousing);
    }

    /** A notice that does not say its date is read as specifying the earliest lawful one. */
    private LocalDate dateSpecified(boolean socialHousing) {
        return notice.dateSpecified() == null ? earliestDate(socialHousing) : notice.dateSpecified();
    }

    /** Where a sound notice is in its life on the date: waiting for its date, in force, or lapsed. */
    private Standing lifeOn(LocalDate on, LocalDate specified) {
        // A NoSP and a notice of proceedings specify the date AFTER which proceedings may begin
        // (HA 1985 s.83A(2); HA 1996 s.128(5)): a claim on that date itself is premature. A section 8
        // notice states the date from which they may begin (HA 1988 s.8(3)(b)).
        LocalDate inForceFrom = datedLikeNoticeToQuit(notice.type()) ? specified.plusDays(1) : specified;
        LocalDate expires = expiresOn(notice, specified);
        String extension = "";
        if (expires != null && moratorium != null && moratorium.extendsDeadlineEndingOn(expires)) {
            extension = extensionNote(expires);
            expires = moratorium.extendedTo();
        }
        if (notice.servedOn().isAfter(on) || inForceFrom.isAfter(on)) {
            return new Standing(Status.PENDING, inForceFrom, expires, served() + " specifies " + specified
                    + (inForceFrom.equals(specified) ? ": proceedings may begin from that date."
                            : ": proceedings may begin only after that date, from " + inForceFrom + " ("
                                    + afterDateReference(notice.type()) + "; docs/law.md#proceedings-after-the-date-specified).")
                    + extension);
        }
        if (expires != null && on.isAfter(expires)) {
            return new Standing(Status.LAPSED, inForceFrom, expires, served() + " lapsed after " + expires + "." + extension);
        }
        if (expires == null && extension.length() > 0) {
            return new Standing(Status.IN_FORCE, inForceFrom, null, served() + " is in force from " + inForceFrom + "." + extension);
        }
        return new Standing(Status.IN_FORCE, inForceFrom, expires, served() + " is in force from " + inForceFrom
                + (expires == null ? "." : " until " + expires + ".") + extension);
    }

    private static Standing flawed(Status status, String explanation) {
        return new Standing(status, null, null, explanation);
    }

    private String served() {
        return "The " + notice.type() + " served on " + notice.servedOn();
    }

    private static String boundaryReference(NoticeType type) {
        return type == NoticeType.NOSP ? "Housing Act 1985 s.83(5)" : "Housing Act 1996 s.128(4)-(5)";
    }

    private static String afterDateReference(NoticeType type) {
        return type == NoticeType.NOSP ? "Housing Act 1985 s.83A(2)" : "Housing Act 1996 s.128(4)-(5)";
    }

    /** Why a date is not a period boundary: the weekday, where that is wrong, else the nearest boundaries. */
    private String offBoundary(LocalDate specified) {
        DayOfWeek start = periods.weekStart();
        if (periods.frequency() != RentFrequency.MONTHLY && specified.getDayOfWeek() != start
                && specified.getDayOfWeek() != start.minus(1)) {
            return ", a " + dayName(specified.getDayOfWeek()) + ": rent periods start on a " + dayName(start)
                    + ", so only a " + dayName(start) + " or a " + dayName(start.minus(1)) + " is the first or last day of one";
        }
        return ", which is neither the first nor the last day of a rent period (" + periods.describe() + "; the nearest are "
                + periods.lastBoundaryBefore(specified) + " and " + periods.firstBoundary(specified) + ")";
    }

    /**
     * SI 2020/1311 reg 9: a notice whose life would end during the moratorium lasts until the end of the 8 weeks
     * after it ends, so the landlord is not left days to issue once it may act again.
     */
    private String extensionNote(LocalDate expires) {
        LocalDate to = moratorium.extendedTo();
        return " Its life would have ended on " + expires + ", during a moratorium, so it is extended "
                + (to == null ? "until " + moratorium.extensionWeeks() + " weeks after the moratorium ends (no end is known yet)"
                        : "to " + to + ", " + moratorium.extensionWeeks() + " weeks after the moratorium ends")
                + " (SI 2020/1311 reg 9; docs/law.md#breathing-space-notices).";
    }

    private static String dayName(DayOfWeek day) {
        String name = day.name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
