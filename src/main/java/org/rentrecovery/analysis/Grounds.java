package org.rentrecovery.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Vocabulary.Ground;
import org.rentrecovery.contract.Vocabulary.HousingCostSupport;
import org.rentrecovery.contract.Vocabulary.NoticeType;
import org.rentrecovery.contract.Vocabulary.TenancyType;
import org.rentrecovery.law.LegalParameters;

/**
 * The grounds for possession the arrears support on a date, Ground 8's threshold as in force then, and
 * which grounds of the notice on file still stand (docs/law.md "Notices and grounds", "Ground 8"). Read through {@link CaseAnalysis}.
 */
final class Grounds {
    private final CaseAnalysis analysis;
    private final CaseFacts facts;
    private final LegalParameters law;

    Grounds(CaseAnalysis analysis, LegalParameters law) {
        this.analysis = analysis;
        this.facts = analysis.facts();
        this.law = law;
    }

    /** Ground 8 as in force on the date for this tenancy (social housing or not: SI 2026/421 reg 2). */
    LegalParameters.Ground8 ground8Law(LocalDate on) {
        return law.ground8On(on, NoticeAssessment.socialHousing(facts));
    }

    BigDecimal ground8Threshold(LocalDate servedOn) {
        LegalParameters.Ground8 g8 = ground8Law(servedOn);
        return switch (facts.tenancy().rentFrequency()) {
            case MONTHLY -> facts.tenancy().rentPerPeriod().multiply(BigDecimal.valueOf(g8.months()));
            // Weekly, fortnightly and four-weekly rent are all weekly-based: the statute's weeks apply.
            case WEEKLY, FORTNIGHTLY, FOUR_WEEKLY -> analysis.weeklyRent().multiply(BigDecimal.valueOf(g8.weeks()));
        };
    }

    /**
     * Which Ground 8 test applies and why, in words (issue 11 item 16): the statute counts weeks for rent payable
     * weekly or fortnightly and months for rent payable monthly. Four-weekly rent is payable by periods of weeks,
     * so its weeks are counted (8 weeks = two four-weekly periods), not calendar months. Quarterly and yearly rent
     * (paragraphs (c) and (d) of the old ground) are not taken by this service: its tenancies' rent periods are
     * at most a month.
     */
    String ground8TestInWords(LocalDate servedOn) {
        LegalParameters.Ground8 g8 = ground8Law(servedOn);
        String test = switch (facts.tenancy().rentFrequency()) {
            case MONTHLY -> "rent payable monthly: " + g8.months() + " months' rent unpaid";
            case WEEKLY -> "rent payable weekly: " + g8.weeks() + " weeks' rent unpaid";
            case FORTNIGHTLY -> "rent payable fortnightly: " + g8.weeks() + " weeks' rent unpaid";
            case FOUR_WEEKLY -> "rent payable four-weekly is rent by periods of weeks, so the weeks test applies: "
                    + g8.weeks() + " weeks' rent unpaid, not " + g8.months() + " calendar months";
        };
        return test + (g8.disregardUniversalCreditNotYetPaid()
                ? "; rent unpaid only because Universal Credit housing costs have not yet been paid is left out" : "");
    }

    /**
     * The arrears Ground 8 counts on the date: the balance, less the technical arrears of a UC tenant where the
     * law in force leaves out rent unpaid only because the UC award has not yet been paid.
     */
    BigDecimal ground8Arrears(LocalDate on) {
        if (ground8Law(on).disregardUniversalCreditNotYetPaid() && analysis.housingCostSupport() == HousingCostSupport.UNIVERSAL_CREDIT) {
            return analysis.realArrears();
        }
        return analysis.balance();
    }

