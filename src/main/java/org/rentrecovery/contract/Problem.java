package org.rentrecovery.contract;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem: what went wrong, and for a bad request each field and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details, served as application/problem+json")
public record Problem(
        @Schema(description = "A URI reference naming the kind of problem, e.g. /problems/invalid-request") String type,
        @Schema(description = "A short summary of the kind of problem, the same for every occurrence") String title,
        @Schema(description = "The HTTP status code") int status,
        @Schema(description = "What went wrong this time, in words a person can act on") String detail,
        @Schema(description = "For a bad request: each bad field and why (absent otherwise)") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FieldError", description = "One thing wrong with the request, and where")
    public record FieldError(
            @Schema(description = "Path of the field in the request, e.g. tenancy.tenants[0].ageYears; \"body\" for the "
                    + "request body as a whole (empty, not JSON, or not an object)") String field,
            @Schema(description = "What is wrong with it, in words a case-system developer can act on") String message,
            @Schema(description = "JSON pointer (RFC 6901) to the part of the body at fault, given when that is the whole body: "
                    + "\"\" (e.g. the body is not valid JSON)") String pointer) {

        public FieldError(String field, String message) {
            this(field, message, null);
        }

        /** The body as a whole is at fault (JSON pointer ""), not one field of it. */
        public static FieldError ofBody(String message) {
            return new FieldError(JsonErrors.BODY, message, "");
        }
    }

    public static Problem badRequest(String detail, List<FieldError> errors) {
        return new Problem("/problems/invalid-request", "The request is not a valid case", 400, detail, errors);
    }

    /** A 400 about something other than a case (a scenario run, a policy upload), with its own type and title. */
    public static Problem badRequest(String type, String title, String detail, List<FieldError> errors) {
        return new Problem(type, title, 400, detail, errors);
    }

    public static Problem of(int status, String type, String title, String detail) {
        return new Problem(type, title, status, detail, null);
    }
}
