package org.rentrecovery.engine;

import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNMessageType;
import org.kie.dmn.model.api.DMNModelInstrumentedBase;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.HitPolicy;

/**
 * The decision-table analyser's advice that contradicts how the service asks tables to be written, and so is not
 * passed on as a warning: a FIRST table "should be PRIORITY" and "violates First Normal Form" (docs/policy-authoring.md
 * asks for FIRST tables ending with a catch-all row, where order is the point), and rows of a COLLECT table with the
 * same inputs "are duplicates" (the actions table lists several steps for one rung that way). Every policy version
 * carried a score of these, which hid the warnings about the author's own change. Errors are always passed on.
 */
final class AnalyserAdvice {
    private AnalyserAdvice() {
    }

    static boolean contradictsGuidance(DMNMessage message) {
        if (message.getSeverity() != DMNMessage.Severity.WARN) {
            return false;
        }
        HitPolicy policy = hitPolicy(message.getSourceReference());
        String text = message.getText() == null ? "" : message.getText();
        if (message.getMessageType() == DMNMessageType.DECISION_TABLE_HITPOLICY_RECOMMENDER) {
            return policy == HitPolicy.FIRST && text.contains("should be PRIORITY");
        }
        if (message.getMessageType() == DMNMessageType.DECISION_TABLE_1STNFVIOLATION) {
            return policy == HitPolicy.FIRST && text.contains("hit policy First is a violation")
                    || policy == HitPolicy.COLLECT && text.contains("are duplicates");
        }
        return false;
    }

    /** The hit policy of the table the message is about (climbing from the element it names); null when it names none. */
    private static HitPolicy hitPolicy(Object reference) {
        for (DMNModelInstrumentedBase node = reference instanceof DMNModelInstrumentedBase base ? base : null; node != null;
                node = node.getParent()) {
            if (node instanceof DecisionTable table) {
                return table.getHitPolicy() == null ? HitPolicy.UNIQUE : table.getHitPolicy();
            }
        }
        return null;
    }
}
