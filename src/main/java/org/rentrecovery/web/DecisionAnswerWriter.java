package org.rentrecovery.web;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.RoutingContext;

import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;
import org.rentrecovery.contract.DecisionAnswer;

/**
 * Writes a decision answer as JSON once: a recorded answer is served as the bytes the audit recorded (kept on its
 * request by {@link RecordedDecisions}, so what is served and what is recorded cannot differ), any other answer with
 * the service's mapper as usual. Quarkus REST hands its endpoints' answers to {@link #writeResponse}, which ends the
 * response with the bytes in one call; a plain JAX-RS writer is given a header map and an output stream built per
 * request, and its bytes are copied into that stream. A recorded answer's bytes are wrapped, not copied, by the response.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class DecisionAnswerWriter implements ServerMessageBodyWriter<DecisionAnswer> {
    private final ObjectMapper mapper;

    @Inject
    public DecisionAnswerWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return writes(type, mediaType);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
        return writes(type, mediaType);
    }

    @Override
    public void writeResponse(DecisionAnswer answer, Type genericType, ServerRequestContext context) throws IOException {
        // Quarkus REST's own context is the only kind it passes here; the check keeps another caller on the plain path.
        RoutingContext routing = context instanceof ResteasyReactiveRequestContext request
                ? request.serverRequest().unwrap(RoutingContext.class) : null;
        byte[] served = RecordedDecisions.servedJson(routing, answer);
        if (served != null) {
            // Quarkus REST's end(byte[]) copies the bytes into a new buffer. Recorded bytes are never written to again,
            // so the response can wrap them: one copy of every answer less to allocate and collect.
            routing.response().end(RecordedDecisions.wrapped(served), null);
            return;
        }
        context.serverResponse().end(json(answer));
    }

    @Override
    public void writeTo(DecisionAnswer answer, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(json(answer));
    }

    private static boolean writes(Class<?> type, MediaType mediaType) {
        return DecisionAnswer.class.isAssignableFrom(type) && (mediaType == null || MediaType.APPLICATION_JSON_TYPE.isCompatible(mediaType));
    }

    private byte[] json(DecisionAnswer answer) throws IOException {
        return mapper.writeValueAsBytes(answer);
    }
}
