package org.rentrecovery.contract;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem: what went wrong, and for a bad request each field and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details, served as application/problem+json")
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(
            @Schema(description = "Path of the field in the request, e.g. tenancy.tenants[0].ageYears") String field,
            String message) {
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
