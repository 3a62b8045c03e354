package org.rentrecovery.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.RentArithmetic;
import org.rentrecovery.contract.Vocabulary.Ground;
import org.rentrecovery.contract.Vocabulary.TenancyType;

/**
 * The legal facts of a case on one date, as the guards read them. A proposed action is judged on
 * its planned date, so Breathing Space, notice life and Ground 8 thresholds are those of that
 * date. Plain getters (not a record) because the rule engine reads bean properties.
 */
public final class LegalPosition {
    private final LocalDate date;
    private final TenancyType tenancyType;
    private final boolean formerTenancy;
    private final BigDecimal balance;
    private final boolean breathingSpaceActive;
    private final String breathingSpaceType;
    private final LocalDate breathingSpaceUntil;
    private final boolean breathingSpaceCourtPermission;
    private final boolean pendingBenefitBar;
    private final boolean arrangementKept;
    private final ActionType requiredNoticeAction;
    private final boolean noticeNeededBeforeClaim;
    private final NoticeAssessment.Standing notice;
    private final BigDecimal ground8Threshold;
    private final String ground8Reference;
    private final String insolvencyType;
    private final LocalDate insolvencyDate;
    private final boolean insolvencyCoversBalance;
    private final boolean judgmentPredatesInsolvency;
    private final LocalDate judgmentDate;
    private final boolean judgmentNeedsPermission;
    private final BigDecimal statuteBarredAmount;
    private final boolean claimIssued;
    private final boolean possessionOrderEnforceable;
    private final boolean vulnerable;
    private final String assessmentStatus;
    private final boolean protocolContactMade;
    private final boolean arrangementOffered;
    private final boolean benefitsHelpOffered;
    private final boolean housingCostsInPayment;
    private final List<Ground> availableGrounds;
    private final List<String> complexCaseTriggers;
    private final boolean housingCostsAwarded;
    private final String housingCostSupport;
    private final boolean hbRentAllowance;
    private final boolean apaThresholdMet;
    private final boolean apaTier1Need;
    private final boolean tpdThresholdMet;
    private final boolean hbDirectThresholdMet;
    private final List<Ground> noticeGrounds;
    private final List<Ground> noticeGroundsStanding;
    private final BigDecimal noticeArrearsAtService;
    private final BigDecimal noticeGround8Threshold;
    private final String noticeGround8Reference;

    LegalPosition(Builder b) {
        this.date = b.date;
        this.tenancyType = b.tenancyType;
        this.formerTenancy = b.formerTenancy;
        this.balance = b.balance;
        this.breathingSpaceActive = b.breathingSpaceActive;
        this.breathingSpaceType = b.breathingSpaceType;
        this.breathingSpaceUntil = b.breathingSpaceUntil;
        this.breathingSpaceCourtPermission = b.breathingSpaceCourtPermission;
        this.pendingBenefitBar = b.pendingBenefitBar;
        this.arrangementKept = b.arrangementKept;
        this.requiredNoticeAction = b.requiredNoticeAction;
        this.noticeNeededBeforeClaim = b.noticeNeededBeforeClaim;
        this.notice = b.notice;
        this.ground8Threshold = b.ground8Threshold;
        this.ground8Reference = b.ground8Reference;
        this.insolvencyType = b.insolvencyType;
        this.insolvencyDate = b.insolvencyDate;
        this.insolvencyCoversBalance = b.insolvencyCoversBalance;
        this.judgmentPredatesInsolvency = b.judgmentPredatesInsolvency;
        this.judgmentDate = b.judgmentDate;
        this.judgmentNeedsPermission = b.judgmentNeedsPermission;
        this.statuteBarredAmount = b.statuteBarredAmount;
        this.claimIssued = b.claimIssued;
        this.possessionOrderEnforceable = b.possessionOrderEnforceable;
        this.vulnerable = b.vulnerable;
        this.assessmentStatus = b.assessmentStatus;
        this.protocolContactMade = b.protocolContactMade;
        this.arrangementOffered = b.arrangementOffered;
        this.benefitsHelpOffered = b.benefitsHelpOffered;
        this.housingCostsInPayment = b.housingCostsInPayment;
        this.availableGrounds = List.copyOf(b.availableGrounds);
        this.complexCaseTriggers = List.copyOf(b.complexCaseTriggers);
        this.housingCostsAwarded = b.housingCostsAwarded;
        this.housingCostSupport = b.housingCostSupport;
        this.hbRentAllowance = b.hbRentAllowance;
        this.apaThresholdMet = b.apaThresholdMet;
        this.apaTier1Need = b.apaTier1Need;
        this.tpdThresholdMet = b.tpdThresholdMet;
        this.hbDirectThresholdMet = b.hbDirectThresholdMet;
        this.noticeGrounds = List.copyOf(b.noticeGrounds);
        this.noticeGroundsStanding = List.copyOf(b.noticeGroundsStanding);
        this.noticeArrearsAtService = b.noticeArrearsAtService;
        this.noticeGround8Threshold = b.noticeGround8Threshold;
        this.noticeGround8Reference = b.noticeGround8Reference;
    }

