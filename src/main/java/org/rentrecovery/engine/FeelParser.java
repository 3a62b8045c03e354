package org.rentrecovery.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.rentrecovery.engine.FeelLexer.Kind;
import org.rentrecovery.engine.FeelLexer.OutsideSubset;
import org.rentrecovery.engine.FeelLexer.Token;

/**
 * Parses the FEEL expressions the policy tables use (input expressions, output cells, literal-expression
 * decisions and the end points of unary tests) into {@link FeelNode}s: literals, names, paths
 * ({@code Table.column}), {@code + -}, comparisons, {@code and or not(...)}, {@code if then else},
 * {@code x in [..]}, list literals, and the functions {@code count sum min max concatenate date duration}.
 * Anything else is {@link OutsideSubset}.
 */
final class FeelParser {
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern YEARS_MONTHS = Pattern.compile("P(\\d+Y)?(\\d+M)?");

    /** Words that may follow a name; any other word after a name makes a name with spaces, outside the subset. */
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("and", "or", "in", "then", "else");

    private final List<Token> tokens;
    private int at;

    FeelParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** A whole expression; the text must hold nothing else. */
    static FeelNode expression(String text) {
        FeelParser parser = new FeelParser(FeelLexer.tokens(text));
        FeelNode node = parser.expression();
        parser.expectEnd();
        return node;
    }

    Token peek() {
        return tokens.get(at);
    }

    Token next() {
        return tokens.get(at++);
    }

    boolean accept(String symbol) {
        if (peek().is(symbol)) {
            at++;
            return true;
        }
        return false;
    }

    void expect(String symbol) {
        if (!accept(symbol)) {
            throw new OutsideSubset("expected " + symbol + " at " + peek().text());
        }
    }

    void expectEnd() {
        if (peek().kind() != Kind.END) {
            throw new OutsideSubset("unexpected " + peek().text());
        }
    }

    FeelNode expression() {
        if (accept("if")) {
            FeelNode condition = expression();
            expect("then");
            FeelNode then = expression();
            expect("else");
            FeelNode otherwise = expression();
            return scope -> FeelOps.bool(condition.eval(scope)) ? then.eval(scope) : otherwise.eval(scope);
        }
        return logical("or", this::conjunction);
    }

    private FeelNode conjunction() {
        return logical("and", this::comparison);
    }

    /** {@code a and b} or {@code a or b}: both sides always worked out, as a side the fast path declines must decline. */
    private FeelNode logical(String operator, java.util.function.Supplier<FeelNode> operand) {
        FeelNode left = operand.get();
        while (accept(operator)) {
            FeelNode l = left;
            FeelNode r = operand.get();
            left = scope -> FeelOps.logical(operator.equals("or"), l.eval(scope), r.eval(scope));
        }
        return left;
    }

    private FeelNode comparison() {
        FeelNode left = additive();
        if (accept("in")) {
            if (!peek().is("[")) {
                throw new OutsideSubset("in without a list");
            }
            FeelNode list = primary();
            return scope -> {
                Object value = left.eval(scope);
                if (value == null) {
                    throw FeelOps.decline("null in a list");
                }
                for (Object item : FeelOps.list(list.eval(scope), "in")) {
                    if (FeelOps.equal(value, item)) {
                        return Boolean.TRUE;
                    }
                }
                return Boolean.FALSE;
            };
        }
        String op = peek().text();
        if (peek().kind() != Kind.SYMBOL || !List.of("=", "!=", "<", "<=", ">", ">=").contains(op)) {
            return left;
        }
        next();
        FeelNode right = additive();
        return switch (op) {
            case "=" -> scope -> FeelOps.equal(left.eval(scope), right.eval(scope));
            case "!=" -> scope -> !FeelOps.equal(left.eval(scope), right.eval(scope));
            default -> scope -> CellTests.ordered(op, FeelOps.compare(left.eval(scope), right.eval(scope)));
        };
    }

