package org.rentrecovery.api;

import java.util.List;
import java.util.stream.Collectors;

/** The request was read but is not an acceptable case; carries every bad field. */
public class InvalidRequestException extends RuntimeException {
    private final List<Problem.FieldError> errors;

    public InvalidRequestException(List<Problem.FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new Problem.FieldError(field, message)));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
