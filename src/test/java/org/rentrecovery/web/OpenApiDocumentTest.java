package org.rentrecovery.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The OpenAPI document as a case-system developer reads it: every /api operation documents the
 * problem+json answers it can give, with the Problem schema and an example; schema names say what
 * they are (no Java class names such as JsonNode, no numbered duplicates such as Summary1); and
 * every schema field carries a description.
 */
@QuarkusTest
class OpenApiDocumentTest {
    private static final Set<String> EVERY_OPERATION = Set.of("401", "403", "405", "429", "503");
    private static final Set<String> WITH_A_BODY = Set.of("400", "413", "415");

    private JsonNode document;

    @BeforeEach
    void read() throws Exception {
        document = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void shouldDocumentEveryProblemAnswerOnEveryApiOperation() {
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!op.getValue().has("responses")) {
                    continue; // path-level parameters, not an operation
                }
                Set<String> expected = new TreeSet<>(EVERY_OPERATION);
                if (op.getValue().has("requestBody")) {
                    expected.addAll(WITH_A_BODY);
                }
                if (path.getKey().contains("{")) {
                    expected.add("404");
                }
                for (String status : expected) {
                    JsonNode problem = op.getValue().path("responses").path(status).path("content").path("application/problem+json");
                    if (!problem.path("schema").path("$ref").asText().endsWith("/Problem")
                            || !(problem.has("example") || problem.has("examples"))) {
                        missing.add(op.getKey().toUpperCase() + " " + path.getKey() + " " + status);
                    }
                }
            }
        }
        assertThat(missing).as("operations without a documented problem+json answer (schema and example)").isEmpty();
    }

    @Test
    void shouldNameNoSchemaAfterAJavaClassOrWithANumber() {
        Set<String> names = new TreeSet<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        assertThat(names).isNotEmpty().doesNotContain("JsonNode", "ObjectNode", "ArrayNode")
                .noneMatch(name -> name.matches(".*\\d$"));
    }

    @Test
    void shouldDescribeEverySchemaField() {
        JsonNode schemas = document.path("components").path("schemas");
        Set<String> undescribed = new TreeSet<>();
        int total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> schema = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> props = schema.getValue().path("properties").fields(); props.hasNext();) {
                Map.Entry<String, JsonNode> property = props.next();
                total++;
                if (!hasDescription(property.getValue())) {
                    undescribed.add(schema.getKey() + "." + property.getKey());
                }
            }
        }
        assertThat(total).as("schema fields in the document").isGreaterThan(700);
        assertThat(undescribed).as("schema fields without a description (describe them with @Schema(description = ...))").isEmpty();
    }

    /** A property's own description, or (for a reference alone) one given beside it with allOf. */
    private static boolean hasDescription(JsonNode property) {
        if (!property.path("description").asText().isBlank()) {
            return true;
        }
        for (JsonNode part : property.path("allOf")) {
            if (!part.path("description").asText().isBlank()) {
                return true;
            }
        }
        return false;
    }
}
