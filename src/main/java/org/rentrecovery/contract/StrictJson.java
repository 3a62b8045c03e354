package org.rentrecovery.contract;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Makes JSON reading strict: a case system's typo or type slip must be refused with a 400, never
 * coerced into a different decision. Numbers in quotes, booleans as 0/1, enum ordinals, fractions
 * for whole numbers, duplicate keys, trailing content and unknown fields are all errors.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    /** Applied last, so that these date and enum readers replace the lenient defaults. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** Applies the strict settings; also used where no CDI container runs (plain tests, CLI). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT,
                DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

        fail(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        fail(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float,
                CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        fail(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean,
                CoercionInputShape.EmptyString);
        fail(mapper, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.String, CoercionInputShape.EmptyString);
        fail(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.EmptyString);

        SimpleModule strict = new SimpleModule("strict-dates-and-enums");
        strict.addDeserializer(LocalDate.class, new StrictLocalDateDeserializer());
        strict.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new ExactEnumDeserializer(type.getRawClass(), deserializer);
            }
        });
        mapper.registerModule(strict);
        return mapper;
    }

    private static void fail(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /**
     * Jackson trims enum names (so "SECURE " would pass); a case system sending that has a bug the
     * service should report, so only the exact name is accepted.
     */
    static final class ExactEnumDeserializer extends StdScalarDeserializer<Object> {
        private final JsonDeserializer<?> delegate;
        private final java.util.Set<String> names = new java.util.HashSet<>();

        ExactEnumDeserializer(Class<?> type, JsonDeserializer<?> delegate) {
            super(type);
            this.delegate = delegate;
            for (Object constant : type.getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING && !names.contains(parser.getText())) {
                return context.handleWeirdStringValue(handledType(), parser.getText(), "not one of the allowed values");
            }
            return delegate.deserialize(parser, context);
        }
    }

    /** Only a JSON string yyyy-MM-dd that is a real calendar day between 1900 and 2100. */
    static final class StrictLocalDateDeserializer extends StdScalarDeserializer<LocalDate> {
        StrictLocalDateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            if (!hasDateShape(text)) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text,
                        "must be a date in the form yyyy-MM-dd");
            }
            LocalDate date = calendarDate(text);
            if (date == null) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "is not a calendar date");
            }
            if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text,
                        "must be between 1900-01-01 and 2100-12-31");
            }
            return date;
        }

        /**
         * Four ASCII digits, a hyphen, two digits, a hyphen, two digits: what the pattern {@code \d{4}-\d{2}-\d{2}}
         * matched, checked by hand because a case holds several dates and each went through a regex matcher and then
         * {@code DateTimeFormatter}'s parse (a parse context and a map of fields per date).
         */
        static boolean hasDateShape(String text) {
            if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
                return false;
            }
            for (int i = 0; i < 10; i++) {
                if (i != 4 && i != 7 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The date a text of the date shape names, or null when it is no calendar date (month 00 or 13, day 00, 30
         * February...): what the strict {@code uuuu-MM-dd} formatter accepted and refused, as {@code LocalDate.of}
         * checks each field and the day of the month the same way (StrictJsonDatesTest compares the two).
         */
        static LocalDate calendarDate(String text) {
            try {
                return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
            } catch (DateTimeException e) {
                return null;
            }
        }

        private static int digits(String text, int from, int to) {
            int value = 0;
            for (int i = from; i < to; i++) {
                value = value * 10 + (text.charAt(i) - '0');
            }
            return value;
        }
    }
}