    FeelNode additive() {
        FeelNode left = unary();
        while (peek().is("+") || peek().is("-")) {
            boolean plus = next().is("+");
            FeelNode l = left;
            FeelNode r = unary();
            left = folded(scope -> FeelOps.arithmetic(plus, l.eval(scope), r.eval(scope)), l, r);
        }
        return left;
    }

    private FeelNode unary() {
        if (accept("-")) {
            FeelNode operand = unary();
            FeelNode negated = scope -> FeelOps.negate(operand.eval(scope));
            return operand instanceof FeelNode.Constant ? constant(negated) : negated;
        }
        FeelNode node = primary();
        while (accept(".")) {
            Token name = next();
            if (name.kind() != Kind.NAME) {
                throw new OutsideSubset("a path without a name");
            }
            FeelNode base = node;
            node = scope -> FeelOps.path(base.eval(scope), name.text());
        }
        return node;
    }

    private FeelNode primary() {
        Token token = next();
        switch (token.kind()) {
            case NUMBER:
                return new FeelNode.Constant(new BigDecimal(token.text(), MathContext.DECIMAL128));
            case STRING:
                return new FeelNode.Constant(token.text());
            case NAME:
                return named(token.text());
            default:
                break;
        }
        if (token.is("(")) {
            FeelNode inner = expression();
            expect(")");
            return inner;
        }
        if (token.is("[")) {
            List<FeelNode> items = arguments("]");
            return listOf(items);
        }
        throw new OutsideSubset("unexpected " + token.text());
    }

    private FeelNode named(String name) {
        switch (name) {
            case "true":
                return new FeelNode.Constant(Boolean.TRUE);
            case "false":
                return new FeelNode.Constant(Boolean.FALSE);
            case "null":
                return new FeelNode.Constant(null);
            case "if", "then", "else", "and", "or", "in", "between", "some", "every", "for", "instance", "function":
                throw new OutsideSubset("keyword " + name + " out of place");
            default:
                break;
        }
        if (peek().kind() == Kind.NAME && !KEYWORDS.contains(peek().text())) {
            throw new OutsideSubset("a name with spaces: " + name + " " + peek().text());
        }
        if (accept("(")) {
            return FeelFunctions.call(name, arguments(")"));
        }
        return new FeelNode.Name(name);
    }

    List<FeelNode> arguments(String close) {
        List<FeelNode> items = new ArrayList<>();
        if (accept(close)) {
            return items;
        }
        do {
            items.add(expression());
        } while (accept(","));
        expect(close);
        return items;
    }

    private static FeelNode listOf(List<FeelNode> items) {
        return scope -> {
            List<Object> values = new ArrayList<>(items.size());
            for (FeelNode item : items) {
                values.add(item.eval(scope));
            }
            return values;
        };
    }

    /** An operation on two literals is worked out once, when the model is compiled. */
    private static FeelNode folded(FeelNode operation, FeelNode left, FeelNode right) {
        return left instanceof FeelNode.Constant && right instanceof FeelNode.Constant ? constant(operation) : operation;
    }

    /** Works a node of literals out now; one that cannot be worked out ("a" + 1) is not in the subset. */
    static FeelNode.Constant constant(FeelNode node) {
        try {
            return new FeelNode.Constant(node.eval(java.util.Map.of()));
        } catch (FeelOps.Declined e) {
            throw new OutsideSubset(e.getMessage());
        }
    }

    static LocalDate date(String text) {
        if (!ISO_DATE.matcher(text).matches()) {
            throw new OutsideSubset("date(\"" + text + "\")");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new OutsideSubset("date(\"" + text + "\")");
        }
    }

    /** Only years-and-months durations, added to dates: a days-and-time duration on a date is not in the subset. */
    static Period duration(String text) {
        if (!YEARS_MONTHS.matcher(text).matches() || text.equals("P")) {
            throw new OutsideSubset("duration(\"" + text + "\")");
        }
        return Period.parse(text);
    }
}
