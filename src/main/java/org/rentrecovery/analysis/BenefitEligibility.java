package org.rentrecovery.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Vocabulary.HbPaymentForm;
import org.rentrecovery.contract.Vocabulary.HouseholdComposition;
import org.rentrecovery.contract.Vocabulary.HousingCostSupport;
import org.rentrecovery.contract.Vocabulary.LandlordType;
import org.rentrecovery.contract.Vocabulary.VulnerabilityFlag;
import org.rentrecovery.law.LegalParameters;

/**
 * What the benefit rules allow the landlord to ask for (docs/law.md#benefit-requests): an HB direct payment, a UC managed
 * payment (APA) or a deduction (TPD), each on the law's arrears thresholds, and the Pre-Action Protocol's
 * pending-claim bar. Read through {@link CaseAnalysis}, which it works out these facts for.
 */
final class BenefitEligibility {
    /**
     * DWP APA guidance "Tier 1" needs, which can justify a managed payment with no arrears: the
     * vulnerability flags DOMESTIC_ABUSE, SUBSTANCE_MISUSE, CARE_LEAVER, LEARNING_DISABILITY,
     * MENTAL_HEALTH, MENTAL_HEALTH_CRISIS, TERMINAL_ILLNESS, HOSPITAL_OR_CARE and UNDER_18.
     */
    static final Set<VulnerabilityFlag> APA_TIER_1_FLAGS = EnumSet.of(VulnerabilityFlag.DOMESTIC_ABUSE,
            VulnerabilityFlag.SUBSTANCE_MISUSE, VulnerabilityFlag.CARE_LEAVER, VulnerabilityFlag.LEARNING_DISABILITY,
            VulnerabilityFlag.MENTAL_HEALTH, VulnerabilityFlag.MENTAL_HEALTH_CRISIS, VulnerabilityFlag.TERMINAL_ILLNESS,
            VulnerabilityFlag.HOSPITAL_OR_CARE, VulnerabilityFlag.UNDER_18);

    private final CaseAnalysis analysis;
    private final CaseFacts facts;
    private final LegalParameters law;

    BenefitEligibility(CaseAnalysis analysis, LegalParameters law) {
        this.analysis = analysis;
        this.facts = analysis.facts();
        this.law = law;
    }

    HousingCostSupport housingCostSupport() {
        return facts.benefits() == null || facts.benefits().housingCostSupport() == null
                ? HousingCostSupport.NONE : facts.benefits().housingCostSupport();
    }

    private boolean benefitFlag(Function<CaseFacts.Benefits, Boolean> flag) {
        return facts.benefits() != null && Boolean.TRUE.equals(flag.apply(facts.benefits()));
    }

    boolean persistentUnderpayment() {
        return benefitFlag(CaseFacts.Benefits::persistentUnderpayment);
    }

    /** DWP guidance: APA at 2 months' rent arrears, or 1 month with persistent underpayment (docs/law.md#benefit-requests). */
    boolean apaEligibleToRequest(LocalDate on) {
        if (analysis.formerTenancyOn(on) || housingCostSupport() != HousingCostSupport.UNIVERSAL_CREDIT
                || benefitFlag(CaseFacts.Benefits::paidDirectToLandlord)) {
            return false;
        }
        return apaArrearsThresholdMet();
    }

    /** DWP APA guidance: real arrears of 2 months' rent, or 1 month with persistent underpayment. */
    boolean apaArrearsThresholdMet() {
        BigDecimal months = analysis.realMonthsOfRent();
        return months.compareTo(BigDecimal.valueOf(law.fixed("apaArrearsMonths"))) >= 0
                || (persistentUnderpayment()
                && months.compareTo(BigDecimal.valueOf(law.fixed("apaPersistentUnderpaymentMonths"))) >= 0);
    }

    /** UC C&P Regs 2013 Sch 6 para 7 and DWP guidance: 2 months' rent, occupying the home (docs/law.md#benefit-requests). */
    boolean tpdEligibleToRequest(LocalDate on) {
        return !analysis.formerTenancyOn(on) && housingCostSupport() == HousingCostSupport.UNIVERSAL_CREDIT
                && !benefitFlag(CaseFacts.Benefits::thirdPartyDeduction)
                && tpdArrearsThresholdMet() && !tpdEarningsBar();
    }

    /**
     * The work allowance that applies, a month: the one recorded, or none (0) for a household without
     * children recorded as getting no disability or carer benefit (a work allowance needs a child or
     * limited capability for work, UC Regs 2013 reg 22); null when it cannot be told.
     */
    BigDecimal ucWorkAllowanceMonthly() {
        if (facts.benefits() != null && facts.benefits().ucWorkAllowanceMonthly() != null) {
            return facts.benefits().ucWorkAllowanceMonthly();
        }
        var h = facts.household();
        if (h != null && Boolean.FALSE.equals(h.disabilityOrCarerBenefit()) && h.composition() != null
                && (h.composition() == HouseholdComposition.SINGLE_NO_CHILDREN || h.composition() == HouseholdComposition.COUPLE_NO_CHILDREN)) {
            return BigDecimal.ZERO;
        }
        return null;
    }