    public LocalDate getDate() { return date; }
    public TenancyType getTenancyType() { return tenancyType; }
    public boolean isFormerTenancy() { return formerTenancy; }
    public BigDecimal getBalance() { return balance; }
    public boolean isInArrears() { return balance.signum() > 0; }
    public boolean isAssured() { return tenancyType.isAssured(); }
    public boolean isSecure() { return tenancyType.isSecure(); }
    public boolean isInterimLicence() { return tenancyType == TenancyType.LICENCE_INTERIM_S188; }
    public boolean isBreathingSpaceActive() { return breathingSpaceActive; }
    public String getBreathingSpaceType() { return breathingSpaceType; }
    public LocalDate getBreathingSpaceUntil() { return breathingSpaceUntil; }
    public boolean isBreathingSpaceCourtPermission() { return breathingSpaceCourtPermission; }
    public boolean isPendingBenefitBar() { return pendingBenefitBar; }
    public boolean isArrangementKept() { return arrangementKept; }
    public ActionType getRequiredNoticeAction() { return requiredNoticeAction; }
    public boolean isNoticeNeededBeforeClaim() { return noticeNeededBeforeClaim; }
    public NoticeAssessment.Standing getNotice() { return notice; }
    public boolean isNoticeInForce() { return notice.inForce(); }
    public String getNoticeStatus() { return notice.status().name(); }
    public String getNoticeExplanation() {
        if (noticeGrounds.isEmpty()) {
            return notice.explanation();
        }
        return notice.explanation() + " Grounds on it: " + noticeGrounds + "; still standing on " + date + ": "
                + (noticeGroundsStanding.isEmpty() ? "none" : noticeGroundsStanding.toString()) + groundsNote();
    }

