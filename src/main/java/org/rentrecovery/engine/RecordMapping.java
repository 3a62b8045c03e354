package org.rentrecovery.engine;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.kie.dmn.api.core.DMNContext;

/**
 * Typed records to and from the values the DMN engine speaks: numbers as BigDecimal, names as
 * strings, booleans, dates. The only place that knows DMN keys are strings; the shape of each
 * record class is read once and cached.
 */
final class RecordMapping {

    /**
     * A record class's components, accessors and canonical constructor. The accessors are plain functions made once
     * per class ({@link #accessor}): every input of every model is read through them on every decision, and a
     * reflective {@code Method.invoke} per component cost a few percent of a decision's CPU.
     */
    record Shape(RecordComponent[] components, Function<Object, Object>[] accessors, Constructor<?> constructor) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            @SuppressWarnings("unchecked")
            Function<Object, Object>[] accessors = new Function[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = accessor(components[i].getAccessor());
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new Shape(components, accessors, constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
        }
    };

    private RecordMapping() {
    }

    static Shape shape(Class<?> recordType) {
        return SHAPES.get(recordType);
    }

    /** Sets one context entry per record component, converted to the engine's types; a record component is a group ({@link InputComponents}). */
    static void write(Record inputs, DMNContext context) {
        Shape shape = SHAPES.get(inputs.getClass());
        for (int i = 0; i < shape.components.length; i++) {
            Object value = invoke(shape.accessors[i], inputs);
            if (shape.components[i].getType().isRecord()) {
                write((Record) java.util.Objects.requireNonNull(value, shape.components[i].getName()), context);
            } else {
                context.set(shape.components[i].getName(), toEngine(value));
            }
        }
    }

    /**
     * The record's components by name, converted as {@link #write} converts them (for the fast evaluator): each
     * converted when the model first reads it ({@link InputScope}).
     */
    static Map<String, Object> values(Record inputs) {
        return new InputScope(inputs);
    }

    /** A value as FEEL sees it: names as strings, whole numbers as BigDecimal, a record as a context, lists and maps item by item. */
    static Object toEngine(Object value) {
        // Most inputs are already FEEL's values: answered by class, before the interface checks (List, Map) that
        // cost several per cent of a decision in a profile where the JIT compiled them as full type scans.
        if (value == null) {
            return null;
        }
        Class<?> type = value.getClass();
        if (type == String.class || type == BigDecimal.class || type == Boolean.class || type == java.time.LocalDate.class) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof java.util.List<?> list) {
            return list.stream().map(RecordMapping::toEngine).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> converted = new java.util.LinkedHashMap<>();
            map.forEach((key, item) -> converted.put(key, toEngine(item)));
            return converted;
        }
        if (value instanceof Record record) {
            Shape shape = SHAPES.get(record.getClass());
            Map<String, Object> fields = new java.util.LinkedHashMap<>();
            for (int i = 0; i < shape.components.length; i++) {
                fields.put(shape.components[i].getName(), toEngine(invoke(shape.accessors[i], record)));
            }
            return fields;
        }
        return value;
    }

    /**
     * Reads a decision result as {@code type}: a record from a context (one component per output
     * column), or a single value. {@code where} names the decision in a failure's message, and is only worked out
     * for one. A row's columns that are all literals ({@link FixedColumns}) are read once per type and the record kept.
     */
    static <T> T read(Object value, Class<T> type, Supplier<String> where) {
        if (type.isRecord()) {
            if (value == null) {
                return null;
            }
            if (value instanceof FixedColumns fixed) {
                T known = fixed.readAs(type);
                if (known == null) {
                    known = columns(fixed, type, where);
                    fixed.keep(type, known);
                }
                return known;
            }
            if (!(value instanceof Map<?, ?> columns)) {
                throw new PolicyEvaluationException(where.get() + " answered " + value + ", expected columns for " + type.getSimpleName());
            }
            return columns(columns, type, where);
        }
        return type.cast(scalar(value, type, where, null));
    }

    private static <T> T columns(Map<?, ?> columns, Class<T> type, Supplier<String> where) {
        Shape shape = SHAPES.get(type);
        Object[] args = new Object[shape.components.length];
        for (int i = 0; i < args.length; i++) {
            RecordComponent component = shape.components[i];
            args[i] = scalar(columns.get(component.getName()), component.getType(), where, component.getName());
            // An amount the code computes with is never read as null: a computed cell that gave none is a failed table.
            if (args[i] == null && component.getType() == BigDecimal.class) {
                throw new PolicyEvaluationException(where.get() + " column " + component.getName() + " gave no amount");
            }
        }
        try {
            return type.cast(shape.constructor.newInstance(args));
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new PolicyEvaluationException(where.get() + " cannot be read as " + type.getSimpleName() + ": " + e);
        }
    }

    /** A single value as {@code type}; {@code column} (null for a single-valued decision) completes {@code where} in a failure. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object scalar(Object value, Class<?> type, Supplier<String> where, String column) {
        if (value == null) {
            if (type.isPrimitive()) {
                throw new PolicyEvaluationException(place(where, column) + " is empty, and the service needs a value");
            }
            return null;
        }
        try {
            if (type == String.class) {
                return (String) value;
            }
            if (type == Boolean.class || type == boolean.class) {
                return (Boolean) value;
            }
            if (type == BigDecimal.class) {
                return (BigDecimal) value;
            }
            if (type == Integer.class || type == int.class) {
                return ((BigDecimal) value).intValueExact();
            }
            if (type == Long.class || type == long.class) {
                return ((BigDecimal) value).longValueExact();
            }
            if (type.isEnum()) {
                return Enum.valueOf((Class<? extends Enum>) type, (String) value);
            }
            return type.cast(value);
        } catch (ClassCastException | ArithmeticException | IllegalArgumentException e) {
            throw new PolicyEvaluationException(place(where, column) + " answered " + value + ", which is not a " + type.getSimpleName());
        }
    }

    private static String place(Supplier<String> where, String column) {
        return column == null ? where.get() : where.get() + " column " + column;
    }

    private static Object invoke(Function<Object, Object> accessor, Object target) {
        return accessor.apply(target);
    }

    /**
     * The accessor as a function the JIT can call like any other method (a lambda over the accessor, made by the
     * JDK's own lambda factory); where the record's class cannot be looked into so (another class loader or module),
     * the reflective call, as before.
     */
    @SuppressWarnings("unchecked")
    private static Function<Object, Object> accessor(Method method) {
        Class<?> owner = method.getDeclaringClass();
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
            MethodHandle getter = lookup.unreflect(method);
            MethodType boxed = MethodType.methodType(getter.type().wrap().returnType(), owner);
            return (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
                    MethodType.methodType(Object.class, Object.class), getter, boxed).getTarget().invoke();
        } catch (Throwable notAvailable) {
            method.setAccessible(true);
            return target -> {
                try {
                    return method.invoke(target);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + method, e);
                }
            };
        }
    }
}
