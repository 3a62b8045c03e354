package org.rentrecovery.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.kie.dmn.api.core.DMNType;
import org.rentrecovery.engine.FeelLexer.OutsideSubset;

/**
 * kie-dmn's own run-time type check of a value against a DMN type ({@link DMNType#isAssignableValue}), asked once
 * per kind of value and remembered: for a type with no allowed values or constraint anywhere in its chain the
 * answer depends only on the value's class; for a type with allowed values (the vocabulary's names) on the value
 * itself, of which a policy has a few dozen. Past {@link #MEMORY} values the check is asked every time.
 */
final class TypeGate {
    static final int MEMORY = 512;

    private final DMNType type;
    private final boolean byClass;
    private final Map<Object, Boolean> answers = new ConcurrentHashMap<>();
    private final boolean nullPasses;
    /**
     * For a gate that answers by class, the last class it admitted: an input gate sees one class a decision after
     * another, and this spares the look-up in {@link #answers}. Written racily: a class once admitted always is.
     */
    private Class<?> admittedClass;

    TypeGate(DMNType type) {
        this.type = type;
        this.byClass = unconstrained(type);
        this.nullPasses = type.isAssignableValue(null);
    }

    /** The value passes the check kie-dmn makes; false means kie-dmn reports a type error. */
    boolean admits(Object value) {
        if (value == null) {
            return nullPasses;
        }
        if (byClass && value.getClass() == admittedClass) {
            return true;
        }
        Object key = byClass ? value.getClass() : value;
        Boolean known = answers.get(key);
        if (known != null) {
            if (known && byClass) {
                admittedClass = value.getClass();
            }
            return known;
        }
        boolean answer = type.isAssignableValue(value);
        if (answers.size() < MEMORY && (byClass || value instanceof String || value instanceof Boolean
                || value instanceof BigDecimal || value instanceof LocalDate)) {
            answers.put(key, answer);
        }
        return answer;
    }

    DMNType type() {
        return type;
    }

    private static boolean unconstrained(DMNType type) {
        for (DMNType t = type; t != null; t = t.getBaseType()) {
            if (t.isComposite() || t.isCollection() || !empty(t.getAllowedValues()) || !empty(t.getTypeConstraint())) {
                return false;
            }
        }
        return true;
    }

    private static boolean empty(java.util.List<?> list) {
        return list == null || list.isEmpty();
    }

    /** The FEEL built-in a simple type rests on: number, string, boolean or date; anything else is outside the subset. */
    static String builtin(DMNType type) {
        DMNType root = type;
        while (root.getBaseType() != null) {
            root = root.getBaseType();
        }
        String name = root.getName();
        if (root.isComposite() || root.isCollection() || !java.util.List.of("number", "string", "boolean", "date").contains(name)) {
            throw new OutsideSubset("a column of type " + type.getName());
        }
        return name;
    }
}
