package org.rentrecovery.writeoff;

import java.util.List;

import org.rentrecovery.contract.ActionType;
import org.rentrecovery.engine.TableFailure;

/**
 * What the write-off and former tenant tables answer for a case they give no answer for
 * ({@link TableFailure}, docs/policy-authoring.md#when-a-table-has-no-answer): nothing is written off
 * (a write-off is not undone lightly), the most senior approval is asked for, and the former tenant
 * pathway's next step is an officer's review.
 */
final class WriteOffSafeAnswers {
    private static final String REFERENCE = "docs/policy-authoring.md#when-a-table-has-no-answer";

    private WriteOffSafeAnswers() {
    }

    static List<WriteOffAssessment.ReasonRow> reasons(TableFailure failure) {
        return List.of();
    }

    static WriteOffAssessment.ApproverRow approver(TableFailure failure) {
        return new WriteOffAssessment.ApproverRow("CABINET_OR_BOARD", failure.sentence(), REFERENCE);
    }

    static WriteOffAssessment.PathwayRow pathway(TableFailure failure) {
        return new WriteOffAssessment.PathwayRow(ActionType.REFER_FOR_MANUAL_REVIEW, "FORMER_TENANT_ARREARS_OFFICER", 0,
                "Review the case by hand: " + failure.sentence(), REFERENCE);
    }
}
