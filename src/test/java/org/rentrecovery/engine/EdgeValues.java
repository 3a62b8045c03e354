package org.rentrecovery.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.UnaryTests;

/**
 * Inputs for one model at its edges: for each component of the input record, every number a table of the model
 * tests, one either side (by 1, and by 0.01 for amounts, and written to two decimal places), every quoted name
 * the model tests and one it does not, every enum constant, dates around a few days at month ends and three
 * months on, and null wherever the component can be null.
 */
final class EdgeValues {
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z_\"])-?\\d+(\\.\\d+)?");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final LocalDate[] DAYS = {LocalDate.of(2026, 11, 30), LocalDate.of(2026, 1, 31), LocalDate.of(2024, 2, 29)};
    private static final int[] DAY_OFFSETS = {-1, 0, 1, 27, 28, 29, 30, 31, 88, 89, 90, 91, 92, 120};

    private final Constructor<?> constructor;
    private final List<List<Object>> candidates = new ArrayList<>();

    EdgeValues(DMNModel model, Class<? extends Record> type) {
        Set<BigDecimal> numbers = new LinkedHashSet<>(List.of(BigDecimal.ZERO));
        Set<String> names = new LinkedHashSet<>(List.of("SOMETHING_ELSE"));
        for (DecisionNode decision : model.getDecisions()) {
            if (decision.getDecision().getExpression() instanceof DecisionTable table) {
                for (DecisionRule rule : table.getRule()) {
                    for (UnaryTests cell : rule.getInputEntry()) {
                        collect(cell.getText(), numbers, names);
                    }
                }
            }
        }
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            candidates.add(candidates(types[i], numbers, names));
        }
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(String text, Set<BigDecimal> numbers, Set<String> names) {
        Matcher quoted = QUOTED.matcher(text);
        while (quoted.find()) {
            names.add(quoted.group(1));
        }
        Matcher number = NUMBER.matcher(QUOTED.matcher(text).replaceAll(""));
        while (number.find()) {
            numbers.add(new BigDecimal(number.group()));
        }
    }

    private static List<Object> candidates(Class<?> type, Set<BigDecimal> numbers, Set<String> names) {
        List<Object> values = new ArrayList<>();
        if (type == boolean.class || type == Boolean.class) {
            values.addAll(List.of(true, false));
        } else if (type == BigDecimal.class || type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            for (BigDecimal n : numbers) {
                for (BigDecimal v : List.of(n.subtract(BigDecimal.ONE), n, n.add(BigDecimal.ONE), n.subtract(new BigDecimal("0.01")),
                        n.add(new BigDecimal("0.01")), n.setScale(2))) {
                    Object converted = number(v, type);
                    if (converted != null && !values.contains(converted)) {
                        values.add(converted);
                    }
                }
            }
        } else if (type == String.class) {
            values.addAll(names);
        } else if (type.isEnum()) {
            values.addAll(List.of(type.getEnumConstants()));
        } else if (type == LocalDate.class) {
            for (LocalDate day : DAYS) {
                for (int offset : DAY_OFFSETS) {
                    values.add(day.plusDays(offset));
                }
                values.add(day.plusMonths(3));
            }
        } else if (type.isRecord()) {
            return groups(type, numbers, names); // a group of inputs (InputComponents) is never null
        } else if (java.util.List.class.isAssignableFrom(type)) {
            values.add(List.of());
        } else if (java.util.Map.class.isAssignableFrom(type)) {
            values.add(java.util.Map.of());
        } else {
            throw new IllegalStateException("no edge values for " + type);
        }
        if (!type.isPrimitive()) {
            values.add(null);
        }
        return values;
    }

    /** Instances of a group of inputs, each component drawn from its own edge values (a fixed seed: the same every run). */
    private static List<Object> groups(Class<?> type, Set<BigDecimal> numbers, Set<String> names) {
        RecordComponent[] parts = type.getRecordComponents();
        List<List<Object>> each = new ArrayList<>();
        Class<?>[] types = new Class<?>[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            each.add(candidates(types[i], numbers, names));
        }
        Random random = new Random(type.getName().hashCode());
        List<Object> values = new ArrayList<>();
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            for (int k = 0; k < 24; k++) {
                Object[] args = new Object[parts.length];
                for (int i = 0; i < args.length; i++) {
                    args[i] = each.get(i).get(random.nextInt(each.get(i).size()));
                }
                values.add(canonical.newInstance(args));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    private static Object number(BigDecimal value, Class<?> type) {
        if (type == BigDecimal.class) {
            return value;
        }
        if (value.stripTrailingZeros().scale() > 0) {
            return null;
        }
        return type == int.class || type == Integer.class ? (Object) value.intValue() : (Object) value.longValue();
    }

    List<Object> candidates(int component) {
        return candidates.get(component);
    }

    Object[] randomArguments(Random random) {
        Object[] args = new Object[candidates.size()];
        for (int i = 0; i < args.length; i++) {
            List<Object> values = candidates.get(i);
            args[i] = values.get(random.nextInt(values.size()));
        }
        return args;
    }

    @SuppressWarnings("unchecked")
    <I extends Record> I random(Random random) {
        return (I) build(randomArguments(random));
    }

    @SuppressWarnings("unchecked")
    <I extends Record> I build(Object[] args) {
        try {
            return (I) constructor.newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            return null; // a combination the record itself refuses (a required component left null)
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
