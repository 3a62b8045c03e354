package org.rentrecovery.contract;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads every JSON request body the service takes (a case, a sign-in, a scenario run, a policy
 * action) the one strict way: over {@link #MAX_BYTES} is a 413, a body that is not JSON is blamed on
 * the body with its line and column, a wrong field is named (JsonErrors), and unknown fields, numbers
 * in quotes and the like are refused (StrictJson).
 */
@ApplicationScoped
public class JsonBody {
    /** 10 MiB: far above any real case or request; the NDJSON endpoints hold this per line instead. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private final ObjectMapper mapper;

    @Inject
    public JsonBody(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The body as {@code type}; null when it is empty (the caller says whether that is allowed). */
    public <T> T read(byte[] body, Class<T> type) {
        return read(body, type, null, null);
    }

    /** As {@link #read(byte[], Class)}, a refusal carrying the endpoint's own problem type and title. */
    public <T> T read(byte[] body, Class<T> type, String problemType, String problemTitle) {
        checkSize(body);
        if (isEmpty(body)) {
            return null;
        }
        try {
            return mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(problemType, problemTitle, java.util.List.of(JsonErrors.toFieldError(e)));
        } catch (IOException e) {
            throw new InvalidRequestException(problemType, problemTitle,
                    java.util.List.of(Problem.FieldError.ofBody("could not be read as UTF-8 JSON")));
        }
    }

    /** A 413 for a body over {@link #MAX_BYTES} that arrived without a Content-Length the request gate could check. */
    public static void checkSize(byte[] body) {
        if (body != null && body.length > MAX_BYTES) {
            throw new PayloadTooLargeException("The body is " + body.length + " bytes; the limit is " + MAX_BYTES + " bytes (10 MiB).");
        }
    }

    /** No bytes, or only JSON whitespace. */
    public static boolean isEmpty(byte[] body) {
        if (body == null) {
            return true;
        }
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
