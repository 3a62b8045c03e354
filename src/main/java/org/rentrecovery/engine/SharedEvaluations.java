package org.rentrecovery.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The scope of {@link ModelSet#sharingEvaluations}: on this thread, while the work runs, each model evaluation
 * is kept by (model content, model, inputs) and answers the same evaluation asked again. A DMN model is a
 * function of its files and its inputs (no table reads a clock), and an {@link Evaluation} is read-only, so
 * the answer is the one a fresh evaluation would give. Outside a scope nothing is kept: a decision asked
 * on its own always evaluates every table.
 */
final class SharedEvaluations {
    /** Model content digest, model name, inputs (a record: equal by value). */
    record Key(String content, String model, Record inputs) {
    }

    private static final ThreadLocal<Map<Key, Evaluation>> SCOPE = new ThreadLocal<>();

    private SharedEvaluations() {
    }

    static <T> T within(Supplier<T> work) {
        Map<Key, Evaluation> outer = SCOPE.get();
        if (outer != null) {
            return work.get(); // already sharing: the outer scope keeps them
        }
        SCOPE.set(new HashMap<>());
        try {
            return work.get();
        } finally {
            SCOPE.remove();
        }
    }

    /** A key only inside a scope (none outside, so a lone decision builds nothing). */
    static Key key(String content, String model, Record inputs) {
        return SCOPE.get() == null || content == null ? null : new Key(content, model, inputs);
    }

    static Evaluation find(Key key) {
        Map<Key, Evaluation> scope = key == null ? null : SCOPE.get();
        return scope == null ? null : scope.get(key);
    }

    static void keep(Key key, Evaluation evaluation) {
        Map<Key, Evaluation> scope = key == null ? null : SCOPE.get();
        if (scope != null) {
            scope.put(key, evaluation);
        }
    }
}
