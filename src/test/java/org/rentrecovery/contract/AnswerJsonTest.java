package org.rentrecovery.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;

import org.junit.jupiter.api.Test;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.support.TestCases;

/** A run's answers are written through generated accessors, and must be the very JSON the service's mapper writes. */
class AnswerJsonTest {

    @Test
    void writesEveryKindOfAnswerExactlyAsTheServiceMapperDoes() throws Exception {
        AnswerJson answers = new AnswerJson(TestCases.MAPPER);
        int compared = 0;
        for (int balance : new int[] {0, 150, 450, 900, 1600, 4000, 9000}) {
            for (TestCases c : List.of(TestCases.secure(), TestCases.assured(),
                    TestCases.secure().set("breathingSpace", Map.of("type", "STANDARD", "startDate", "2026-11-10")),
                    TestCases.assured().set("tenancy.rentFrequency", "MONTHLY").set("tenancy.rentPerPeriod", 520.55))) {
                Decision d = TestCases.decisions().decide(c.set("account.balance", balance).action("SEND_REMINDER_LETTER_1", 40)
                        .facts());
                // twice: the second write goes through accessors already generated
                assertThat(written(answers, d)).isEqualTo(TestCases.MAPPER.writeValueAsString(d));
                assertThat(written(answers, d)).isEqualTo(TestCases.MAPPER.writeValueAsString(d));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(28);
    }

    /** The bytes the audit and the portfolio runs write, as text so that a difference shows where it is. */
    private static String written(AnswerJson answers, Decision d) throws Exception {
        return new String(answers.writeBytes(d), StandardCharsets.UTF_8);
    }

    /**
     * Blackbird keeps its generated accessor only for strings and primitives (it falls back to reflection for a property
     * Jackson gives a serializer it does not mark as its own: nested records, dates); every other property of the answer
     * must be read through RecordComponentWriters' generated accessor.
     */
    @Test
    void readsEveryPropertyOfAnAnswerThroughAGeneratedAccessor() throws Exception {
        AnswerJson answers = new AnswerJson(TestCases.MAPPER);
        SerializerProvider provider = answers.mapper().getSerializerProviderInstance();
        List<String> reflective = new ArrayList<>();
        Set<Class<?>> beans = new HashSet<>();

        collectReflectiveProperties(provider, provider.constructType(Decision.class), beans, reflective);

        assertThat(beans).contains(Decision.class, Decision.Arrears.class, Reason.class, PolicyVersion.class);
        assertThat(reflective).isEmpty();
    }

    private static void collectReflectiveProperties(SerializerProvider provider, JavaType type, Set<Class<?>> beans,
            List<String> reflective) throws JsonMappingException {
        if (type.isContainerType()) {
            collectReflectiveProperties(provider, type.getContentType(), beans, reflective);
            return;
        }
        if (type.isPrimitive() || type.isEnumType() || type.getRawClass().getName().startsWith("java.")
                || !(provider.findValueSerializer(type) instanceof BeanSerializerBase bean) || !beans.add(type.getRawClass())) {
            return;
        }
        for (Iterator<PropertyWriter> it = bean.properties(); it.hasNext();) {
            PropertyWriter property = it.next();
            Class<?> valueType = property.getType().getRawClass();
            boolean generated = property instanceof RecordComponentWriters.GeneratedAccessorWriter
                    || property.getClass().getName().startsWith("com.fasterxml.jackson.module.blackbird.")
                            && (valueType.isPrimitive() || valueType == String.class);
            if (!generated) {
                reflective.add(type.getRawClass().getSimpleName() + "." + property.getName());
            }
            collectReflectiveProperties(provider, property.getType(), beans, reflective);
        }
    }
}
