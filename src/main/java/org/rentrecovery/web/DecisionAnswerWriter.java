package org.rentrecovery.web;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.rentrecovery.audit.ServedAnswers;
import org.rentrecovery.contract.DecisionAnswer;

/**
 * Writes a decision answer as JSON once: a recorded answer is served as the bytes the audit recorded (so what is
 * served and what is recorded cannot differ), any other answer with the service's mapper as usual.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class DecisionAnswerWriter implements MessageBodyWriter<DecisionAnswer> {
    private final ObjectMapper mapper;

    @Inject
    public DecisionAnswerWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return DecisionAnswer.class.isAssignableFrom(type) && (mediaType == null || MediaType.APPLICATION_JSON_TYPE.isCompatible(mediaType));
    }

    @Override
    public void writeTo(DecisionAnswer answer, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        byte[] json = ServedAnswers.take(answer);
        if (json == null) {
            json = mapper.writeValueAsBytes(answer);
        }
        out.write(json);
    }
}
