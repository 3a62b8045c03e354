package org.rentrecovery.decision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rentrecovery.contract.DecisionAnswer;
import org.rentrecovery.contract.PolicyVersion;
import org.rentrecovery.contract.Reason;
import org.rentrecovery.writeoff.WriteOffDecision;

/** The answer of POST /api/decisions/write-off: the write-off part alone, with the arrears and write-off reasons. */
@Schema(name = "WriteOffAnswer")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WriteOffAnswer(
        String decisionId,
        String caseRef,
        LocalDate asOf,
        OffsetDateTime decidedAt,
        PolicyVersion policy,
        WriteOffDecision writeOff,
        List<Reason> reasons) implements DecisionAnswer {
}
