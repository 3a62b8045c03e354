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
import com.fasterxml.jackson.databind.ObjectMapper;

import org.rentrecovery.contract.Problem.FieldError;

/**
 * Reads one case from request bytes: strict JSON, then Bean Validation, then the cross-field rules.
 * Throws {@link InvalidRequestException} naming every bad field; never returns a partial case.
 */
@ApplicationScoped
public class CaseFactsReader {

    private final ObjectMapper mapper;
    private final Validator validator;

    @Inject
    public CaseFactsReader(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public CaseFacts read(byte[] body) {
        if (body == null || isBlank(body)) {
            throw new InvalidRequestException(JsonErrors.BODY, "is empty: send one case as a JSON object");
        }
        CaseFacts facts;
        try {
            facts = mapper.readValue(body, CaseFacts.class);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(List.of(JsonErrors.toFieldError(e)));
        } catch (IOException e) {
            throw new InvalidRequestException(JsonErrors.BODY, "could not be read as UTF-8 JSON");
        }
        return validate(facts);
    }

    public CaseFacts validate(CaseFacts facts) {
        if (facts == null) {
            throw new InvalidRequestException(JsonErrors.BODY, "must be a JSON object describing one case, not null");
        }
        Set<ConstraintViolation<CaseFacts>> violations = validator.validate(facts);
        if (!violations.isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            for (ConstraintViolation<CaseFacts> v : violations) {
                errors.add(new FieldError(v.getPropertyPath().toString().replace(".<list element>", "")
                        .replace("<list element>", ""), v.getMessage()));
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

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
