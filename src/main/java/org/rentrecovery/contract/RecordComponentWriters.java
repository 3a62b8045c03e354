package org.rentrecovery.contract;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.ListIterator;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.impl.PropertySerializerMap;

/**
 * Reads a record's object-valued components (nested records, dates, lists, numbers) through an accessor generated once
 * per component, where Blackbird's would read them by reflection: Blackbird gives up on a property as soon as Jackson
 * assigns it a serializer Jackson does not mark as its own, which it does for every property whose type is final (a
 * nested record, {@code LocalDate}, {@code OffsetDateTime}): most of an answer's objects. Each component is then written
 * exactly as Jackson's own property writer writes it (the same serializers, inclusion rules and null handling: the
 * bytes do not change, AnswerJsonTest); only how the value is read differs. Blackbird keeps the rest (strings,
 * primitives). A component whose accessor cannot be generated keeps Jackson's reflective writer.
 */
final class RecordComponentWriters extends BeanSerializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
            List<BeanPropertyWriter> properties) {
        Class<?> type = bean.getBeanClass();
        if (!type.isRecord() || !Modifier.isPublic(type.getModifiers())) {
            return properties;
        }
        for (ListIterator<BeanPropertyWriter> it = properties.listIterator(); it.hasNext();) {
            BeanPropertyWriter property = it.next();
            Function<Object, Object> accessor = accessorOf(type, property);
            if (accessor != null) {
                it.set(new GeneratedAccessorWriter(property, accessor));
            }
        }
        return properties;
    }

    /** A generated accessor for a plain object-valued component; null for anything else, left as it is. */
    @SuppressWarnings("unchecked")
    private static Function<Object, Object> accessorOf(Class<?> type, BeanPropertyWriter property) {
        if (property.getClass() != BeanPropertyWriter.class || property.hasSerializer() || property.isUnwrapping()
                || !(property.getMember() instanceof AnnotatedMethod method)) {
            return null;
        }
        Method getter = method.getAnnotated();
        Class<?> valueType = getter.getReturnType();
        if (valueType.isPrimitive() || valueType == String.class || getter.getParameterCount() != 0
                || !Modifier.isPublic(getter.getModifiers())) {
            return null;
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            MethodHandle handle = lookup.unreflect(getter);
            CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
                    MethodType.methodType(Object.class, Object.class), handle, MethodType.methodType(valueType, type));
            return (Function<Object, Object>) site.getTarget().invoke();
        } catch (Throwable e) {
            return null;
        }
    }

    /** Jackson's property writer, reading the value through the generated accessor instead of {@code Method.invoke}. */
    static final class GeneratedAccessorWriter extends BeanPropertyWriter {
        private static final long serialVersionUID = 1L;

        private final transient Function<Object, Object> accessor;

        GeneratedAccessorWriter(BeanPropertyWriter base, Function<Object, Object> accessor) {
            super(base);
            this.accessor = accessor;
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
            Object value = accessor.apply(bean);
            if (value == null) {
                if (_suppressableValue != null && prov.includeFilterSuppressNulls(_suppressableValue)) {
                    return;
                }
                if (_nullSerializer != null) {
                    gen.writeFieldName(_name);
                    _nullSerializer.serialize(null, gen, prov);
                }
                return;
            }
            JsonSerializer<Object> serializer = serializerFor(value, prov);
            if (suppressed(value, serializer, prov) || (value == bean && _handleSelfReference(bean, gen, prov, serializer))) {
                return;
            }
            gen.writeFieldName(_name);
            if (_typeSerializer == null) {
                serializer.serialize(value, gen, prov);
            } else {
                serializer.serializeWithType(value, gen, prov, _typeSerializer);
            }
        }

        private JsonSerializer<Object> serializerFor(Object value, SerializerProvider prov) throws Exception {
            if (_serializer != null) {
                return _serializer;
            }
            PropertySerializerMap known = _dynamicSerializers;
            JsonSerializer<Object> serializer = known.serializerFor(value.getClass());
            return serializer != null ? serializer : _findAndAddDynamic(known, value.getClass(), prov);
        }

        private boolean suppressed(Object value, JsonSerializer<Object> serializer, SerializerProvider prov) {
            if (_suppressableValue == null) {
                return false;
            }
            return MARKER_FOR_EMPTY == _suppressableValue ? serializer.isEmpty(prov, value) : _suppressableValue.equals(value);
        }
    }
}
