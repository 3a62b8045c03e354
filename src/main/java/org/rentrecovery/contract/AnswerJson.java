package org.rentrecovery.contract;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * Writes answers the same JSON, byte for byte, as the service's own mapper writes, but reading each property
 * through an accessor generated once (Blackbird) rather than by reflection, which was about 40% of writing a 6 KB
 * answer in a portfolio run's profile (docs/benchmarks.md). The decision audit writes every recorded answer with it
 * (the HTTP layer serves those very bytes), portfolio runs and the batch endpoint each of theirs. Only writing goes
 * through it: reading cases stays with the service's strict mapper, whose coercion rules Blackbird's readers would
 * not all keep. One for the service, so the accessors are generated once.
 */
@Singleton
public final class AnswerJson {
    private final ObjectWriter writer;

    @Inject
    public AnswerJson(ObjectMapper serviceMapper) {
        this.writer = serviceMapper.copy().registerModule(new BlackbirdModule()).writer();
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
