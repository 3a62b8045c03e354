package org.rentrecovery.benefitcap;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.RentArithmetic;
import org.rentrecovery.contract.Vocabulary.HousingCostSupport;
import org.rentrecovery.law.LegalParameters;

/** The figures the benefit cap answer shows beside the law's and the policy's: thresholds, a deduction's range, the arrears' trend. */
final class CapArithmetic {
    private CapArithmetic() {
    }

    /** The arrears, for this rent, at which each request for payment from benefit becomes possible. */
    static BenefitCap.Thresholds thresholds(CaseAnalysis a, LegalParameters legal) {
        int hbWeeks = legal.fixed("hbDirectPaymentWeeks");
        int apaMonths = legal.fixed("apaArrearsMonths");
        int apaPersistent = legal.fixed("apaPersistentUnderpaymentMonths");
        int tpdMonths = legal.fixed("tpdArrearsMonths");
        return new BenefitCap.Thresholds(
                RentArithmetic.threshold(a.weeklyRent().multiply(BigDecimal.valueOf(hbWeeks))), hbWeeks,
                RentArithmetic.threshold(a.monthlyRent().multiply(BigDecimal.valueOf(apaMonths))), apaMonths,
                RentArithmetic.threshold(a.monthlyRent().multiply(BigDecimal.valueOf(apaPersistent))), apaPersistent,
                RentArithmetic.threshold(a.monthlyRent().multiply(BigDecimal.valueOf(tpdMonths))), tpdMonths,
                RentArithmetic.pounds(a.realArrears()));
    }

    /** The range a deduction for arrears may take, a month, from the claimant's UC standard allowance; null when it cannot be told. */
    static BenefitCap.TpdRange tpdRange(CaseAnalysis analysis, CaseFacts.Benefits benefits, LocalDate asOf, BenefitCapParameters figures) {
        if (analysis.formerTenancy() || analysis.housingCostSupport() != HousingCostSupport.UNIVERSAL_CREDIT
                || benefits == null || benefits.ucStandardAllowanceMonthly() == null) {
            return null;
        }
        BenefitCapParameters.ThirdPartyDeduction rule = figures.thirdPartyDeductionOn(asOf);
        BigDecimal allowance = benefits.ucStandardAllowanceMonthly();
        return new BenefitCap.TpdRange(allowance, rule.minPercentOfStandardAllowance(), rule.maxPercentOfStandardAllowance(),
                percentOf(allowance, rule.minPercentOfStandardAllowance(), RoundingMode.CEILING),
                percentOf(allowance, rule.maxPercentOfStandardAllowance(), RoundingMode.FLOOR),
                rule.reference());
    }

    /**
     * A percentage of an amount to the penny, rounded so the figure stays inside the legal range: the
     * minimum up (CEILING: never below the minimum percentage), the maximum down (FLOOR: never above it).
     */
    private static BigDecimal percentOf(BigDecimal amount, int percent, RoundingMode rounding) {
        return amount.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, rounding);
    }

    /**
     * Rent periods in a row the balance has risen, ending today: the recorded balances in date order,
     * then today's balance (if newer than the last record), counted back from the end.
     */
    static int consecutiveRises(CaseFacts facts) {
        List<CaseFacts.BalancePoint> history = facts.account().balanceHistory();
        if (history == null || history.isEmpty()) {
            return 0;
        }
        List<CaseFacts.BalancePoint> points = new ArrayList<>(history);
        points.sort(Comparator.comparing(CaseFacts.BalancePoint::date));
        List<BigDecimal> balances = new ArrayList<>(points.stream().map(CaseFacts.BalancePoint::balance).toList());
        if (points.get(points.size() - 1).date().isBefore(facts.asOf())) {
            balances.add(facts.account().balance());
        }
        int rises = 0;
        for (int i = balances.size() - 1; i > 0 && balances.get(i).compareTo(balances.get(i - 1)) > 0; i--) {
            rises++;
        }
        return rises;
    }
}
