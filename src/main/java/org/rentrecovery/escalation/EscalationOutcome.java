package org.rentrecovery.escalation;

import java.util.List;

/**
 * The rung of the ladder a case is on, and the steps the policy recommends for it.
 *
 * @param rowsMatched every row the ladder's tables selected, cited {@code Table/row-name}
 * @param helperRows  the rows of the ladder's other tables (a pause, a landlord's own signals) that fed the rung,
 *                    in the order they were evaluated: each is a reason of the answer
 * @param reference   where the rung's and helper rows' reasons point: the project's page on the default ladder, or the
 *                    version's own ladder file when the landlord changed it
 */
public record EscalationOutcome(String step, Integer stage, String explanation, String stepRow,
        List<PolicyAction> actions, List<String> rowsMatched, List<HelperRow> helperRows, String reference) {

    /**
     * A row of a table the ladder's model holds besides EscalationStep and EscalationActions.
     *
     * @param row  {@code Table/row-name}
     * @param note what the row says about itself (its "Why this row" annotation), or null when it says nothing
     */
    public record HelperRow(String row, String note) {
    }
}
