package org.rentrecovery.engine;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs a contract's input record supplies, one per input data node a model may declare. A
 * component whose type is itself a record is a group of inputs, not one: its own components are
 * inputs of the model, by their own names (so a long list of inputs can be kept in several records).
 */
public final class InputComponents {
    private static final ClassValue<List<RecordComponent>> LEAVES = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            List<RecordComponent> leaves = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getType().isRecord()) {
                    leaves.addAll(get(component.getType()));
                } else {
                    leaves.add(component);
                }
            }
            return List.copyOf(leaves);
        }
    };

    private InputComponents() {
    }

    /**
     * The names an input can hold when it is one of a closed list: an enum's constants, or the names its
     * {@link InputDoc} gives; empty for an input that takes any value.
     */
    public static List<String> closedList(RecordComponent input) {
        List<String> names = new ArrayList<>();
        InputDoc doc = input.getAnnotation(InputDoc.class);
        Class<?> type = input.getType().isEnum() ? input.getType()
                : doc != null && doc.valuesOf() != InputDoc.NoList.class ? doc.valuesOf() : null;
        if (type != null) {
            for (Object constant : type.getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
        }
        if (doc != null) {
            names.addAll(List.of(doc.alsoValues()));
        }
        return List.copyOf(names);
    }

    /** Every input the record supplies, groups opened, in declaration order. */
    public static List<RecordComponent> of(Class<?> inputRecord) {
        return LEAVES.get(inputRecord);
    }
}
