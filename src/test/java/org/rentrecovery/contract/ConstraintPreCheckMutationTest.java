package org.rentrecovery.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.rentrecovery.support.TestCases;

/**
 * Thousands of valid repository cases changed at random (fixed seed) near the constraints' bounds: a field set to a
 * value at or past a bound, taken out, or grafted from another case; a list element nulled, repeated past a list's
 * size. Wherever the pre-check says "valid", Hibernate Validator finds nothing; and it is not sure nowhere else.
 */
class ConstraintPreCheckMutationTest {
    private static final int MUTATIONS = 10_000;
    /** Exact numbers, as a request may write them (scale and exponent kept). */
    private static final ObjectMapper EXACT = new ObjectMapper().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final String[] VALUES = {"null", "\"\"", "\" \"", "\"\\u0007\"", "\"x\"", "\"A1_\"", "\"a-b\"",
            "\"" + "A".repeat(64) + "\"", "\"" + "A".repeat(65) + "\"", "\"2026-01-01\"", "0", "-1", "1", "120", "121", "1000", "1001",
            "0.00", "0.01", "-0.01", "-0.00", "1.000", "1.001", "1E+3", "1E+8", "12345678.99", "123456789.00", "99999999.99",
            "10000000", "10000000.01", "-10000000", "-10000000.01", "{}", "[]", "[null]"};

    private final Random random = new Random(20261202L);
    /** What each object's fields held in some case, by the object's path with list indexes dropped ("account.payments[]"). */
    private final Map<String, Map<String, List<JsonNode>>> donors = new HashMap<>();

    @Test
    void wherePreCheckSaysValidHibernateValidatorFindsNothing() throws IOException {
        List<ObjectNode> valid = new ArrayList<>();
        for (CaseFacts facts : ConstraintPreCheckTest.repositoryCases().values()) {
            if (ConstraintPreCheckTest.VALIDATOR.validate(facts).isEmpty()) {
                ObjectNode tree = (ObjectNode) EXACT.readTree(TestCases.MAPPER.writeValueAsString(facts));
                valid.add(tree);
                collectDonors(tree, "");
            }
        }
        int read = 0;
        int invalid = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            ObjectNode mutated = valid.get(random.nextInt(valid.size())).deepCopy();
            for (int changes = 1 + random.nextInt(3); changes > 0; changes--) {
                mutate(mutated);
            }
            CaseFacts facts = readable(EXACT.writeValueAsString(mutated));
            if (facts == null) {
                continue; // refused by Jackson, never validated
            }
            read++;
            boolean hibernate = ConstraintPreCheckTest.VALIDATOR.validate(facts).isEmpty();
            invalid += hibernate ? 0 : 1;
            assertThat(ConstraintPreCheckTest.CASE_CHECK.certainlyValid(facts)).as("mutation %d: %s", i, mutated).isEqualTo(hibernate);
        }
        System.out.printf("%d mutations: %d read by Jackson, %d of them refused by Hibernate Validator%n", MUTATIONS, read, invalid);
        assertThat(read).as("mutations Jackson read").isGreaterThan(3_000);
        assertThat(invalid).as("mutations Hibernate Validator refused").isBetween(read / 10, read * 9 / 10);
    }

    /** The case as the service reads the text (null when Jackson refuses it or it is JSON null). */
    private static CaseFacts readable(String json) {
        try {
            return TestCases.MAPPER.readValue(json, CaseFacts.class);
        } catch (IOException refused) {
            return null;
        }
    }

    private void mutate(ObjectNode root) throws IOException {
        List<String> paths = new ArrayList<>();
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(root, "", paths, containers);
        int pick = random.nextInt(containers.size());
        if (containers.get(pick) instanceof ObjectNode object) {
            mutateObject(object, paths.get(pick));
        } else {
            mutateArray((ArrayNode) containers.get(pick));
        }
    }

    private void mutateObject(ObjectNode object, String path) throws IOException {
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        Map<String, List<JsonNode>> known = donors.getOrDefault(path, Map.of());
        int kind = random.nextInt(4);
        if (kind == 0 && !known.isEmpty()) {
            List<String> names = new ArrayList<>(known.keySet());
            String name = names.get(random.nextInt(names.size()));
            List<JsonNode> examples = known.get(name);
            object.set(name, examples.get(random.nextInt(examples.size())).deepCopy());
        } else if (kind == 1 && !fields.isEmpty()) {
            object.remove(fields.get(random.nextInt(fields.size())));
        } else if (!fields.isEmpty()) {
            String field = fields.get(random.nextInt(fields.size()));
            object.set(field, random.nextInt(4) > 0 ? randomValueLike(object.get(field)) : randomValue());
        }
    }

    private void mutateArray(ArrayNode array) throws IOException {
        int kind = random.nextInt(4);
        if (array.isEmpty() || kind == 0) {
            array.add(random.nextBoolean() ? EXACT.nullNode() : randomValue());
        } else if (kind == 1) {
            array.set(random.nextInt(array.size()), randomValue());
        } else {
            JsonNode element = array.get(random.nextInt(array.size()));
            int[] counts = {1, 4, 9, 15, 1000};
            for (int copies = counts[random.nextInt(counts.length)]; copies > 0; copies--) {
                array.add(element.deepCopy());
            }
        }
    }

    /** Mostly a value of the same JSON type, so that Jackson reads the case and Bean Validation sees it. */
    private JsonNode randomValueLike(JsonNode current) throws IOException {
        for (int tries = 0; tries < 20; tries++) {
            JsonNode candidate = randomValue();
            if (candidate.getNodeType() == current.getNodeType() || candidate.isNull()) {
                return candidate;
            }
        }
        return randomValue();
    }

    private JsonNode randomValue() throws IOException {
        return EXACT.readTree(VALUES[random.nextInt(VALUES.length)]);
    }

    private void collectContainers(JsonNode node, String path, List<String> paths, List<JsonNode> containers) {
        if (node.isObject()) {
            paths.add(path);
            containers.add(node);
            node.fields().forEachRemaining(field -> collectContainers(field.getValue(), join(path, field.getKey()), paths, containers));
        } else if (node.isArray()) {
            paths.add(path + "[]");
            containers.add(node);
            node.forEach(element -> collectContainers(element, path + "[]", paths, containers));
        }
    }

    private void collectDonors(JsonNode node, String path) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                donors.computeIfAbsent(path, p -> new HashMap<>()).computeIfAbsent(field.getKey(), k -> new ArrayList<>()).add(field.getValue());
                collectDonors(field.getValue(), join(path, field.getKey()));
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectDonors(element, path + "[]"));
        }
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
