package org.rentrecovery.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rentrecovery.engine.FeelLexer.Kind;
import org.rentrecovery.engine.FeelLexer.OutsideSubset;

/**
 * An input cell of a decision table (FEEL unary tests) as a matcher: {@code -}; literals (a name, a number,
 * {@code true}, {@code null}, {@code date("...")}) tested for equality; {@code < <= > >=} and ranges
 * {@code [a..b]} whose end points may name inputs ({@code >= weeklyRent}, {@code [asOf..asOf + duration("P3M")]});
 * lists of these ({@code "A","B"}); and {@code not(...)} of a list. An input that is null satisfies only
 * {@code -}, {@code null} and a {@code not(...)} that does not test for null.
 */
final class CellTests {

    /** One cell, compiled. */
    @FunctionalInterface
    interface CellTest {
        boolean test(Object value, Map<String, Object> scope);
    }

    static final CellTest ANY = (value, scope) -> true;

    private CellTests() {
    }

    /**
     * @param text the cell
     * @param kind the column's base type (number, string, boolean, date), to refuse a literal of another kind
     */
    static CellTest parse(String text, String kind) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty() || trimmed.equals("-")) {
            return ANY;
        }
        FeelParser parser = new FeelParser(FeelLexer.tokens(trimmed));
        CellTest test;
        if (parser.peek().is("not")) {
            parser.next();
            parser.expect("(");
            CellTest positive = positiveList(parser, kind);
            parser.expect(")");
            test = (value, scope) -> !positive.test(value, scope);
        } else {
            test = positiveList(parser, kind);
        }
        parser.expectEnd();
        return test;
    }

    private static CellTest positiveList(FeelParser parser, String kind) {
        List<CellTest> tests = new ArrayList<>();
        do {
            tests.add(positive(parser, kind));
        } while (parser.accept(","));
        if (tests.size() == 1) {
            return tests.get(0);
        }
        CellTest[] all = tests.toArray(CellTest[]::new);
        return (value, scope) -> {
            for (CellTest test : all) {
                if (test.test(value, scope)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static CellTest positive(FeelParser parser, String kind) {
        FeelLexer.Token token = parser.peek();
        if (token.kind() == Kind.SYMBOL && List.of("<", "<=", ">", ">=").contains(token.text())) {
            parser.next();
            FeelNode bound = endPoint(parser, kind);
            String op = token.text();
            return (value, scope) -> value != null && ordered(op, FeelOps.compare(value, bound.eval(scope)));
        }
        if (token.is("[") || token.is("(") || token.is("]")) {
            return range(parser, kind);
        }
        FeelNode literal = parser.additive();
        if (!(literal instanceof FeelNode.Constant constant)) {
            throw new OutsideSubset("an equality test on an expression");
        }
        Object expected = constant.value();
        if (expected == null) {
            return (value, scope) -> value == null;
        }
        checkKind(expected, kind);
        return (value, scope) -> value != null && FeelOps.equal(value, expected);
    }

    private static CellTest range(FeelParser parser, String kind) {
        boolean lowClosed = parser.next().is("[");
        FeelNode low = endPoint(parser, kind);
        parser.expect("..");
        FeelNode high = endPoint(parser, kind);
        FeelLexer.Token close = parser.next();
        if (!close.is("]") && !close.is(")") && !close.is("[")) {
            throw new OutsideSubset("a range without its end");
        }
        boolean highClosed = close.is("]");
        return (value, scope) -> {
            if (value == null) {
                return false;
            }
            int fromLow = FeelOps.compare(value, low.eval(scope));
            int fromHigh = FeelOps.compare(value, high.eval(scope));
            return (lowClosed ? fromLow >= 0 : fromLow > 0) && (highClosed ? fromHigh <= 0 : fromHigh < 0);
        };
    }

    /** A bound: a literal of the column's kind, or an expression of inputs. */
    private static FeelNode endPoint(FeelParser parser, String kind) {
        FeelNode bound = parser.additive();
        if (bound instanceof FeelNode.Constant constant) {
            if (constant.value() == null) {
                throw new OutsideSubset("a comparison with null");
            }
            checkKind(constant.value(), kind);
        }
        return bound;
    }

    private static void checkKind(Object literal, String kind) {
        String literalKind = literal instanceof java.math.BigDecimal ? "number" : literal instanceof String ? "string"
                : literal instanceof Boolean ? "boolean" : literal instanceof java.time.LocalDate ? "date" : "other";
        if (!literalKind.equals(kind)) {
            throw new OutsideSubset("a " + literalKind + " literal in a " + kind + " column");
        }
    }

    static boolean ordered(String op, int order) {
        return switch (op) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        };
    }
}
