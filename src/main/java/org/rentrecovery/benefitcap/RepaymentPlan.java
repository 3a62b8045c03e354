package org.rentrecovery.benefitcap;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rentrecovery.contract.Vocabulary.RentFrequency;

/**
 * An affordable arrangement towards the arrears, on top of the current rent, from the household's
 * income and essential spending and the landlord's limits (RepaymentLimits in the benefit cap DMN).
 */
@Schema(name = "RepaymentPlan")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RepaymentPlan(
        @Schema(description = "PLAN, RAISED_TO_FLOOR, CAPPED_AT_CEILING, LIMITED_TO_ARREARS, BELOW_FLOOR (all the spare income, less than the floor), NO_SURPLUS, NO_ARREARS or NOT_KNOWN (income or spending missing)")
        String status,
        @Schema(description = "The real arrears the plan is for") BigDecimal arrears,
        @Schema(description = "The household's income a month, as sent") BigDecimal monthlyIncome,
        @Schema(description = "Its essential spending a month, as sent") BigDecimal monthlyEssentialSpending,
        @Schema(description = "Income less essential spending, a month") BigDecimal surplusPerMonth,
        @Schema(description = "The same a week (x 12 / 52)") BigDecimal surplusPerWeek,
        @Schema(description = "The share of the spare income the landlord asks for (RepaymentLimits)") BigDecimal shareOfSurplus,
        @Schema(description = "The smallest weekly amount the landlord accepts") BigDecimal floorPerWeek,
        @Schema(description = "The largest weekly amount the landlord asks for") BigDecimal ceilingPerWeek,
        @Schema(description = "The RepaymentLimits row that set share, floor and ceiling") String limitsRow,
        @Schema(description = "The affordable amount a week towards the arrears, on top of the rent, rounded down") BigDecimal affordablePerWeek,
        @Schema(description = "The rent frequency the per-period amount is for") RentFrequency rentFrequency,
        @Schema(description = "The affordable amount each rent period") BigDecimal affordablePerPeriod,
        @Schema(description = "Weeks to clear the real arrears at that amount, rounded up") Integer weeksToClear,
        @Schema(description = "The sums, in words") String explanation) {
}
