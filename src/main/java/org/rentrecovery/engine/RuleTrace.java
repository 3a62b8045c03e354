package org.rentrecovery.engine;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

import org.drools.ruleunits.api.RuleUnitProvider;
import org.drools.ruleunits.api.conf.RuleConfig;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.dmn.api.core.event.AfterEvaluateDecisionTableEvent;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;

/**
 * Records, from the engines' own events, which decision-table rows were selected and which rules
 * fired while a piece of work runs on the current thread. Scenario runs use it for rule coverage.
 *
 * <p>Wiring is one line per engine: a DMN runtime adds {@link #dmnListener()}; a rule unit is
 * started with {@code unit.createInstance(data, RuleTrace.ruleConfig())}. Outside a recording the
 * listeners do nothing but read one thread-local, so production decisions pay almost nothing.
 */
public final class RuleTrace {

    /** What fired: a DMN table row ({@code table}, 1-based {@code row}) or a DRL rule ({@code rulePackage}, {@code rule}). */
    public record Hit(Kind kind, String container, String name) {
        public static Hit tableRow(String table, int row) {
            return new Hit(Kind.TABLE_ROW, table, Integer.toString(row));
        }

        public static Hit rule(String rulePackage, String rule) {
            return new Hit(Kind.RULE, rulePackage, rule);
        }

        /** The id used in decision reasons, e.g. {@code EscalationStep#15}, or the rule's name. */
        public String id() {
            return kind == Kind.TABLE_ROW ? container + "#" + name : name;
        }
    }

    public enum Kind { TABLE_ROW, RULE }

    /** A result and what fired while producing it. */
    public record Traced<T>(T result, Set<Hit> hits) {
    }

    private static final ThreadLocal<Set<Hit>> CURRENT = new ThreadLocal<>();

    private static final DMNRuntimeEventListener DMN_LISTENER = new DMNRuntimeEventListener() {
        @Override
        public void afterEvaluateDecisionTable(AfterEvaluateDecisionTableEvent event) {
            Set<Hit> hits = CURRENT.get();
            if (hits != null) {
                for (Integer row : event.getSelected()) {
                    hits.add(Hit.tableRow(event.getDecisionTableName(), row));
                }
            }
        }
    };

    private static final DefaultAgendaEventListener RULE_LISTENER = new DefaultAgendaEventListener() {
        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            Set<Hit> hits = CURRENT.get();
            if (hits != null) {
                Rule rule = event.getMatch().getRule();
                hits.add(Hit.rule(rule.getPackageName(), rule.getName()));
            }
        }
    };

    private RuleTrace() {
    }

    /** Add to every DMN runtime whose tables should count towards coverage. */
    public static DMNRuntimeEventListener dmnListener() {
        return DMN_LISTENER;
    }

    private static volatile RuleConfig ruleConfig;

    /**
     * The rule-unit configuration carrying the rule-firing listener; pass it to {@code createInstance}.
     * One shared instance (the listener is stateless), so a decision does not pay for a new one; do not
     * add listeners to it.
     */
    public static RuleConfig ruleConfig() {
        RuleConfig config = ruleConfig;
        if (config == null) {
            synchronized (RuleTrace.class) {
                if (ruleConfig == null) {
                    RuleConfig created = RuleUnitProvider.get().newRuleConfig();
                    created.getAgendaEventListeners().add(RULE_LISTENER);
                    ruleConfig = created;
                }
                config = ruleConfig;
            }
        }
        return config;
    }

    /** Runs the work on this thread and returns its result with everything that fired meanwhile. */
    public static <T> Traced<T> record(Supplier<T> work) {
        Set<Hit> outer = CURRENT.get();
        Set<Hit> hits = new LinkedHashSet<>();
        CURRENT.set(hits);
        try {
            T result = work.get();
            return new Traced<>(result, Set.copyOf(hits));
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                outer.addAll(hits);
                CURRENT.set(outer);
            }
        }
    }
}