    List<Ground> availableGrounds(LocalDate on) {
        List<Ground> grounds = new ArrayList<>();
        TenancyType type = analysis.tenancyStatusOn(on).type();
        boolean arrears = analysis.balance().signum() > 0;
        if (analysis.formerTenancyOn(on)) {
            return grounds;
        }
        if (type.isSecure() && arrears) {
            grounds.add(Ground.GROUND_1);
        }
        if (type.isAssured()) {
            if (arrears && ground8Arrears(on).compareTo(ground8Threshold(on)) >= 0) {
                grounds.add(Ground.GROUND_8);
            }
            if (arrears) {
                grounds.add(Ground.GROUND_10);
            }
            if (persistentLatePayment()) {
                grounds.add(Ground.GROUND_11);
            }
        }
        return grounds;
    }

    /** Ground 11 evidence: arrears at three or more recorded points, or persistent underpayment. */
    boolean persistentLatePayment() {
        if (facts.benefits() != null && Boolean.TRUE.equals(facts.benefits().persistentUnderpayment())) {
            return true;
        }
        List<CaseFacts.BalancePoint> history = facts.account().balanceHistory();
        return history != null && history.stream().filter(p -> p.balance().signum() > 0).count() >= 3;
    }

    /**
     * The notice this tenancy needs and the one on file, with its grounds and which of them still
     * stand on the date (docs/law.md "Notices and grounds", "Ground 8"): Ground 8 needs the threshold in force on the service date
     * both at service (arrearsAtService) and now (the balance, as the hearing proxy); Ground 10 needs
     * rent unpaid at service (when given) and now; Ground 11 may stand without arrears; Ground 1
     * (secure) needs rent unpaid now and at service when given. A ground of the other Act never stands.
     */
    LegalPosition.Notice noticeOn(LocalDate on) {
        TenancyType type = analysis.tenancyStatusOn(on).type();
        ActionType requiredAction = NoticeAssessment.noticeAction(type);
        boolean neededBeforeClaim = NoticeAssessment.requiredNotice(type) != null;
        NoticeAssessment.Standing standing = NoticeAssessment.standing(facts, type, on, analysis.moratoriumWindow());
        List<Ground> available = availableGrounds(on);
        CaseFacts.Notice notice = analysis.notice();
        if (notice == null || notice.grounds() == null || notice.grounds().isEmpty()
                || (notice.type() != NoticeType.SECTION_8 && notice.type() != NoticeType.NOSP)) {
            return new LegalPosition.Notice(requiredAction, neededBeforeClaim, standing, available, List.of(), List.of(),
                    null, null, null);
        }
        BigDecimal threshold = ground8Threshold(notice.servedOn());
        return new LegalPosition.Notice(requiredAction, neededBeforeClaim, standing, available, notice.grounds(),
                standingGrounds(notice, type, threshold), notice.arrearsAtService(), threshold, ground8Law(notice.servedOn()).reference());
    }

    private List<Ground> standingGrounds(CaseFacts.Notice notice, TenancyType type, BigDecimal threshold) {
        BigDecimal atService = notice.arrearsAtService();
        boolean unpaidNow = analysis.balance().signum() > 0;
        boolean unpaidAtService = atService == null || atService.signum() > 0;
        List<Ground> standing = new ArrayList<>();
        for (Ground g : notice.grounds()) {
            boolean stands = switch (g) {
                case GROUND_1 -> type.isSecure() && notice.type() == NoticeType.NOSP && unpaidNow && unpaidAtService;
                case GROUND_8 -> type.isAssured() && notice.type() == NoticeType.SECTION_8 && atService != null
                        && atService.compareTo(threshold) >= 0 && ground8Arrears(notice.servedOn()).compareTo(threshold) >= 0;
                case GROUND_10 -> type.isAssured() && notice.type() == NoticeType.SECTION_8 && unpaidNow && unpaidAtService;
                case GROUND_11 -> type.isAssured() && notice.type() == NoticeType.SECTION_8;
            };
            if (stands && !standing.contains(g)) {
                standing.add(g);
            }
        }
        return standing;
    }
}
