package org.rentrecovery.benefitcap;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rentrecovery.contract.DecisionFields;
import org.rentrecovery.contract.PolicyVersion;
import org.rentrecovery.contract.Reason;

/** The answer of POST /api/decisions/benefit-cap: the benefit cap part of a decision alone. */
@Schema(name = "BenefitCapDecision")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenefitCapDecision(
        @Schema(description = DecisionFields.DECISION_ID) String decisionId,
        @Schema(description = DecisionFields.CASE_REF) String caseRef,
        @Schema(description = DecisionFields.AS_OF) LocalDate asOf,
        @Schema(description = DecisionFields.DECIDED_AT) OffsetDateTime decidedAt,
        @Schema(description = DecisionFields.POLICY) PolicyVersion policy,
        @Schema(description = "Whether the household is exempt from the benefit cap, its early-intervention priority and the income steps to take") BenefitCap benefitCap,
        @Schema(description = "An affordable repayment arrangement from the household's income and spending (absent when they were not given)") RepaymentPlan repaymentPlan,
        @Schema(description = "The reasons behind the benefit cap and repayment answers, each citing its table row or rule") List<Reason> reasons) implements org.rentrecovery.contract.DecisionAnswer {
}
