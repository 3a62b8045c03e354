package org.rentrecovery.contract;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

import jakarta.validation.GroupSequence;
import jakarta.validation.Validator;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;

import org.hibernate.validator.group.GroupSequenceProvider;
import org.rentrecovery.contract.ConstraintSemantics.ValueCheck;

/**
 * Answers "certainly valid" for a case that breaks none of its Bean Validation constraints, without Hibernate
 * Validator's bookkeeping of a validation (about 60 KB allocated a portfolio case: contexts, path nodes, value
 * contexts, sets), so that the one case in many that breaks something is the only one it validates. Built once from Bean
 * Validation's own metadata of the records ({@code getConstraintsForClass}), so a constraint added to a record later is
 * checked as well or, when {@link ConstraintSemantics} does not know it exactly, makes whatever holds it "not sure".
 * "Not sure" (false) is only ever a reason to ask Hibernate Validator, which then names every violation with its
 * message and path as it always has: the pre-check saves only the work of finding nothing.
 * <p>
 * Each value is read from the record's field, as Hibernate Validator reads a field's constraints; a record that also
 * has a JavaBeans getter for a constrained name (whose constraints it would read through the getter), a class-level
 * constraint, a redefined default group sequence or a group conversion is not sure whenever it is present.
 */
final class ConstraintPreCheck {
    /** Deeper than any case nests; past it, not sure (a list holding itself would otherwise never end). */
    private static final int DEEPEST = 32;

    private final BeanCheck root;

    private ConstraintPreCheck(BeanCheck root) {
        this.root = root;
    }

    /** The pre-check of a record type's constraints, as the validator's metadata describes them. */
    static ConstraintPreCheck of(Validator validator, Class<? extends Record> type) {
        return new ConstraintPreCheck(new Builder(validator).bean(type));
    }

    /** True only when Hibernate Validator would find no violation in the bean (false: not sure, ask it). */
    boolean certainlyValid(Record bean) {
        return bean != null && root.certainlyValid(bean, 0);
    }

    /** The checks of one record's constrained properties; none (null) when the record is not sure whenever present. */
    private static final class BeanCheck {
        private PropertyCheck[] properties;

        boolean certainlyValid(Object bean, int depth) {
            if (properties == null || depth > DEEPEST) {
                return false;
            }
            for (PropertyCheck property : properties) {
                if (!property.values().certainlyValid(read(property.field(), bean), depth)) {
                    return false;
                }
            }
            return true;
        }

        private static Object read(MethodHandle field, Object bean) {
            try {
                return (Object) field.invokeExact(bean);
            } catch (Throwable e) {
                throw new IllegalStateException("could not read a field of " + bean.getClass().getSimpleName(), e);
            }
        }
    }

    private record PropertyCheck(MethodHandle field, ValueChecks values) {
    }

    /**
     * What must hold for one value: each of its constraints; the record it cascades into ({@code @Valid}), if any; and,
     * for a list, what must hold for each element ({@code List<@NotNull @Valid Payment>}), if anything.
     */
    private record ValueChecks(ValueCheck[] constraints, BeanCheck cascade, ValueChecks elements) {
        boolean certainlyValid(Object value, int depth) {
            for (ValueCheck constraint : constraints) {
                if (!constraint.certainlyValid(value)) {
                    return false;
                }
            }
            if (value == null) {
                return true; // neither cascaded into nor looked inside
            }
            if (cascade != null && !cascade.certainlyValid(value, depth + 1)) {
                return false;
            }
            return elements == null || value instanceof List<?> list && eachElementValid(list, depth);
        }

