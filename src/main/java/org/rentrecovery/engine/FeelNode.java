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
    final class Name implements FeelNode {
        private final ScopeName name;

        Name(String name) {
            this.name = new ScopeName(name);
        }

        String name() {
            return name.name();
        }

        @Override
        public Object eval(Map<String, Object> scope) {
            Object value = name.read(scope);
            if (value == ScopeName.MISSING) {
                throw FeelOps.decline("unknown name " + name.name());
            }
            return value;
        }

        @Override
        public String toString() {
            return "Name[name=" + name.name() + "]";
        }
    }

    static Object constantOrNull(FeelNode node) {
        return node instanceof Constant constant ? constant.value() : null;
    }
}
