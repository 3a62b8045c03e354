package org.rentrecovery.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.namespace.QName;

import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.model.api.InputClause;
import org.rentrecovery.engine.FeelLexer.OutsideSubset;

/**
 * What a decision table's input column reads, for {@link FastTable}: its expression and the kind of value it
 * holds (number, string, boolean, date), found from the input data or the decision it names. A column whose
 * declared type is not the type of what it reads is outside the subset (kie-dmn may check one against the other).
 */
final class FastSources {
    private static final Pattern NAME_OR_PATH = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\.([A-Za-z_][A-Za-z0-9_]*))?");
    private static final List<String> BUILTINS = List.of("number", "string", "boolean", "date");

    /** A column: what it reads and the kind of value. */
    record Column(FeelNode expression, String kind) {
    }

    private final Map<String, DMNType> inputTypes;
    private final Map<String, DMNType> decisionTypes;

    FastSources(Map<String, DMNType> inputTypes, Map<String, DMNType> decisionTypes) {
        this.inputTypes = inputTypes;
        this.decisionTypes = decisionTypes;
    }

    Column column(InputClause clause) {
        feel(clause.getInputExpression().getExpressionLanguage());
        if (clause.getInputValues() != null) {
            throw new OutsideSubset("an input column with input values");
        }
        String text = clause.getInputExpression().getText().trim();
        FeelNode expression = FeelParser.expression(text);
        QName typeRef = clause.getInputExpression().getTypeRef();
        String declared = typeRef == null ? null : typeRef.getLocalPart();
        DMNType source = sourceType(text);
        if (source == null) {
            // A computed column ("capApplied and not(capAppearsWronglyApplied)"): its declared built-in type.
            if (declared == null || !BUILTINS.contains(declared)) {
                throw new OutsideSubset("a computed input column without a built-in type: " + text);
            }
            return new Column(expression, declared);
        }
        String kind = TypeGate.builtin(source);
        boolean sameType = declared == null || declared.equals(kind)
                || declared.substring(declared.lastIndexOf('.') + 1).equals(source.getName());
        if (!sameType) {
            throw new OutsideSubset("input column " + text + " declared " + declared + " reads a " + source.getName());
        }
        return new Column(expression, kind);
    }

    /** The type of an input data node, or of a column of a decision's result; null for any other expression. */
    private DMNType sourceType(String text) {
        Matcher m = NAME_OR_PATH.matcher(text);
        if (!m.matches()) {
            return null;
        }
        if (m.group(2) == null) {
            DMNType type = inputTypes.containsKey(m.group(1)) ? inputTypes.get(m.group(1)) : decisionTypes.get(m.group(1));
            if (type == null) {
                throw new OutsideSubset("an input column reading " + text + ", which is neither an input nor a decision");
            }
            return type;
        }
        DMNType owner = decisionTypes.get(m.group(1));
        DMNType field = owner == null || !owner.isComposite() ? null : owner.getFields().get(m.group(2));
        if (field == null) {
            throw new OutsideSubset("an input column reading " + text + ", which is not a column of a decision");
        }
        return field;
    }

    /** Only FEEL: a cell in another expression language is outside the subset. */
    static void feel(String expressionLanguage) {
        if (expressionLanguage != null && !expressionLanguage.toUpperCase().contains("FEEL")) {
            throw new OutsideSubset("expression language " + expressionLanguage);
        }
    }

    /** A value as kie-dmn hands it out; anything else (a duration, a function) declines. */
    static Object plain(Object value) {
        if (value == null || value instanceof BigDecimal || value instanceof String || value instanceof Boolean
                || value instanceof LocalDate || value instanceof Map<?, ?>) {
            return value;
        }
        if (value instanceof List<?> list) {
            list.forEach(FastSources::plain);
            return value;
        }
        throw FeelOps.decline("a " + FeelOps.kind(value) + " as an answer");
    }
}
