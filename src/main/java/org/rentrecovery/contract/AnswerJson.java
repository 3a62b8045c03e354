package org.rentrecovery.contract;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * Writes answers the same JSON, byte for byte, as the service's own mapper writes, but reading each property
 * through an accessor generated once (Blackbird, and RecordComponentWriters for the components Blackbird would read by
 * reflection) rather than by reflection, which was about 40% of writing a 6 KB
 * answer in a portfolio run's profile (docs/benchmarks.md). The decision audit writes every recorded answer with it
 * (the HTTP layer serves those very bytes), portfolio runs and the batch endpoint each of theirs. Only writing goes
 * through it: reading cases stays with the service's strict mapper, whose coercion rules Blackbird's readers would
 * not all keep. One for the service, so the accessors are generated once.
 */
@Singleton
public final class AnswerJson {
    private final ObjectMapper mapper;
    private final ObjectWriter writer;

    @Inject
    public AnswerJson(ObjectMapper serviceMapper) {
        // Jackson asks the modifier registered last first: the records' object-valued components get their generated
        // accessors (RecordComponentWriters) before Blackbird, which leaves writers it did not make alone, takes the rest.
        this.mapper = serviceMapper.copy().registerModule(new BlackbirdModule())
                .registerModule(new SimpleModule("record-component-writers").setSerializerModifier(new RecordComponentWriters()));
        this.writer = mapper.writer();
    }

    /** The mapper behind the writer, for tests that look at the property writers it builds. */
    ObjectMapper mapper() {
        return mapper;
    }

    /** The answer as UTF-8 JSON. */
    public byte[] writeBytes(Object answer) throws JsonProcessingException {
        return writer.writeValueAsBytes(answer);
    }

    /** The answer as JSON text, UTF-8 generated (faster than through a character writer) and then decoded. */
    public String write(Object answer) throws JsonProcessingException {
        return new String(writeBytes(answer), StandardCharsets.UTF_8);
    }
}
