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
        @Schema(description = "The first exemption that applies, e.g. EARNINGS_AT_THRESHOLD; null when none does") String exemptionReason,
        @Schema(description = "Every exemption that applies") List<String> exemptions,
        @Schema(description = "Capped although exempt or in a grace period: ask for it to be revised") boolean capAppearsWronglyApplied,
        @Schema(description = "The benefit year whose cap levels apply on asOf, e.g. 2026/27") String benefitYear,
        @Schema(description = "The cap for this household a week") BigDecimal capPerWeek,
        @Schema(description = "The cap a month") BigDecimal capPerMonth,
        @Schema(description = "The cap a year") BigDecimal capPerYear,
        @Schema(description = "How much the cap takes off the housing support a week, as sent") BigDecimal capReductionPerWeek,
        @Schema(description = "The UC earnings a month at or above which the household is exempt") BigDecimal earningsThresholdMonthly,
        @Schema(description = "A grace period from the cap is running on asOf") boolean gracePeriodActive,
        @Schema(description = "Last day of the grace period (UC 9 months, HB 39 weeks), when one is recorded") LocalDate gracePeriodEnds,
        @Schema(description = "The landlord's early-intervention score: the sum of scoreContributions' points") int priorityScore,
        @Schema(description = "The band the score falls in, e.g. EARLY_INTERVENTION, WATCH, ROUTINE") String priorityBand,
        @Schema(description = "Whether the band calls for early intervention") boolean earlyIntervention,
        @Schema(description = "Each condition that scored, with its points and table row") List<ScoreContribution> scoreContributions,
        @Schema(description = "Housing Benefit must be paid to the landlord (8 weeks' rent or more in arrears)") boolean hbDirectPaymentMandatory,
        @Schema(description = "The landlord may ask DWP for a UC managed payment (APA)") boolean apaEligibleToRequest,
        @Schema(description = "The landlord may ask DWP for a UC third-party deduction for the arrears") boolean tpdEligibleToRequest,
        @Schema(description = "What a third-party deduction could be, from the standard allowance") TpdRange tpdRange,
        @Schema(description = "The household may apply for a Discretionary Housing Payment") boolean dhpEligible,
        @Schema(description = "The arrears at which each request becomes available, in pounds for this rent") Thresholds thresholds,
        @Schema(description = "Steps to raise the household's income, priority 1 first") List<IncomeAction> incomeActions,
        @Schema(description = "The year of the National Living Wage the UC earnings exemption figure is worked from (UC Regs 2013 reg 82(1)(a)); null before the first figure known") String earningsThresholdYear,
        @Schema(description = "The grace period's length for the household's benefit: 9 months (UC) or 39 weeks (HB)") String gracePeriodLength) {

    /** One condition of the early-intervention score that holds, with the DMN row that scored it. */
    @Schema(name = "ScoreContribution", description = "One condition of the early-intervention score that holds")
    public record ScoreContribution(@Schema(description = "The condition, e.g. BENEFIT_CAP_APPLIED") String condition,
            @Schema(description = "The points it adds") int points,
            @Schema(description = "The table row that scored it, e.g. PriorityContributions/benefit-cap-applied") String row,
            @Schema(description = "Why, in a sentence") String reason, @Schema(description = "Its policy or legal reference") String reference) {
    }

    /** The range a UC third-party deduction for rent arrears can take, from the standard allowance. */
    @Schema(name = "TpdRange", description = "The range a UC third-party deduction for rent arrears can take")
    public record TpdRange(@Schema(description = "The UC standard allowance a month it is worked from") BigDecimal standardAllowanceMonthly,
            @Schema(description = "The smallest deduction, in percent of it") int minPercent,
            @Schema(description = "The largest deduction, in percent of it") int maxPercent,
            @Schema(description = "The smallest deduction a month") BigDecimal minPerMonth,
            @Schema(description = "The largest deduction a month") BigDecimal maxPerMonth,
            @Schema(description = "The regulation it comes from") String reference) {
    }

    /** The arrears at which each request becomes available, in pounds for this rent. */
    @Schema(name = "IncomeThresholds", description = "The arrears at which each request becomes available, in pounds for this rent")
    public record Thresholds(@Schema(description = "Arrears at which HB direct payment becomes mandatory") BigDecimal hbDirectPaymentAt,
            @Schema(description = "That threshold in weeks of rent") int hbDirectPaymentWeeks,
            @Schema(description = "Arrears at which a UC managed payment can be requested") BigDecimal apaAt,
            @Schema(description = "That threshold in months of rent") int apaMonths,
            @Schema(description = "The APA threshold when the rent is persistently underpaid") BigDecimal apaWithPersistentUnderpaymentAt,
            @Schema(description = "That threshold in months of rent") int apaPersistentUnderpaymentMonths,
            @Schema(description = "Arrears at which a third-party deduction can be requested") BigDecimal tpdAt,
            @Schema(description = "That threshold in months of rent") int tpdMonths,
            @Schema(description = "The real arrears they are compared with") BigDecimal realArrears) {
    }

    /** A step to raise the household's income, and whether it must come before any enforcement step. */
    @Schema(name = "IncomeAction", description = "A step to raise the household's income")
    public record IncomeAction(@Schema(description = "The step") ActionType type, @Schema(description = "Its priority, 1 first") int priority,
            @Schema(description = "It must be taken before any enforcement step") boolean beforeEnforcement,
            @Schema(description = "Why, in a sentence") String reason, @Schema(description = "Its policy or legal reference") String reference,
            @Schema(description = "The table row behind it, e.g. IncomeMaximisation/uc-managed-payment") String row) {
    }
}
