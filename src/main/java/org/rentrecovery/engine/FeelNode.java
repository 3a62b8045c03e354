package org.rentrecovery.engine;

import java.util.Map;

/**
 * One parsed FEEL expression of the subset ({@link FeelParser}), evaluated against the names in scope (the
 * model's inputs and the decisions made so far). Throws {@link FeelOps.Declined} where kie-dmn's answer is not
 * certain.
 */
@FunctionalInterface
interface FeelNode {
    Object eval(Map<String, Object> scope);

    /** A literal: its value is known when the model is compiled. */
    record Constant(Object value) implements FeelNode {
        @Override
        public Object eval(Map<String, Object> scope) {
            return value;
        }
    }

    /** A name in scope; absent from the scope means kie-dmn would report it unknown, so the fast path declines. */
    record Name(String name) implements FeelNode {
        @Override
        public Object eval(Map<String, Object> scope) {
            Object value = scope.get(name);
            if (value == null && !scope.containsKey(name)) {
                throw FeelOps.decline("unknown name " + name);
            }
            return value;
        }
    }

    static Object constantOrNull(FeelNode node) {
        return node instanceof Constant constant ? constant.value() : null;
    }
}
