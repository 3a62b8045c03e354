package org.rentrecovery.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the fast evaluator does with values, written to give exactly kie-dmn's answer on the values it
 * accepts, and to decline ({@link Declined}) wherever kie-dmn could report an error, a warning that changes
 * the answer, or a value this code is not certain to reproduce (a null where FEEL gives null, mixed types, a
 * tie between equal numbers written differently). A declined evaluation is made again by kie-dmn.
 */
final class FeelOps {

    /** The fast path cannot be sure of kie-dmn's answer on these inputs; the caller evaluates with kie-dmn. */
    static final class Declined extends RuntimeException {
        Declined(String reason) {
            super(reason, null, false, false);
        }
    }

    private FeelOps() {
    }

    static Declined decline(String reason) {
        return new Declined(reason);
    }

    /** FEEL {@code =}: null equals only null; numbers by value; otherwise values of one kind. */
    static boolean equal(Object left, Object right) {
        if (left == null || right == null) {
            return left == right;
        }
        if (left instanceof BigDecimal l && right instanceof BigDecimal r) {
            return l.compareTo(r) == 0;
        }
        if (left.getClass() != right.getClass() || !(left instanceof String || left instanceof Boolean || left instanceof LocalDate)) {
            throw decline("= between " + left.getClass().getSimpleName() + " and " + right.getClass().getSimpleName());
        }
        return left.equals(right);
    }

    /** Order of two numbers or two dates; anything else (null included) declines. */
    static int compare(Object left, Object right) {
        if (left instanceof BigDecimal l && right instanceof BigDecimal r) {
            return l.compareTo(r);
        }
        if (left instanceof LocalDate l && right instanceof LocalDate r) {
            return l.compareTo(r);
        }
        throw decline("order between " + kind(left) + " and " + kind(right));
    }

    /** {@code +} (numbers, two strings, a date and a years-months duration) or {@code -} (numbers). */
    static Object arithmetic(boolean plus, Object left, Object right) {
        if (left instanceof BigDecimal l && right instanceof BigDecimal r) {
            return plus ? l.add(r, MathContext.DECIMAL128) : l.subtract(r, MathContext.DECIMAL128);
        }
        if (plus && left instanceof String l && right instanceof String r) {
            return l + r;
        }
        if (plus && left instanceof LocalDate l && right instanceof Period r) {
            return l.plus(r);
        }
        throw decline((plus ? "+" : "-") + " between " + kind(left) + " and " + kind(right));
    }

    static Object negate(Object value) {
        if (value instanceof BigDecimal number) {
            return number.negate();
        }
        throw decline("- of " + kind(value));
    }

    /** {@code and} or {@code or} of two booleans; a null (FEEL's third value) declines. */
    static Boolean logical(boolean or, Object left, Object right) {
        boolean l = bool(left);
        boolean r = bool(right);
        return or ? l || r : l && r;
    }

    /** A boolean; a null, which FEEL treats as its third value, declines, as does anything else. */
    static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw decline("a " + kind(value) + " where FEEL wants true or false");
    }

    /** A path step: {@code Table.column} on a row, or on every row of a list of rows. */
    static Object path(Object value, String name) {
        if (value instanceof Map<?, ?> row && row.containsKey(name)) {
            return row.get(name);
        }
        if (value instanceof List<?> rows) {
            List<Object> column = new ArrayList<>(rows.size());
            for (Object row : rows) {
                column.add(path(row, name));
            }
            return column;
        }
        throw decline("path ." + name + " on " + kind(value));
    }

    static List<?> list(Object value, String function) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw decline(function + " of " + kind(value));
    }

    static BigDecimal count(Object value) {
        return BigDecimal.valueOf(list(value, "count").size());
    }

    static BigDecimal sum(Object value) {
        List<?> numbers = list(value, "sum");
        if (numbers.isEmpty()) {
            throw decline("sum of an empty list");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Object number : numbers) {
            if (!(number instanceof BigDecimal n)) {
                throw decline("sum over " + kind(number));
            }
            sum = sum.add(n, MathContext.DECIMAL128);
        }
        return sum;
    }

    /**
     * The least (or greatest) number, the first of equals; declines on an empty list, a non-number, or equal
     * numbers of different scale (which one kie-dmn returns then shows in the answer, 5 against 5.00).
     */
    static BigDecimal extreme(List<?> values, boolean least) {
        if (values.isEmpty()) {
            throw decline("min or max of nothing");
        }
        BigDecimal best = null;
        for (Object value : values) {
            if (!(value instanceof BigDecimal number)) {
                throw decline("min or max over " + kind(value));
            }
            if (best == null) {
                best = number;
                continue;
            }
            int order = number.compareTo(best);
            if (order == 0 && number.scale() != best.scale()) {
                throw decline("min or max between equal numbers of different scale");
            }
            if (least ? order < 0 : order > 0) {
                best = number;
            }
        }
        return best;
    }

    static List<Object> concatenate(List<Object> lists) {
        List<Object> all = new ArrayList<>();
        for (Object list : lists) {
            all.addAll(list(list, "concatenate"));
        }
        return all;
    }

    static String kind(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
