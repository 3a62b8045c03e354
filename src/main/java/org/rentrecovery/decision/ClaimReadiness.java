package org.rentrecovery.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Reason;
import org.rentrecovery.contract.Vocabulary.NoticeType;

/**
 * What a possession claim for rent arrears needs from the landlord that the court will check (docs/law.md#possession-claims-and-hearings):
 * the particulars of PD 55A para 2.3, the hearing window and the service deadline of CPR 55.5(3) counted in clear
 * days (CPR 2.8), and for an introductory tenancy the review of s.129 Housing Act 1996. The court fixes the hearing,
 * so nothing here blocks a step: the answer tells the officer what to prepare and by when.
 */
final class ClaimReadiness {
    /** CPR 55.5(3)(a): the hearing is not less than 28 days after issue, in clear days (CPR 2.8). */
    static final int HEARING_CLEAR_DAYS_AFTER_ISSUE = 28;
    /** CPR 55.5(3)(b): the standard period from issue to the hearing is not more than 8 weeks. */
    static final int HEARING_STANDARD_WEEKS = 8;
    /** CPR 55.5(3)(c): the claim form and particulars are served not less than 21 days before the hearing, in clear days. */
    static final int SERVICE_CLEAR_DAYS_BEFORE_HEARING = 21;
    /** Housing Act 1996 s.129(1): the tenant asks for a review within 14 days beginning with the day of service. */
    static final int REVIEW_REQUEST_DAYS = 14;
    static final String REFERENCE = "CPR 55.5(3), CPR 2.8; docs/law.md#possession-claims-and-hearings";

    private ClaimReadiness() {
    }

    /** The first day the standard hearing window opens for a claim issued on the day: 28 clear days between them. */
    static LocalDate earliestStandardHearing(LocalDate issuedOn) {
        return issuedOn.plusDays(HEARING_CLEAR_DAYS_AFTER_ISSUE + 1L);
    }

    static LocalDate latestStandardHearing(LocalDate issuedOn) {
        return issuedOn.plusWeeks(HEARING_STANDARD_WEEKS);
    }

    /** The last day to serve the claim for a hearing on the day: 21 clear days between service and the hearing. */
    static LocalDate serveBy(LocalDate hearing) {
        return hearing.minusDays(SERVICE_CLEAR_DAYS_BEFORE_HEARING + 1L);
    }

    /** The conditions of a possession claim to be issued on the day. */
    static List<String> conditions(CaseAnalysis analysis, LocalDate issuedOn) {
        List<String> conditions = new ArrayList<>();
        conditions.add("The particulars of claim give the arrears at issue; a schedule of the rent due and the payments made over the"
                + " two years before issue (or from the first missed payment, if later) with a running balance; the daily rent; the steps"
                + " already taken to recover the arrears, with any earlier court proceedings; and what is known of the tenant's"
                + " circumstances, in particular the benefits they receive and any paid direct to the landlord (CPR PD 55A para 2.3).");
        conditions.add("For a claim issued on " + issuedOn + " the court normally fixes the hearing from " + earliestStandardHearing(issuedOn)
                + " (28 clear days after issue) to " + latestStandardHearing(issuedOn) + " (8 weeks), and the claim form and particulars"
                + " must be served at least 21 clear days before it: for a hearing on " + earliestStandardHearing(issuedOn) + ", by "
                + serveBy(earliestStandardHearing(issuedOn)) + " (CPR 55.5(3), CPR 2.8).");
        introductoryReview(analysis.facts()).ifPresent(conditions::add);
        return conditions;
    }

    /**
     * For an introductory tenancy's notice of proceedings, the review the tenant may ask for: the case records no review, so
     * the officer checks it before issuing (s.129(1), (6)).
     */
    private static Optional<String> introductoryReview(CaseFacts facts) {
        CaseFacts.Notice notice = facts.recovery() == null ? null : facts.recovery().notice();
        if (notice == null || notice.type() != NoticeType.NOTICE_OF_PROCEEDINGS) {
            return Optional.empty();
        }
        return Optional.of("The tenant could ask for a review of the decision to seek possession until "
                + notice.servedOn().plusDays(REVIEW_REQUEST_DAYS - 1L) + " (14 days beginning with the day the notice of proceedings was"
                + " served); if they did, the review must have been carried out and the tenant told of its outcome before the date the"
                + " notice specifies. The case records no review: check it before issuing (Housing Act 1996 s.129(1), (6)).");
    }

    /**
     * Once a claim is issued and its hearing listed, the hearing against the standard window and the last day to serve the
     * claim; empty without both dates or once the hearing has passed.
     */
    static Optional<Reason> hearingTiming(CaseFacts facts) {
        CaseFacts.Claim claim = facts.recovery() == null ? null : facts.recovery().claim();
        if (claim == null || claim.issuedOn() == null || claim.hearingDate() == null || facts.asOf().isAfter(claim.hearingDate())) {
            return Optional.empty();
        }
        LocalDate issued = claim.issuedOn();
        LocalDate hearing = claim.hearingDate();
        String window;
        if (hearing.isBefore(earliestStandardHearing(issued))) {
            window = "sooner than 28 clear days after issue (from " + earliestStandardHearing(issued) + "): the court has shortened time, as it may";
        } else if (hearing.isAfter(latestStandardHearing(issued))) {
            window = "later than the standard 8 weeks after issue (to " + latestStandardHearing(issued) + "), as the court may list it";
        } else {
            window = "within the standard window of 28 clear days to 8 weeks after issue";
        }
        LocalDate serveBy = serveBy(hearing);
        String service = "The claim form and particulars must be served by " + serveBy + " (21 clear days before the hearing)"
                + (serveBy.isBefore(facts.asOf())
                        ? ": that day has passed, so if they were not served by then, ask the court to shorten time or adjourn."
                        : ".");
        return Optional.of(new Reason("facts#claim-timing", "The hearing on " + hearing + " of the claim issued on " + issued + " is "
                + window + ". " + service, REFERENCE));
    }
}
