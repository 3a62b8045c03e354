package org.rentrecovery.benefitcap;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rentrecovery.contract.PolicyVersion;
import org.rentrecovery.contract.Reason;

/** The answer of POST /api/decisions/benefit-cap: the benefit cap part of a decision alone. */
@Schema(name = "BenefitCapDecision")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenefitCapDecision(String decisionId, String caseRef, LocalDate asOf, OffsetDateTime decidedAt,
        PolicyVersion policy, BenefitCap benefitCap, RepaymentPlan repaymentPlan, List<Reason> reasons) implements org.rentrecovery.contract.DecisionAnswer {
}
