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
        BigDecimal arrears,
        BigDecimal monthlyIncome,
        BigDecimal monthlyEssentialSpending,
        BigDecimal surplusPerMonth,
        BigDecimal surplusPerWeek,
        BigDecimal shareOfSurplus,
        BigDecimal floorPerWeek,
        BigDecimal ceilingPerWeek,
        String limitsRow,
        BigDecimal affordablePerWeek,
        RentFrequency rentFrequency,
        BigDecimal affordablePerPeriod,
        Integer weeksToClear,
        String explanation) {
}
