package org.rentrecovery.engine;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which groups of a contract's inputs (record components that are records of inputs, {@link InputComponents}) one
 * model declares any input of. Building a group can cost more than evaluating the model: the ladder's events, step
 * days, step history and balance windows were 5-6% of a decision while the seed ladder reads none of them. So a
 * caller builds only the groups the model reads and puts a placeholder in place of each other one: a record of the
 * group's type whose every component is null, zero or false.
 *
 * <p>No evaluation can see a placeholder: a model reads nothing but its own input data (a cell naming anything else is
 * refused at build and upload, {@code CellNames}; kie-dmn compiles every other expression against the names its
 * decision requires), and a group is built as soon as one of its inputs is among the model's input data.
 */
public final class InputGroups {

    /** Every group built: for callers with no model in hand. */
    public static final InputGroups ALL = new InputGroups(null);

    private static final ClassValue<Set<String>> NAMES = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> group) {
            return Set.copyOf(InputComponents.of(group).stream().map(RecordComponent::getName).toList());
        }
    };

    /** The placeholder of each group, or null when the group's constructor refuses one (the group is then always built). */
    private static final Map<Class<?>, Object> PLACEHOLDERS = new ConcurrentHashMap<>();
    private static final Object NONE = new Object();

    /** The model's input data names; null: every group is read. */
    private final Set<String> declared;
    private final Map<Class<?>, Boolean> read = new ConcurrentHashMap<>();

    private InputGroups(Set<String> declared) {
        this.declared = declared;
    }

    /** The groups a model with these input data reads. */
    static InputGroups declaring(java.util.Collection<String> inputData) {
        return new InputGroups(Set.copyOf(inputData));
    }

    /** The group as {@code builder} makes it when the model reads any of its inputs, else the group's placeholder. */
    public <G extends Record> G build(Class<G> group, Supplier<G> builder) {
        if (reads(group)) {
            return builder.get();
        }
        Object placeholder = placeholderOf(group);
        return placeholder == NONE ? builder.get() : group.cast(placeholder);
    }

    /** Whether the model declares any input of the group. */
    public boolean reads(Class<? extends Record> group) {
        if (declared == null) {
            return true;
        }
        Boolean reads = read.get(group);
        if (reads == null) {
            reads = NAMES.get(group).stream().anyMatch(declared::contains);
            read.put(group, reads);
        }
        return reads;
    }

    private static Object placeholderOf(Class<?> group) {
        Object placeholder = PLACEHOLDERS.get(group);
        if (placeholder == null) {
            placeholder = placeholder(group);
            PLACEHOLDERS.putIfAbsent(group, placeholder);
        }
        return placeholder;
    }

    /** The group with every component at its type's default (a nested group: its own placeholder); NONE if refused. */
    private static Object placeholder(Class<?> group) {
        try {
            RecordComponent[] components = group.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = types[i].isRecord() ? placeholderOf(types[i])
                        : types[i].isPrimitive() ? Array.get(Array.newInstance(types[i], 1), 0) : null;
                if (values[i] == NONE) {
                    return NONE;
                }
            }
            Constructor<?> canonical = group.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return NONE;
        }
    }
}
