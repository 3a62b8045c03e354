package org.rentrecovery.portfolio;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * Writes answers for callers that decide many cases in a row (portfolio runs, the batch endpoint): the same
 * JSON, byte for byte, as the service's own mapper writes, but reading each property through an accessor
 * generated once (Blackbird) rather than by reflection, which was about 40% of writing a 6 KB answer in a
 * portfolio run's profile (docs/benchmarks.md). Only writing goes through it: reading cases stays with the
 * service's strict mapper, whose coercion rules Blackbird's readers would not all keep.
 */
final class AnswerJson {
    private final ObjectWriter writer;

    AnswerJson(ObjectMapper serviceMapper) {
        this.writer = serviceMapper.copy().registerModule(new BlackbirdModule()).writer();
    }

    /** The answer as JSON text, UTF-8 generated (faster than through a character writer) and then decoded. */
    String write(Object answer) throws JsonProcessingException {
        return new String(writer.writeValueAsBytes(answer), StandardCharsets.UTF_8);
    }
}
