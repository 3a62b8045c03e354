package org.rentrecovery.contract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.rentrecovery.contract.Problem.FieldError;

/**
 * Reads one case from request bytes: strict JSON, then Bean Validation, then the cross-field rules.
 * Throws {@link InvalidRequestException} naming every bad field; never returns a partial case.
 */
@ApplicationScoped
public class CaseFactsReader {

    private final ObjectMapper mapper;
    private final Validator validator;
    /** Most cases break nothing: this answers them without Hibernate Validator's allocation (docs/benchmarks.md). */
    private final ConstraintPreCheck preCheck;

    @Inject
    public CaseFactsReader(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
        this.preCheck = ConstraintPreCheck.of(validator, CaseFacts.class);
    }

    public CaseFacts read(byte[] body) {
        JsonBody.checkSize(body);
        if (JsonBody.isEmpty(body)) {
            throw new InvalidRequestException(List.of(FieldError.ofBody("is empty: send one case as a JSON object")));
        }
        CaseFacts facts;
        try {
            facts = mapper.readValue(body, CaseFacts.class);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(everyJsonError(body, e));
        } catch (IOException e) {
            throw new InvalidRequestException(List.of(FieldError.ofBody("could not be read as UTF-8 JSON")));
        }
        return validate(facts);
    }

    public CaseFacts validate(CaseFacts facts) {
        if (facts == null) {
            throw new InvalidRequestException(List.of(FieldError.ofBody("must be a JSON object describing one case, not null")));
        }
        Set<ConstraintViolation<CaseFacts>> violations = preCheck.certainlyValid(facts) ? Set.of() : validator.validate(facts);
        if (!violations.isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            for (ConstraintViolation<CaseFacts> v : violations) {
                errors.add(new FieldError(fieldOf(v), v.getMessage()));
            }
            errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
            throw new InvalidRequestException(errors);
        }
        List<FieldError> contradictions = CaseConsistency.check(facts);
        if (!contradictions.isEmpty()) {
            throw new InvalidRequestException(contradictions);
        }
        return facts;
    }

    /** How many wrong fields one answer names at most; a body wrong everywhere is not read to the end. */
    private static final int MOST_FIELD_ERRORS = 50;

    /**
     * Every field Jackson refuses, not only the first: the reader stops at the first one, so each
     * refused field is taken out of the case and the rest read again; the case's other rules (Bean
     * Validation) then add what they find in the fields left, except the "missing" of a field taken out.
     */
    private List<FieldError> everyJsonError(byte[] body, JsonProcessingException first) {
        List<FieldError> errors = new ArrayList<>(List.of(JsonErrors.toFieldError(first)));
        if (!(first instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return errors; // malformed JSON: nothing after it can be read
        }
        JsonNode tree = exactTree(body);
        if (tree == null) {
            return errors;
        }
        List<String> removed = new ArrayList<>();
        JsonMappingException current = mapping;
        while (errors.size() < MOST_FIELD_ERRORS) {
            if (!remove(tree, current.getPath())) {
                return errors;
            }
            removed.add(errors.get(errors.size() - 1).field());
            try {
                CaseFacts rest = mapper.treeToValue(tree, CaseFacts.class);
                if (rest != null) {
                    addViolationsOutside(rest, removed, errors);
                }
                return errors;
            } catch (JsonMappingException next) {
                if (next.getPath().isEmpty()) {
                    return errors;
                }
                FieldError error = JsonErrors.toFieldError(next);
                if (errors.contains(error)) {
                    return errors;
                }
                errors.add(error);
                current = next;
            } catch (JsonProcessingException other) {
                return errors;
            }
        }
        return errors;
    }

    /** The body as a tree with its numbers exact (BigDecimal), or null when it cannot be read as one. */
    private JsonNode exactTree(byte[] body) {
        try {
            return mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .with(JsonNodeFactory.withExactBigDecimals(true)).readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** The case's other rules (Bean Validation) broken by what is left, but for the fields taken out and what they hold. */
    private void addViolationsOutside(CaseFacts rest, List<String> removed, List<FieldError> errors) {
        for (ConstraintViolation<CaseFacts> v : validator.validate(rest)) {
            String field = fieldOf(v);
            if (removed.stream().noneMatch(r -> field.equals(r) || field.startsWith(r + ".") || field.startsWith(r + "["))) {
                errors.add(new FieldError(field, v.getMessage()));
            }
        }
    }

    /** Takes the node at a Jackson path out of the tree (a list item becomes null, keeping the other indexes). */
    private static boolean remove(JsonNode tree, List<JsonMappingException.Reference> path) {
        JsonNode parent = tree;
        for (int i = 0; i < path.size() - 1; i++) {
            JsonMappingException.Reference ref = path.get(i);
            parent = ref.getFieldName() != null ? parent.get(ref.getFieldName()) : parent.get(ref.getIndex());
            if (parent == null) {
                return false;
            }
        }
        JsonMappingException.Reference last = path.get(path.size() - 1);
        if (last.getFieldName() != null && parent instanceof ObjectNode object && object.has(last.getFieldName())) {
            object.remove(last.getFieldName());
            return true;
        }
        if (last.getFieldName() == null && parent instanceof ArrayNode array && last.getIndex() >= 0 && last.getIndex() < array.size()
                && !array.get(last.getIndex()).isNull()) {
            array.set(last.getIndex(), NullNode.getInstance());
            return true;
        }
        return false;
    }

    private static String fieldOf(ConstraintViolation<CaseFacts> v) {
        return v.getPropertyPath().toString().replace(".<list element>", "").replace("<list element>", "");
    }
}
