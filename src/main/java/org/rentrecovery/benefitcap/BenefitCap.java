package org.rentrecovery.benefitcap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rentrecovery.contract.ActionType;

/** The benefit cap and income-maximisation part of a decision (docs/benefit-cap.md). */
@Schema(name = "BenefitCap")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BenefitCap(
        @Schema(description = "The cap is reducing the household's HB or UC (benefitCapped, or a cap reduction above 0)") boolean capped,
        @Schema(description = "The law exempts the household from the cap on asOf") boolean exempt,
        String exemptionReason,
        List<String> exemptions,
        @Schema(description = "Capped although exempt or in a grace period: ask for it to be revised") boolean capAppearsWronglyApplied,
        String benefitYear,
        BigDecimal capPerWeek,
        BigDecimal capPerMonth,
        BigDecimal capPerYear,
        BigDecimal capReductionPerWeek,
        BigDecimal earningsThresholdMonthly,
        boolean gracePeriodActive,
        @Schema(description = "Last day of the grace period (UC 9 months, HB 39 weeks), when one is recorded") LocalDate gracePeriodEnds,
        int priorityScore,
        String priorityBand,
        boolean earlyIntervention,
        List<ScoreContribution> scoreContributions,
        boolean hbDirectPaymentMandatory,
        boolean apaEligibleToRequest,
        boolean tpdEligibleToRequest,
        TpdRange tpdRange,
        boolean dhpEligible,
        Thresholds thresholds,
        List<IncomeAction> incomeActions,
        @Schema(description = "The year of the National Living Wage the UC earnings exemption figure is worked from (UC Regs 2013 reg 82(1)(a)); null before the first figure known") String earningsThresholdYear,
        @Schema(description = "The grace period's length for the household's benefit: 9 months (UC) or 39 weeks (HB)") String gracePeriodLength) {

    /** One condition of the early-intervention score that holds, with the DMN row that scored it. */
    public record ScoreContribution(String condition, int points, String row, String reason, String reference) {
    }

    /** The range a UC third-party deduction for rent arrears can take, from the standard allowance. */
    public record TpdRange(BigDecimal standardAllowanceMonthly, int minPercent, int maxPercent, BigDecimal minPerMonth,
            BigDecimal maxPerMonth, String reference) {
    }

    /** The arrears at which each request becomes available, in pounds for this rent. */
    public record Thresholds(BigDecimal hbDirectPaymentAt, int hbDirectPaymentWeeks, BigDecimal apaAt, int apaMonths,
            BigDecimal apaWithPersistentUnderpaymentAt, int apaPersistentUnderpaymentMonths, BigDecimal tpdAt, int tpdMonths,
            BigDecimal realArrears) {
    }

    /** A step to raise the household's income, and whether it must come before any enforcement step. */
    public record IncomeAction(ActionType type, int priority, boolean beforeEnforcement, String reason, String reference,
            String row) {
    }
}
