package org.rentrecovery.decision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rentrecovery.contract.DecisionAnswer;
import org.rentrecovery.contract.DecisionFields;
import org.rentrecovery.contract.PolicyVersion;
import org.rentrecovery.contract.Reason;
import org.rentrecovery.writeoff.WriteOffDecision;

/** The answer of POST /api/decisions/write-off: the write-off part alone, with the arrears and write-off reasons. */
@Schema(name = "WriteOffAnswer")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WriteOffAnswer(
        @Schema(description = DecisionFields.DECISION_ID) String decisionId,
        @Schema(description = DecisionFields.CASE_REF) String caseRef,
        @Schema(description = DecisionFields.AS_OF) LocalDate asOf,
        @Schema(description = DecisionFields.DECIDED_AT) OffsetDateTime decidedAt,
        @Schema(description = DecisionFields.POLICY) PolicyVersion policy,
        @Schema(description = "Whether any of the debt may be written off (statute-barred, untraceable, uneconomic), how much and why") WriteOffDecision writeOff,
        @Schema(description = "The reasons behind the write-off answer and the arrears it starts from, each citing its table row or rule") List<Reason> reasons) implements DecisionAnswer {
}