    private String groundsNote() {
        StringBuilder note = new StringBuilder(".");
        if (noticeGrounds.contains(Ground.GROUND_8) && !noticeGroundsStanding.contains(Ground.GROUND_8)) {
            note.append(" Ground 8 needs arrears of at least ")
                    .append(noticeGround8Threshold.setScale(2, java.math.RoundingMode.HALF_UP))
                    .append(" (the threshold for a notice served then) at service (")
                    .append(noticeArrearsAtService == null ? "not given" : RentArithmetic.pounds(noticeArrearsAtService).toPlainString())
                    .append(") and now (").append(RentArithmetic.pounds(balance).toPlainString()).append(").");
        }
        return note.toString();
    }
    public BigDecimal getGround8Threshold() { return ground8Threshold; }
    public String getGround8Reference() { return ground8Reference; }
    public boolean isGround8ThresholdMet() { return tenancyType.isAssured() && balance.compareTo(ground8Threshold) >= 0; }
    public String getInsolvencyType() { return insolvencyType; }
    public LocalDate getInsolvencyDate() { return insolvencyDate; }
    public boolean isInsolvencyCoversBalance() { return insolvencyCoversBalance; }
    public boolean isJudgmentPredatesInsolvency() { return judgmentPredatesInsolvency; }
    public LocalDate getJudgmentDate() { return judgmentDate; }
    public boolean isJudgmentNeedsPermission() { return judgmentNeedsPermission; }
    public BigDecimal getStatuteBarredAmount() { return statuteBarredAmount; }
    public boolean isAllArrearsStatuteBarred() {
        return balance.signum() > 0 && statuteBarredAmount.compareTo(balance) >= 0;
    }
    public boolean isClaimIssued() { return claimIssued; }
    public boolean isPossessionOrderEnforceable() { return possessionOrderEnforceable; }
    public boolean isVulnerable() { return vulnerable; }
    public String getAssessmentStatus() { return assessmentStatus; }
    public boolean isAssessmentCompleted() { return "COMPLETED".equals(assessmentStatus); }
    public boolean isAssessmentOpen() { return "OPEN".equals(assessmentStatus); }
    public boolean isProtocolContactMade() { return protocolContactMade; }
    public boolean isArrangementOffered() { return arrangementOffered; }
    public boolean isBenefitsHelpOffered() { return benefitsHelpOffered; }
    public boolean isHousingCostsInPayment() { return housingCostsInPayment; }
    public List<Ground> getAvailableGrounds() { return availableGrounds; }
    /** The complex-case triggers of domain brief 3.3 present on this date (routing.RoutingTrigger names). */
    public List<String> getComplexCaseTriggers() { return complexCaseTriggers; }
    public boolean isComplexCase() { return !complexCaseTriggers.isEmpty(); }
    /** HB or UC housing costs awarded (not merely claimed) and the tenancy not ended: what a DHP needs. */
    public boolean isHousingCostsAwarded() { return housingCostsAwarded; }
    /** HOUSING_BENEFIT, UNIVERSAL_CREDIT or NONE. */
    public String getHousingCostSupport() { return housingCostSupport; }
    public boolean isUniversalCredit() { return "UNIVERSAL_CREDIT".equals(housingCostSupport); }
    public boolean isHousingBenefit() { return "HOUSING_BENEFIT".equals(housingCostSupport); }
    public boolean isHbRentAllowance() { return hbRentAllowance; }
    public boolean isApaThresholdMet() { return apaThresholdMet; }
    /** A DWP APA "Tier 1" need (CaseAnalysis.APA_TIER_1_FLAGS). */
    public boolean isApaTier1Need() { return apaTier1Need; }
    public boolean isTpdThresholdMet() { return tpdThresholdMet; }
    public boolean isHbDirectThresholdMet() { return hbDirectThresholdMet; }
    /** The grounds written on the notice on file (s.8 or NoSP), empty if none are listed. */
    public List<Ground> getNoticeGrounds() { return noticeGrounds; }
    /** The grounds on the notice on file that still support a claim on this date. */
    public List<Ground> getNoticeGroundsStanding() { return noticeGroundsStanding; }
    public boolean isNoticeGroundsListed() { return !noticeGrounds.isEmpty(); }
    public boolean isNoticeGroundStanding() { return !noticeGroundsStanding.isEmpty(); }
    public BigDecimal getNoticeArrearsAtService() { return noticeArrearsAtService; }
    public BigDecimal getNoticeGround8Threshold() { return noticeGround8Threshold; }
    public String getNoticeGround8Reference() { return noticeGround8Reference; }

    static final class Builder {
        LocalDate date;
        TenancyType tenancyType;
        boolean formerTenancy;
        BigDecimal balance;
        boolean breathingSpaceActive;
        String breathingSpaceType;
        LocalDate breathingSpaceUntil;
        boolean breathingSpaceCourtPermission;
        boolean pendingBenefitBar;
        boolean arrangementKept;
        ActionType requiredNoticeAction;
        boolean noticeNeededBeforeClaim;
        NoticeAssessment.Standing notice;
        BigDecimal ground8Threshold;
        String ground8Reference;
        String insolvencyType;
        LocalDate insolvencyDate;
        boolean insolvencyCoversBalance;
        boolean judgmentPredatesInsolvency;
        LocalDate judgmentDate;
        boolean judgmentNeedsPermission;
        BigDecimal statuteBarredAmount;
        boolean claimIssued;
        boolean possessionOrderEnforceable;
        boolean vulnerable;
        String assessmentStatus;
        boolean protocolContactMade;
        boolean arrangementOffered;
        boolean benefitsHelpOffered;
        boolean housingCostsInPayment;
        List<Ground> availableGrounds = List.of();
        List<String> complexCaseTriggers = List.of();
        boolean housingCostsAwarded;
        String housingCostSupport;
        boolean hbRentAllowance;
        boolean apaThresholdMet;
        boolean apaTier1Need;
        boolean tpdThresholdMet;
        boolean hbDirectThresholdMet;
        List<Ground> noticeGrounds = List.of();
        List<Ground> noticeGroundsStanding = List.of();
        BigDecimal noticeArrearsAtService;
        BigDecimal noticeGround8Threshold;
        String noticeGround8Reference;
    }
}
