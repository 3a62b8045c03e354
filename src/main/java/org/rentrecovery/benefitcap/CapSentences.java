package org.rentrecovery.benefitcap;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.rentrecovery.contract.RentArithmetic;
import org.rentrecovery.contract.Vocabulary.HousingCostSupport;

/** The benefit cap answer's sentences, in words an officer can read to the tenant. */
final class CapSentences {
    private CapSentences() {
    }

    /** The cap level for the household and whether, and how, the cap is applied. */
    static String cap(BenefitCapParameters.BenefitYear year, BenefitCapParameters.CapAmount cap,
            boolean capped, BigDecimal reduction, HousingCostSupport support, BigDecimal weeklyRent) {
        String level = cap == null
                ? "The cap level cannot be given: tenancy.region and household.composition are both needed"
                : "The " + year.label() + " cap for " + (cap.household() == BenefitCapParameters.CapHouseholdType.SINGLE
                        ? "a single person" : "a couple or lone parent") + " "
                        + (cap.region().equals("LONDON") ? "in Greater London" : "outside London") + " is " + cap.perWeek()
                        + " a week (" + cap.perMonth() + " a month, " + cap.perYear() + " a year)";
        String applied;
        if (!capped) {
            applied = "; the cap is not recorded as applied";
        } else if (support == HousingCostSupport.UNIVERSAL_CREDIT) {
            applied = "; the cap is reducing the household's Universal Credit award" + (reduction == null ? "" : " by " + reduction + " a week")
                    + " (the whole award less any childcare costs element is reduced, not only the housing element"
                    + (reduction != null && reduction.compareTo(weeklyRent) > 0
                            ? ", so the reduction can be more than the rent of " + RentArithmetic.pounds(weeklyRent) + " a week" : "")
                    + ")";
        } else {
            applied = "; the cap is reducing the household's help with the rent" + (reduction == null ? "" : " by " + reduction + " a week");
        }
        return level + applied + ".";
    }

    /** For this rent, the arrears at which each request for payment from benefit becomes possible, and where the case stands. */
    static String thresholds(BenefitCap.Thresholds t, boolean hbDirect, boolean apa, boolean tpd) {
        return "For this rent, HB direct payment becomes mandatory at " + t.hbDirectPaymentAt() + " (" + t.hbDirectPaymentWeeks()
                + " weeks' rent), a UC managed payment can be requested at " + t.apaAt() + " (" + t.apaMonths()
                + " months' rent; " + t.apaWithPersistentUnderpaymentAt() + " with persistent underpayment) and a deduction at "
                + t.tpdAt() + " (" + t.tpdMonths() + " months' rent). Real arrears are " + t.realArrears() + ": HB direct payment "
                + (hbDirect ? "is" : "is not") + " mandatory, an APA " + (apa ? "can" : "cannot") + " be requested and a TPD "
                + (tpd ? "can" : "cannot") + " be requested (each also needs the right benefit, the tenant living in the home and no"
                + " direct payment or deduction already in place; a repayment arrangement being kept does not stop either request;"
                + " a TPD also cannot start while earned income exceeds the work allowance).";
    }

    /** How the earnings threshold is worked out from the hours and the hourly rate; null without a figure. */
    static String thresholdWorking(BenefitCapParameters.EarningsExemption earningsRule) {
        return earningsRule == null ? null
                : earningsRule.hoursPerWeek() + " hours x " + earningsRule.hourlyRate() + " x 52 / 12 = "
                        + earningsRule.thresholdExact().setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                        + ", so " + earningsRule.thresholdMonthly() + " is the first sum that meets it";
    }

    static String earningsReference(BenefitCapParameters.EarningsExemption earningsRule, BenefitCapParameters figures) {
        return earningsRule == null
                ? "UC Regs 2013 reg 82(1)(a); docs/law.md#benefit-cap (no figure loaded before " + figures.earliestEarningsExemption() + ")"
                : earningsRule.reference() + "; docs/law.md#benefit-cap";
    }
}
