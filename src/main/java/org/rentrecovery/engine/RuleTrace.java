package org.rentrecovery.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
 * The one tracer of the engine: which decision-table rows were selected and which DRL rules fired
 * on the current thread, from the engines' own events (never guessed from outputs).
 *
 * <p>Two readers use it. A {@link ModelSet} evaluation reads the rows its own tables selected (to
 * cite them in reasons); a scenario run wraps a whole decision in {@link #record} for rule coverage.
 * One listener per engine, registered once when a model set is compiled ({@link #dmnListener()})
 * or carried by the shared rule configuration ({@link #ruleConfig()}); each thread keeps one
 * reusable {@link Recorder}, so a decision registers nothing and allocates almost nothing for tracing.
 */
public final class RuleTrace {

    /** What fired: a DMN table row ({@code table}, its stable row name) or a DRL rule ({@code rulePackage}, {@code rule}). */
    public record Hit(Kind kind, String container, String name) {
        public static Hit tableRow(String table, String rowName) {
            return new Hit(Kind.TABLE_ROW, table, rowName);
        }

        public static Hit rule(String rulePackage, String rule) {
            return new Hit(Kind.RULE, rulePackage, rule);
        }

        /** The id used in decision reasons: {@code EscalationStep/serve-notice} for a row, the rule's name for a rule. */
        public String id() {
            return kind == Kind.TABLE_ROW ? RowNames.cite(container, name) : name;
        }
    }

    public enum Kind { TABLE_ROW, RULE }

    /** A result and what fired while producing it. */
    public record Traced<T>(T result, Set<Hit> hits) {
    }

    /** A table row selected during the DMN evaluation in progress on this thread (1-based, as the engine numbers them). */
    record SelectedRow(String table, int index) {
    }

    /** Per-thread state, created once per thread and reused. */
    static final class Recorder {
        /** Rows selected by the evaluation in progress; null when no {@link ModelSet} evaluation is running. */
        List<SelectedRow> evaluation;
        /** Everything fired inside {@link #record}; null outside a recording. */
        Set<Hit> recording;
    }

    private static final ThreadLocal<Recorder> CURRENT = ThreadLocal.withInitial(Recorder::new);

    private static final DMNRuntimeEventListener DMN_LISTENER = new DMNRuntimeEventListener() {
        @Override
        public void afterEvaluateDecisionTable(AfterEvaluateDecisionTableEvent event) {
            List<SelectedRow> rows = CURRENT.get().evaluation;
            if (rows != null) {
                for (Integer row : event.getSelected()) {
                    rows.add(new SelectedRow(event.getDecisionTableName(), row));
                }
            }
        }
    };

    private static final DefaultAgendaEventListener RULE_LISTENER = new DefaultAgendaEventListener() {
        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            Set<Hit> hits = CURRENT.get().recording;
            if (hits != null) {
                Rule rule = event.getMatch().getRule();
                hits.add(Hit.rule(rule.getPackageName(), rule.getName()));
            }
        }
    };

    private RuleTrace() {
    }

    /** Registered once on every DMN runtime the engine builds. */
    static DMNRuntimeEventListener dmnListener() {
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
        Recorder recorder = CURRENT.get();
        Set<Hit> outer = recorder.recording;
        Set<Hit> hits = new LinkedHashSet<>();
        recorder.recording = hits;
        try {
            T result = work.get();
            return new Traced<>(result, Set.copyOf(hits));
        } finally {
            if (outer != null) {
                outer.addAll(hits);
            }
            recorder.recording = outer;
        }
    }

    /** Starts collecting the rows one DMN evaluation selects; returns the previous collector to restore. */
    static List<SelectedRow> beginEvaluation(List<SelectedRow> rows) {
        Recorder recorder = CURRENT.get();
        List<SelectedRow> previous = recorder.evaluation;
        recorder.evaluation = rows;
        return previous;
    }

    /** Ends an evaluation: restores the previous collector and reports the named rows to a recording in progress. */
    static void endEvaluation(List<SelectedRow> previous, List<Hit> namedRows) {
        Recorder recorder = CURRENT.get();
        recorder.evaluation = previous;
        if (recorder.recording != null) {
            recorder.recording.addAll(namedRows);
        }
    }

    static List<SelectedRow> newRowList() {
        return new ArrayList<>(8);
    }
}
