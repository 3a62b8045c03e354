package org.rentrecovery.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.drools.ruleunits.api.DataHandle;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnit;
import org.drools.ruleunits.api.RuleUnitData;
import org.drools.ruleunits.api.RuleUnitInstance;
import org.drools.ruleunits.api.RuleUnitProvider;

/**
 * One rule-unit instance per thread, emptied after every run, instead of a new instance (a new
 * session over the rule base) per decision: building it was about half of the rule units' cost.
 *
 * <p>Safe for our units because everything a run sees is put in by that run and taken out again
 * before the next: the units hold nothing but data stores, every rule of {@code rules/} matches at
 * least one fact of the run (no rule fires on an empty store), and the rules change only the facts
 * they were given. A run that fails, or that starts while the same thread is already inside a run
 * of this unit, gets a fresh instance that is closed afterwards, as before. So does every run while the
 * system property {@value #FRESH_INSTANCES} is true (a way back without a new build, and the benchmarks' "before").
 *
 * <p>An instance is closed and replaced after {@value #RUNS_PER_INSTANCE} runs: Drools keeps part of the match
 * memory of facts taken out of an instance (measured: about 1.5 KB a decision, which filled a 512 MB heap after
 * 300,000 portfolio cases), so an instance never lives long enough to hold more than a few hundred runs' worth.
 */
public final class ReusedRuleUnit<T extends RuleUnitData> {

    /** Puts a run's facts into the unit's stores, so they can be taken out again after the run. */
    public interface Facts {
        <F> void add(DataStore<F> store, F fact);
    }

    public static final String FRESH_INSTANCES = "rentrecovery.rules.fresh-instances";
    private static final boolean ALWAYS_FRESH = Boolean.getBoolean(FRESH_INSTANCES);
    static final int RUNS_PER_INSTANCE = 256;

    private final Supplier<RuleUnit<T>> unit;
    private final Supplier<T> emptyData;
    private final ThreadLocal<Slot<T>> slots = new ThreadLocal<>();

    /**
     * @param unit the compiled unit (asked on every run: a slot built for another unit is replaced)
     * @param emptyData a new, empty data object of the unit
     */
    public ReusedRuleUnit(Supplier<RuleUnit<T>> unit, Supplier<T> emptyData) {
        this.unit = unit;
        this.emptyData = emptyData;
    }

    /**
     * The compiled unit of a rule unit's data class, outside a CDI container (plain unit tests, tools): compiled from
     * the same DRL at run time, which needs drools-wiring-dynamic and the DRL in the unit's package folder on the
     * classpath. In the service, Kogito injects the unit it compiled at build time instead.
     */
    public static <T extends RuleUnitData> RuleUnit<T> compiled(T emptyData) {
        return RuleUnitProvider.get().getRuleUnit(emptyData);
    }

    /** Fills the unit's stores through {@code fill} and fires every rule; the facts carry the results. */
    public void fire(BiConsumer<T, Facts> fill) {
        RuleUnit<T> current = unit.get();
        Slot<T> slot = slots.get();
        if (ALWAYS_FRESH) {
            fireOnce(current, fill);
            return;
        }
        if (slot != null && (slot.busy || slot.unit != current)) {
            if (!slot.busy) {
                slot.instance.close();
                slots.remove();
            }
            fireOnce(current, fill);
            return;
        }
        if (slot == null) {
            T data = emptyData.get();
            slot = new Slot<>(current, data, current.createInstance(data, RuleTrace.ruleConfig()));
            slots.set(slot);
        }
        fireReused(slot, fill);
    }

    private void fireReused(Slot<T> slot, BiConsumer<T, Facts> fill) {
        slot.busy = true;
        boolean clean = false;
        try {
            fill.accept(slot.data, slot);
            slot.instance.fire();
            clean = true;
        } finally {
            clean &= slot.empty();
            slot.busy = false;
            if (!clean || ++slot.runs >= RUNS_PER_INSTANCE) {
                slot.instance.close();
                slots.remove();
            }
        }
    }

    private void fireOnce(RuleUnit<T> current, BiConsumer<T, Facts> fill) {
        T data = emptyData.get();
        fill.accept(data, DataStore::add);
        try (RuleUnitInstance<T> instance = current.createInstance(data, RuleTrace.ruleConfig())) {
            instance.fire();
        }
    }

    private static final class Slot<T extends RuleUnitData> implements Facts {
        final RuleUnit<T> unit;
        final T data;
        final RuleUnitInstance<T> instance;
        final List<Runnable> removals = new ArrayList<>();
        boolean busy;
        int runs;

        Slot(RuleUnit<T> unit, T data, RuleUnitInstance<T> instance) {
            this.unit = unit;
            this.data = data;
            this.instance = instance;
        }

        @Override
        public <F> void add(DataStore<F> store, F fact) {
            DataHandle handle = store.add(fact);
            removals.add(() -> store.remove(handle));
        }

        /** Takes out every fact this run put in; false if that failed (the instance is then not reused). */
        boolean empty() {
            try {
                removals.forEach(Runnable::run);
                return true;
            } catch (RuntimeException e) {
                return false;
            } finally {
                removals.clear();
            }
        }
    }
}