    /**
     * UC etc. (Claims and Payments) Regs 2013 Sch 6 para 7(6): a deduction for rent arrears cannot start while
     * the claimant's earned income exceeds the work allowance. True only when both are known and it does.
     */
    boolean tpdEarningsBar() {
        BigDecimal allowance = ucWorkAllowanceMonthly();
        BigDecimal earnings = facts.household() == null ? null : facts.household().netEarningsMonthly();
        return housingCostSupport() == HousingCostSupport.UNIVERSAL_CREDIT && allowance != null && earnings != null
                && earnings.compareTo(allowance) > 0;
    }

    /** DWP guidance: a TPD request needs real arrears of 2 months' rent. */
    boolean tpdArrearsThresholdMet() {
        return analysis.realMonthsOfRent().compareTo(BigDecimal.valueOf(law.fixed("tpdArrearsMonths"))) >= 0;
    }

    /** HB Regs 2006 reg 95: direct payment of a rent allowance is mandatory at 8 weeks' arrears. */
    boolean hbDirectPaymentMandatory(LocalDate on) {
        if (analysis.formerTenancyOn(on) || housingCostSupport() != HousingCostSupport.HOUSING_BENEFIT
                || benefitFlag(CaseFacts.Benefits::paidDirectToLandlord)) {
            return false;
        }
        return hbRentAllowance() && hbDirectPaymentThresholdMet();
    }

    /** HB paid as a rent allowance (a housing-association tenant) rather than a rent rebate credited to the account. */
    boolean hbRentAllowance() {
        if (housingCostSupport() != HousingCostSupport.HOUSING_BENEFIT) {
            return false;
        }
        HbPaymentForm form = facts.benefits().hbPaymentForm();
        return form == HbPaymentForm.RENT_ALLOWANCE || (form == null && facts.landlord() != null
                && facts.landlord().type() == LandlordType.HOUSING_ASSOCIATION);
    }

    /** HB Regs 2006 reg 95: arrears of 8 weeks' rent. */
    boolean hbDirectPaymentThresholdMet() {
        return analysis.weeksOfRent().compareTo(BigDecimal.valueOf(law.fixed("hbDirectPaymentWeeks"))) >= 0;
    }

    boolean apaTier1Need() {
        var v = facts.vulnerability();
        return v != null && v.flags() != null && v.flags().stream().anyMatch(APA_TIER_1_FLAGS::contains);
    }

    /**
     * Pre-Action Protocol (benefits): where the tenant meets the criteria, the landlord arranges for the arrears
     * to be paid from benefit. The step still needed on the date: an HB direct payment (at 8 weeks' arrears of a
     * rent allowance), a UC managed payment or, failing that, a deduction; null when none is due or one has been
     * asked for in this arrears episode.
     */
    ActionType benefitPaymentStep(LocalDate on) {
        if (hbDirectPaymentMandatory(on)) {
            return taken(ActionType.REQUEST_HB_DIRECT_PAYMENT) ? null : ActionType.REQUEST_HB_DIRECT_PAYMENT;
        }
        boolean apa = apaEligibleToRequest(on);
        boolean tpd = tpdEligibleToRequest(on);
        if (!apa && !tpd || taken(ActionType.REQUEST_UC_MANAGED_PAYMENT) || taken(ActionType.REQUEST_UC_THIRD_PARTY_DEDUCTION)) {
            return null;
        }
        return apa ? ActionType.REQUEST_UC_MANAGED_PAYMENT : ActionType.REQUEST_UC_THIRD_PARTY_DEDUCTION;
    }

    private boolean taken(ActionType type) {
        return analysis.lastTaken(type) != null;
    }

    /** Pre-Action Protocol: evidence given, eligibility reasonably expected and the shortfall paid. */
    boolean pendingBenefitBar(LocalDate on) {
        var claim = facts.benefits() == null ? null : facts.benefits().claimPending();
        return claim != null && (claim.since() == null || !claim.since().isAfter(on))
                && Boolean.TRUE.equals(claim.evidenceProvided())
                && Boolean.TRUE.equals(claim.reasonableExpectationOfEligibility())
                && Boolean.TRUE.equals(claim.shortfallPaid());
    }

    boolean benefitClaimPending() {
        return facts.benefits() != null && facts.benefits().claimPending() != null;
    }
}
