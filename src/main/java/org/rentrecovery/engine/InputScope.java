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
    /**
     * Names that are not inputs (the model's decisions, as they are answered), in the order first put, and their
     * values: arrays, not a map, because the tables read earlier decisions' answers in their cells (several hundred
     * reads a decision) and a hash look-up per read was a tenth of a decision's CPU. A model puts its decisions in
     * the same order every time, so a {@link ScopeName} keeps the position it found a name at ({@link OtherPlace}).
     */
    private String[] otherNames;
    private Object[] otherValues;
    private int otherCount;

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

    /**
     * Where a name that is not an input was found among the names put: its position and the very string put there.
     * Checked by identity on every read ({@link #other}), so a stale place (another scope, another order) is never
     * trusted, only searched again.
     */
    record OtherPlace(int index, String key) {
    }

    /** The value of the input at {@code place} (a place with a slot: a name that is not an input is read by {@link #other}). */
    Object input(Place place) {
        return value(place.slot());
    }

    /** The position of a name that is not an input, if {@code known} still holds it; else the search's place, or null. */
    OtherPlace other(String name, OtherPlace known) {
        if (known != null && known.index() < otherCount && otherNames[known.index()] == known.key()) {
            return known;
        }
        int index = indexOfOther(name);
        return index < 0 ? null : new OtherPlace(index, otherNames[index]);
    }

    Object otherValue(OtherPlace place) {
        return otherValues[place.index()];
    }

    private int indexOfOther(Object name) {
        for (int i = 0; i < otherCount; i++) {
            if (otherNames[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Object get(Object name) {
        Integer slot = layout.slotByName.get(name);
        if (slot != null) {
            return value(slot);
        }
        int index = indexOfOther(name);
        return index < 0 ? null : otherValues[index];
    }

    @Override
    public boolean containsKey(Object name) {
        return layout.slotByName.containsKey(name) || indexOfOther(name) >= 0;
    }

    @Override
    public Object put(String name, Object value) {
        Integer slot = layout.slotByName.get(name);
        if (slot != null) {
            Object previous = value(slot);
            values[slot] = value;
            return previous;
        }
        int index = indexOfOther(name);
        if (index >= 0) {
            Object previous = otherValues[index];
            otherValues[index] = value;
            return previous;
        }
        if (otherNames == null) {
            otherNames = new String[8];
            otherValues = new Object[8];
        } else if (otherCount == otherNames.length) {
            otherNames = java.util.Arrays.copyOf(otherNames, otherCount * 2);
            otherValues = java.util.Arrays.copyOf(otherValues, otherCount * 2);
        }
        otherNames[otherCount] = name;
        otherValues[otherCount] = value;
        otherCount++;
        return null;
    }

    /**
     * The names put that are not inputs, in the order put: a model's decisions and their answers when the evaluator
     * has put nothing else ({@link FastModel} declines a model whose decision is named like an input).
     */
    Map<String, Object> answers() {
        Map<String, Object> answers = new LinkedHashMap<>(Math.max(8, otherCount * 2));
        for (int i = 0; i < otherCount; i++) {
            answers.put(otherNames[i], otherValues[i]);
        }
        return answers;
    }

    @Override
    public int size() {
        return values.length + otherCount;
    }

    /** Every input read now, then the other names: for whatever needs the whole map (not the evaluator's path). */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (int slot = 0; slot < values.length; slot++) {
            all.put(layout.names.get(slot), value(slot));
        }
        for (int i = 0; i < otherCount; i++) {
            all.put(otherNames[i], otherValues[i]);
        }
        return Collections.unmodifiableMap(all).entrySet();
    }
}
