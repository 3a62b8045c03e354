package org.rentrecovery.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.rentrecovery.contract.Problem;

/**
 * Documents, on every {@code /api} operation, the problem+json answers every endpoint can give
 * (401, 403, 405, 429, 503, and 400, 404, 413, 415 where the operation takes parameters or a body),
 * each with the Problem schema and an example as the service really sends it, so a case-system
 * developer sees every status they must handle without each resource repeating them. An operation's
 * own description of a status (e.g. "The case is not valid: each bad field is named") is kept; the
 * filter only fills what is missing.
 *
 * <p>It also gives the schema generated for Jackson's {@code JsonNode} (a free JSON value in scenario
 * reports and replays) a name and a description that say what it is.
 */
public class OpenApiProblems implements OASFilter {
    static final String PROBLEM_REF = "#/components/schemas/Problem";
    static final String JSON_VALUE = "JsonValue";

    /** A standard answer: its status, description and the example problem. */
    record Standard(String status, String description, String type, String title, String detail) {
    }

    static final List<Standard> ALWAYS = List.of(
            new Standard("401", "No bearer token, or one this service cannot verify (expired, wrong issuer, bad signature); "
                    + "WWW-Authenticate: Bearer", "/problems/unauthenticated", "Sign-in required",
                    "Send a valid bearer token: Authorization: Bearer TOKEN."),
            new Standard("403", "The token's roles do not include one this endpoint needs (README, \"Security\")",
                    "/problems/forbidden", "Not allowed", "Your roles do not include one this endpoint needs (docs/security.md lists them)."),
            new Standard("405", "This path does not take this method; the Allow header lists the ones it does",
                    "/problems/http-405", "Method not allowed", "GET is not allowed here; use POST."),
            new Standard("429", "Too many requests of this kind at once; retry after Retry-After seconds",
                    "/problems/too-many-requests", "Too many requests", OverloadProblemMapper.BUSY
                            + "; decisions are still answered. Retry after 10 seconds."),
            new Standard("503", "The service cannot answer just now (e.g. the audit or policy store is unreachable); retry "
                    + "after Retry-After seconds", "/problems/audit-unavailable", "Decision audit unavailable",
                    "The decision was not answered because it could not be recorded; retry after 5 seconds."));

    static final Standard BAD_REQUEST = new Standard("400", "The request is not valid: each bad field or parameter is named in errors",
            "/problems/invalid-request", "The request is not a valid case", "account.balance has the wrong type: expected a number "
                    + "(money in pounds, at most 2 decimals)");
    static final Standard NOT_FOUND = new Standard("404", "Nothing with this id or name exists (or it has passed the retention period)",
            "/problems/http-404", "Not found", "No decision 3f1c2e4a-8b7d-4c1e-9a2b-5d6e7f8a9b0c is recorded (or it has passed the retention period).");
    static final Standard TOO_LARGE = new Standard("413", "The body is over the limit (10 MiB; for NDJSON, per line)",
            "/problems/payload-too-large", "Request body too large", "The body is 12582912 bytes; the limit is 10485760 bytes (10 MiB).");
    static final Standard UNSUPPORTED = new Standard("415", "The body's Content-Type is not one this endpoint reads (see its request body)",
            "/problems/http-415", "Unsupported media type", "Send the body as JSON with Content-Type: application/json");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        renameJsonNode(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api")) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                document(operation, path.getKey().contains("{"));
            }
        }
    }

    private static void document(Operation operation, boolean pathParameters) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean parameters = pathParameters || body || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (parameters) {
            add(responses, BAD_REQUEST);
        }
        if (pathParameters) {
            add(responses, NOT_FOUND);
        }
        if (body) {
            add(responses, TOO_LARGE);
            add(responses, UNSUPPORTED);
        }
        ALWAYS.forEach(standard -> add(responses, standard));
    }

    /** Adds the standard answer, or completes an operation's own with the schema and example it lacks. */
    private static void add(APIResponses responses, Standard standard) {
        APIResponse response = responses.getAPIResponse(standard.status());
        if (response == null) {
            response = OASFactory.createAPIResponse().description(standard.description());
            responses.addAPIResponse(standard.status(), response);
        } else if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(standard.description());
        }
        Content content = response.getContent();
        if (content == null) {
            content = OASFactory.createContent();
            response.setContent(content);
        }
        MediaType problem = content.getMediaType(Problem.MEDIA_TYPE);
        if (problem == null) {
            problem = OASFactory.createMediaType();
            content.addMediaType(Problem.MEDIA_TYPE, problem);
        }
        if (problem.getSchema() == null) {
            problem.setSchema(OASFactory.createSchema().ref(PROBLEM_REF));
        }
        if (problem.getExample() == null && (problem.getExamples() == null || problem.getExamples().isEmpty())) {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", standard.type());
            example.put("title", standard.title());
            example.put("status", Integer.parseInt(standard.status()));
            example.put("detail", standard.detail());
            if ("400".equals(standard.status())) {
                example.put("errors", List.of(Map.of("field", "account.balance",
                        "message", "has the wrong type: expected a number (money in pounds, at most 2 decimals)")));
            }
            problem.setExample(example);
        }
    }

    /**
     * Jackson's JsonNode becomes a schema named after the Java class, with Jackson's internals as
     * its properties; it is any JSON value, so it is documented as one, under a name of its own.
     */
    private static void renameJsonNode(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null || !components.getSchemas().containsKey("JsonNode")) {
            return;
        }
        components.removeSchema("JsonNode");
        components.removeSchema("JsonNodeType"); // only JsonNode's own internals used it
        components.addSchema(JSON_VALUE, OASFactory.createSchema()
                .description("Any JSON value (object, array, string, number, true/false or null), as the service or the "
                        + "request gave it"));
        for (Schema schema : components.getSchemas().values()) {
            repoint(schema);
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                for (Operation operation : item.getOperations().values()) {
                    if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                        continue;
                    }
                    for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                        if (response.getContent() != null && response.getContent().getMediaTypes() != null) {
                            response.getContent().getMediaTypes().values().forEach(media -> repoint(media.getSchema()));
                        }
                    }
                }
            }
        }
    }

    private static void repoint(Schema schema) {
        if (schema == null) {
            return;
        }
        if ("#/components/schemas/JsonNode".equals(schema.getRef())) {
            schema.setRef("#/components/schemas/" + JSON_VALUE);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiProblems::repoint);
        }
        repoint(schema.getItems());
        if (schema.getAdditionalPropertiesSchema() != null) {
            repoint(schema.getAdditionalPropertiesSchema());
        }
        for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(OpenApiProblems::repoint);
            }
        }
    }
}