        private boolean eachElementValid(List<?> list, int depth) {
            if (!(list instanceof RandomAccess)) {
                return false; // Jackson reads arrays as ArrayLists; another list is not worth an iterator here
            }
            for (int i = 0; i < list.size(); i++) {
                if (!elements.certainlyValid(list.get(i), depth)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Builds each record's checks once, reusing them for a record met again (and a record that contains itself). */
    private static final class Builder {
        private final Validator validator;
        private final Map<Class<?>, BeanCheck> built = new HashMap<>();

        Builder(Validator validator) {
            this.validator = validator;
        }

        BeanCheck bean(Class<?> type) {
            BeanCheck check = built.get(type);
            if (check == null) {
                check = new BeanCheck();
                built.put(type, check);
                check.properties = properties(type);
            }
            return check;
        }

        private PropertyCheck[] properties(Class<?> type) {
            BeanDescriptor bean = validator.getConstraintsForClass(type);
            if (!bean.isBeanConstrained()) {
                return new PropertyCheck[0]; // only final classes come here: the root and records cascaded into
            }
            if (!type.isRecord() || bean.hasConstraints() || type.isAnnotationPresent(GroupSequence.class)
                    || type.isAnnotationPresent(GroupSequenceProvider.class)) {
                return null;
            }
            List<PropertyCheck> checks = new ArrayList<>();
            for (PropertyDescriptor property : bean.getConstrainedProperties()) {
                MethodHandle field = fieldReader(type, property.getPropertyName());
                if (field == null || !property.getGroupConversions().isEmpty()) {
                    return null;
                }
                checks.add(new PropertyCheck(field, values(property.getElementClass(), property.getConstraintDescriptors(),
                        property.isCascaded(), property.getConstrainedContainerElementTypes())));
            }
            return checks.toArray(PropertyCheck[]::new);
        }

        private ValueChecks values(Class<?> declared, Set<ConstraintDescriptor<?>> constraints, boolean cascaded,
                Set<ContainerElementTypeDescriptor> containers) {
            List<ValueCheck> checks = new ArrayList<>();
            for (ConstraintDescriptor<?> constraint : constraints) {
                ValueCheck check = ConstraintSemantics.of(constraint, declared);
                checks.add(check != null ? check : ConstraintSemantics.NOT_SURE);
            }
            ValueChecks elements = containers.isEmpty() ? null : listElements(declared, containers);
            if (!containers.isEmpty() && elements == null) {
                checks.add(ConstraintSemantics.NOT_SURE); // another container (an empty Optional is still checked)
            }
            return new ValueChecks(checks.toArray(ValueCheck[]::new), cascaded ? cascade(declared) : null, elements);
        }

        /** The checks of a list's elements, or null for any other container or nesting. */
        private ValueChecks listElements(Class<?> declared, Set<ContainerElementTypeDescriptor> containers) {
            ContainerElementTypeDescriptor element = containers.iterator().next();
            if (containers.size() != 1 || !List.class.isAssignableFrom(declared) || element.getContainerClass() != List.class
                    || element.getTypeArgumentIndex() != 0 || !element.getGroupConversions().isEmpty()) {
                return null;
            }
            return values(element.getElementClass(), element.getConstraintDescriptors(), element.isCascaded(),
                    element.getConstrainedContainerElementTypes());
        }

        /** A record cascaded into; nothing for a final class with nothing to validate; otherwise not sure when present. */
        private BeanCheck cascade(Class<?> declared) {
            if (declared.isRecord()) {
                return bean(declared);
            }
            boolean nothingInside = Modifier.isFinal(declared.getModifiers()) && !validator.getConstraintsForClass(declared).isBeanConstrained();
            return nothingInside ? null : new BeanCheck();
        }
    }

    /** The record's own field of that name, or null when there is none or a JavaBeans getter could carry constraints too. */
    private static MethodHandle fieldReader(Class<?> record, String name) {
        boolean component = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).anyMatch(name::equals);
        if (!component || hasGetter(record, name)) {
            return null;
        }
        try {
            Field field = record.getDeclaredField(name);
            return MethodHandles.privateLookupIn(record, MethodHandles.lookup()).unreflectGetter(field)
                    .asType(MethodType.methodType(Object.class, Object.class));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static boolean hasGetter(Class<?> type, String name) {
        String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        List<Method> methods = new ArrayList<>(Arrays.asList(type.getDeclaredMethods()));
        methods.addAll(Arrays.asList(type.getMethods()));
        for (Method method : methods) {
            if (method.getParameterCount() == 0 && (method.getName().equals("get" + capitalised)
                    || method.getName().equals("is" + capitalised) || method.getName().equals("has" + capitalised))) {
                return true;
            }
        }
        return false;
    }
}
