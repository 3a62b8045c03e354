package org.rentrecovery.contract;

import java.util.List;
import java.util.stream.Collectors;

/** The request was read but is not an acceptable case; carries every bad field. */
public class InvalidRequestException extends RuntimeException {
    private final List<Problem.FieldError> errors;
    private final String type;
    private final String title;

    public InvalidRequestException(List<Problem.FieldError> errors) {
        this(null, null, errors);
    }

    /** A request that is not a case (a scenario run, an upload): its problem's own type and title. */
    public InvalidRequestException(String type, String title, List<Problem.FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
        this.type = type;
        this.title = title;
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new Problem.FieldError(field, message)));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** The 400 answer: one bad field named in the detail, or how many when there are several. */
    public Problem problem() {
        String detail = errors.size() == 1
                ? errors.get(0).field() + " " + errors.get(0).message()
                : errors.size() + " fields are invalid: " + getMessage();
        return title == null ? Problem.badRequest(detail, errors) : Problem.badRequest(type, title, detail, errors);
    }
}
