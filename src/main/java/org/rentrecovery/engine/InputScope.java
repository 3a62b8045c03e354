package org.rentrecovery.engine;

import java.lang.reflect.RecordComponent;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A contract's input record as the fast evaluator's scope: every input by name, each converted to the engine's
 * types ({@link RecordMapping#toEngine}) only when the model first reads it. A model reads the inputs it declares
 * (the ladder 23 of the 70-odd a {@code LadderInputs} offers), and converting every one of them per model per
 * decision, lists of steps and balance points into maps included, was a seventh of a decision's CPU.
 *
 * <p>It answers {@code get}, {@code containsKey} and {@code put} exactly as the map of every input built eagerly
 * did: the same names (a group's components under their own names, a later component of the same name in place of
 * an earlier one), the same converted values, a decision's answer put beside them. A missing group fails here, when
 * the scope is made, as it failed when the map was built.
 */
final class InputScope extends AbstractMap<String, Object> {

    /** Where each input of a record class is read from: its group (0 = the record itself) and its accessor. */
    private static final class Layout {
        final Map<String, Integer> slotByName = new HashMap<>();
        final List<String> names = new ArrayList<>();
        final List<Integer> ownerOfSlot = new ArrayList<>();
        final List<Function<Object, Object>> accessorOfSlot = new ArrayList<>();
        final List<Integer> parentOfGroup = new ArrayList<>();
        final List<Function<Object, Object>> accessorOfGroup = new ArrayList<>();
        final List<String> nameOfGroup = new ArrayList<>();
        int[] owners;
        Function<Object, Object>[] accessors;
        int[] groupParents;
        Function<Object, Object>[] groupAccessors;
        String[] groupNames;

        @SuppressWarnings("unchecked")
        Layout(Class<?> type) {
            parentOfGroup.add(-1);
            accessorOfGroup.add(null);
            nameOfGroup.add(null);
            add(type, 0);
            owners = ownerOfSlot.stream().mapToInt(Integer::intValue).toArray();
            accessors = accessorOfSlot.toArray(Function[]::new);
            groupParents = parentOfGroup.stream().mapToInt(Integer::intValue).toArray();
            groupAccessors = accessorOfGroup.toArray(Function[]::new);
            groupNames = nameOfGroup.toArray(String[]::new);
        }

        /** In the order the eager map was filled, so a later component of a name takes that name's slot. */
        private void add(Class<?> type, int group) {
            RecordMapping.Shape shape = RecordMapping.shape(type);
            RecordComponent[] components = shape.components();
            for (int i = 0; i < components.length; i++) {
                if (components[i].getType().isRecord()) {
                    int inner = parentOfGroup.size();
                    parentOfGroup.add(group);
                    accessorOfGroup.add(shape.accessors()[i]);
                    nameOfGroup.add(components[i].getName());
                    add(components[i].getType(), inner);
                } else {
                    Integer slot = slotByName.get(components[i].getName());
                    if (slot == null) {
                        slotByName.put(components[i].getName(), names.size());
                        names.add(components[i].getName());
                        ownerOfSlot.add(group);
                        accessorOfSlot.add(shape.accessors()[i]);
                    } else {
                        ownerOfSlot.set(slot, group);
                        accessorOfSlot.set(slot, shape.accessors()[i]);
                    }
                }
            }
        }
    }

    private static final ClassValue<Layout> LAYOUTS = new ClassValue<>() {
        @Override
        protected Layout computeValue(Class<?> type) {
            return new Layout(type);
        }
    };

    /** A slot not read yet. */
    private static final Object UNREAD = new Object();

    private final Layout layout;
    private final Object[] groups;
    private final Object[] values;
    /** Names that are not inputs (the model's decisions, as they are answered); made on the first such name. */
    private Map<String, Object> others;

    InputScope(Record inputs) {
        this.layout = LAYOUTS.get(inputs.getClass());
        this.groups = new Object[layout.groupParents.length];
        groups[0] = inputs;
        for (int g = 1; g < groups.length; g++) {
            groups[g] = Objects.requireNonNull(layout.groupAccessors[g].apply(groups[layout.groupParents[g]]), layout.groupNames[g]);
        }
        this.values = new Object[layout.owners.length];
        java.util.Arrays.fill(values, UNREAD);
    }

    private Object value(int slot) {
        Object value = values[slot];
        if (value == UNREAD) {
            value = RecordMapping.toEngine(layout.accessors[slot].apply(groups[layout.owners[slot]]));
            values[slot] = value;
        }
        return value;
    }

    /** Where a name is in scopes of one record class: its slot, or -1 for a name that is not an input ({@link ScopeName}). */
    record Place(Object layout, int slot) {
    }

    Place place(String name) {
        Integer slot = layout.slotByName.get(name);
        return new Place(layout, slot == null ? -1 : slot);
    }

    boolean laidOutAs(Place place) {
        return place.layout() == layout;
    }

    /** As {@code get} and {@code containsKey} together: the value, or {@link ScopeName#MISSING}. */
    Object read(Place place, String name) {
        if (place.slot() >= 0) {
            return value(place.slot());
        }
        if (others == null) {
            return ScopeName.MISSING;
        }
        Object value = others.get(name);
        return value == null && !others.containsKey(name) ? ScopeName.MISSING : value;
    }

    @Override
    public Object get(Object name) {
        Integer slot = layout.slotByName.get(name);
        if (slot != null) {
            return value(slot);
        }
        return others == null ? null : others.get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        return layout.slotByName.containsKey(name) || others != null && others.containsKey(name);
    }

    @Override
    public Object put(String name, Object value) {
        Integer slot = layout.slotByName.get(name);
        if (slot != null) {
            Object previous = value(slot);
            values[slot] = value;
            return previous;
        }
        if (others == null) {
            others = new LinkedHashMap<>(8);
        }
        return others.put(name, value);
    }

    /**
     * The names put that are not inputs, in the order put: a model's decisions and their answers when the evaluator
     * has put nothing else ({@link FastModel} declines a model whose decision is named like an input).
     */
    Map<String, Object> answers() {
        return others == null ? new LinkedHashMap<>() : others;
    }

    @Override
    public int size() {
        return values.length + (others == null ? 0 : others.size());
    }

    /** Every input read now, then the other names: for whatever needs the whole map (not the evaluator's path). */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (int slot = 0; slot < values.length; slot++) {
            all.put(layout.names.get(slot), value(slot));
        }
        if (others != null) {
            all.putAll(others);
        }
        return Collections.unmodifiableMap(all).entrySet();
    }
}
