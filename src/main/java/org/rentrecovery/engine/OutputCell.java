package org.rentrecovery.engine;

import java.util.regex.Matcher;

import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.LiteralExpression;

/**
 * An output cell as the checks read it: a literal's value (a quoted string unquoted, a number or a boolean as
 * written), null for {@code null} or an empty cell, or else an expression, which only evaluation can value.
 */
record OutputCell(String text, String value, boolean isExpression) {

    static OutputCell of(DecisionRule rule, int column) {
        if (column >= rule.getOutputEntry().size()) {
            return new OutputCell("", null, false);
        }
        LiteralExpression entry = rule.getOutputEntry().get(column);
        String text = entry.getText() == null ? "" : entry.getText().trim();
        if (text.isEmpty() || text.equals("null")) {
            return new OutputCell(text, null, false);
        }
        Matcher literal = VocabularyTypes.STRING_LITERAL.matcher(text);
        if (literal.matches()) {
            return new OutputCell(text, literal.group(1).replace("\\\"", "\"").replace("\\\\", "\\"), false);
        }
        if (text.matches("-?\\d+(\\.\\d+)?") || text.equals("true") || text.equals("false")) {
            return new OutputCell(text, text, false);
        }
        return new OutputCell(text, null, true);
    }

    boolean empty() {
        return value == null && !isExpression;
    }
}
