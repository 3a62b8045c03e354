package org.rentrecovery.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;
import org.rentrecovery.contract.Problem;
import org.rentrecovery.policy.PolicyInputException;

/**
 * The model files of a multipart upload to a draft, by path: each part is named by the path of the model it holds
 * ({@code vocabulary.dmn}, {@code escalation/escalation-ladder.dmn}), as {@code curl -F "vocabulary.dmn=@vocabulary.dmn"}
 * sends it. A part may be a file or a plain field; a path sent twice, or a part over the model limit, is refused
 * before anything is checked or stored.
 */
final class ModelParts {
    private ModelParts() {
    }

    static Map<String, byte[]> read(MultipartFormDataInput form, long maxModelBytes) throws IOException {
        Map<String, Collection<FormValue>> parts = form == null ? Map.of() : form.getValues();
        if (parts.isEmpty()) {
            throw PolicyInputException.badField("models", "is empty: send each model as a part of a multipart/form-data "
                    + "body named by its path, e.g. curl -F \"vocabulary.dmn=@vocabulary.dmn\"");
        }
        Map<String, byte[]> models = new LinkedHashMap<>();
        for (Map.Entry<String, Collection<FormValue>> part : parts.entrySet()) {
            String path = part.getKey();
            if (part.getValue().size() != 1) {
                throw PolicyInputException.badField(path, "is sent " + part.getValue().size()
                        + " times: send each model once");
            }
            models.put(path, bytes(path, part.getValue().iterator().next(), maxModelBytes));
        }
        return models;
    }

    /** One model sent as the whole body (PUT .../models/{path}), read no further than one byte over the limit. */
    static byte[] readOne(InputStream body, String path, long maxModelBytes) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxModelBytes + 1));
        return tooLargeOrAsIs(path, bytes, maxModelBytes);
    }

    private static byte[] bytes(String path, FormValue value, long maxModelBytes) throws IOException {
        if (!value.isFileItem()) {
            return tooLargeOrAsIs(path, value.getValue() == null ? new byte[0] : value.getValue().getBytes(StandardCharsets.UTF_8),
                    maxModelBytes);
        }
        if (value.getFileItem().getFileSize() > maxModelBytes) {
            throw tooLarge(path, maxModelBytes);
        }
        try (InputStream in = value.getFileItem().getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static byte[] tooLargeOrAsIs(String path, byte[] bytes, long maxModelBytes) {
        if (bytes.length > maxModelBytes) {
            throw tooLarge(path, maxModelBytes);
        }
        return bytes;
    }

    /**
     * The answer to an IOException met by a policy endpoint: for a multipart upload, the body could not be read as sent
     * (cut short, the wrong boundary), which is the caller's to correct; any other (reading the audit for an impact) is
     * the service's own, an incident as before.
     */
    static jakarta.ws.rs.core.Response unreadable(IOException e, jakarta.ws.rs.core.MediaType type) {
        if (type != null && type.isCompatible(jakarta.ws.rs.core.MediaType.MULTIPART_FORM_DATA_TYPE)) {
            return ProblemMappers.problem(unreadableBody());
        }
        return new ProblemMappers().unexpected(e);
    }

    private static Problem unreadableBody() {
        String message = "could not be read as sent: a multipart/form-data body holds one part per model, each named by "
                + "the model's path, and ends with its closing boundary";
        return Problem.badRequest("/problems/invalid-request", "The request is not valid", "body " + message,
                List.of(new Problem.FieldError("body", message)));
    }

    static PolicyInputException tooLarge(String path, long maxModelBytes) {
        return new PolicyInputException(413, "/problems/payload-too-large", "Model file too large",
                "The model " + path + " is larger than the limit of " + maxModelBytes + " bytes",
                List.of(new Problem.FieldError(path, "is larger than " + maxModelBytes + " bytes")), List.of());
    }
}
