package org.rentrecovery.contract;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ValidateUnwrappedValue;

/**
 * Hibernate Validator 8's own verdict for the built-in constraints the case's records use, on the value types they are
 * declared on, as checks that allocate nothing (the semantics read from its validators: {@code DigitsValidatorForNumber}
 * takes a BigDecimal's precision and scale as they are, without stripping trailing zeros; {@code NotBlankValidator}
 * trims characters up to U+0020; {@code @Min}/{@code @Max} compare as longs; {@code @Size} counts chars or elements).
 * A constraint this class does not know exactly (another type, another group, a composed one, a custom validator, a
 * value it would unwrap, attributes Hibernate Validator refuses) has no check here: the pre-check then leaves the
 * element to Hibernate Validator, which reports or refuses it as before.
 */
final class ConstraintSemantics {

    /** One constraint's verdict on one value: true only where Hibernate Validator finds no violation. */
    @FunctionalInterface
    interface ValueCheck {
        boolean certainlyValid(Object value);
    }

    /** For what this class does not know: never certain. */
    static final ValueCheck NOT_SURE = value -> false;

    /** Where Hibernate Validator keeps its validators of the standard constraints; another one may mean otherwise. */
    private static final String BUILT_IN_VALIDATORS = "org.hibernate.validator.internal.constraintvalidators.bv.";

    private ConstraintSemantics() {
    }

    /** The check of one constraint declared on an element of the given static type, or null when it is not known exactly. */
    static ValueCheck of(ConstraintDescriptor<?> constraint, Class<?> declaredType) {
        if (!isPlain(constraint) || declaredType.getName().startsWith("java.util.Optional")) {
            return null; // Optional*: Hibernate Validator may unwrap it and check the value inside
        }
        Class<? extends Annotation> type = constraint.getAnnotation().annotationType();
        Map<String, Object> attributes = constraint.getAttributes();
        Class<?> declared = boxed(declaredType);
        try {
            if (type == NotNull.class) {
                return value -> value != null;
            }
            ValueCheck text = ofText(type, attributes, declared);
            return text != null ? text : ofNumber(type, attributes, declared);
        } catch (RuntimeException refusedByHibernateValidatorToo) {
            return null; // e.g. a malformed regexp or a negative size: Hibernate Validator throws its own error for it
        }
    }

    /** In the Default group only, not composed of others, validated by Hibernate Validator's own validator, not unwrapped. */
    private static boolean isPlain(ConstraintDescriptor<?> constraint) {
        return constraint.getGroups().equals(Set.of(Default.class)) && constraint.getComposingConstraints().isEmpty()
                && constraint.getValueUnwrapping() == ValidateUnwrappedValue.DEFAULT
                && constraint.getConstraintValidatorClasses().stream().allMatch(ConstraintSemantics::isBuiltIn);
    }

    private static boolean isBuiltIn(Class<? extends ConstraintValidator<?, ?>> validator) {
        return validator.getName().startsWith(BUILT_IN_VALIDATORS);
    }

    private static ValueCheck ofText(Class<? extends Annotation> type, Map<String, Object> attributes, Class<?> declared) {
        if (type == NotBlank.class && declared == String.class) {
            return ConstraintSemantics::notBlank;
        }
        if (type == Size.class && (declared == String.class || Collection.class.isAssignableFrom(declared))) {
            return size((Integer) attributes.get("min"), (Integer) attributes.get("max"));
        }
        if (type == jakarta.validation.constraints.Pattern.class && declared == String.class) {
            return matches((String) attributes.get("regexp"), (jakarta.validation.constraints.Pattern.Flag[]) attributes.get("flags"));
        }
        return null;
    }

    private static ValueCheck ofNumber(Class<? extends Annotation> type, Map<String, Object> attributes, Class<?> declared) {
        boolean whole = declared == Integer.class || declared == Long.class;
        if (type == Min.class && whole) {
            long min = (Long) attributes.get("value");
            return value -> value == null || isWhole(value) && ((Number) value).longValue() >= min;
        }
        if (type == Max.class && whole) {
            long max = (Long) attributes.get("value");
            return value -> value == null || isWhole(value) && ((Number) value).longValue() <= max;
        }
        if (type == PositiveOrZero.class && (whole || declared == BigDecimal.class)) {
            return value -> value == null || isWhole(value) && ((Number) value).longValue() >= 0
                    || value instanceof BigDecimal decimal && decimal.signum() >= 0;
        }
        if (declared != BigDecimal.class) {
            return null;
        }
        if (type == DecimalMin.class || type == DecimalMax.class) {
            return bound(new BigDecimal((String) attributes.get("value")), (Boolean) attributes.get("inclusive"), type == DecimalMin.class);
        }
        if (type == Digits.class) {
            return digits((Integer) attributes.get("integer"), (Integer) attributes.get("fraction"));
        }
        return null;
    }

    /** {@code NotBlankValidator}: not null, and something left after {@code String.trim()}, i.e. a char above U+0020. */
    private static boolean notBlank(Object value) {
        if (!(value instanceof String text)) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > ' ') {
                return true;
            }
        }
        return false;
    }

    private static ValueCheck size(int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("Hibernate Validator refuses @Size(min = " + min + ", max = " + max + ")");
        }
        return value -> value == null || value instanceof CharSequence text && text.length() >= min && text.length() <= max
                || value instanceof Collection<?> items && items.size() >= min && items.size() <= max;
    }

    /** {@code PatternValidator}: the flags or-ed into one compiled pattern, the whole value matched. */
    private static ValueCheck matches(String regexp, jakarta.validation.constraints.Pattern.Flag[] flags) {
        int bits = 0;
        for (jakarta.validation.constraints.Pattern.Flag flag : flags) {
            bits |= flag.getValue();
        }
        Pattern pattern = Pattern.compile(regexp, bits);
        return value -> value == null || value instanceof CharSequence text && pattern.matcher(text).matches();
    }

    /** {@code DecimalMin}/{@code DecimalMax} on a BigDecimal: {@code compareTo} the bound, which equals it when inclusive. */
    private static ValueCheck bound(BigDecimal limit, boolean inclusive, boolean lower) {
        return value -> {
            if (value == null) {
                return true;
            }
            if (!(value instanceof BigDecimal decimal)) {
                return false;
            }
            int side = lower ? decimal.compareTo(limit) : limit.compareTo(decimal);
            return inclusive ? side >= 0 : side > 0;
        };
    }

    /** {@code DigitsValidatorForNumber} on a BigDecimal: integer digits are precision - scale, fraction digits a positive scale. */
    private static ValueCheck digits(int integer, int fraction) {
        if (integer < 0 || fraction < 0) {
            throw new IllegalArgumentException("Hibernate Validator refuses @Digits(integer = " + integer + ", fraction = " + fraction + ")");
        }
        return value -> value == null || value instanceof BigDecimal decimal && decimal.precision() - decimal.scale() <= integer
                && Math.max(decimal.scale(), 0) <= fraction;
    }

    private static boolean isWhole(Object value) {
        return value instanceof Integer || value instanceof Long;
    }

    private static Class<?> boxed(Class<?> type) {
        if (type == int.class) {
            return Integer.class;
        }
        return type == long.class ? Long.class : type;
    }
}
