package org.rentrecovery.portfolio;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rentrecovery.contract.Problem;

/**
 * A problem answered on the line of a batch or portfolio run that caused it: the same fields as
 * {@link Problem} (RFC 9457), plus the input line number and, when it could be read, the case ref.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "LineProblem", description = "RFC 9457 problem details for one input line, with its line number")
public record LineProblem(
        @Schema(description = "A URI reference naming the kind of problem, e.g. /problems/invalid-request") String type,
        @Schema(description = "A short summary of the kind of problem, the same for every occurrence") String title,
        @Schema(description = "The HTTP status the line would have had as a single request, e.g. 400") int status,
        @Schema(description = "What is wrong with this line, in words a person can act on") String detail,
        @Schema(description = "For a line that is not a valid case: each bad field and why") List<Problem.FieldError> errors,
        @Schema(description = "1-based line number in the input") long line,
        @Schema(description = "The case ref of the line, when it could be read") String caseRef) {

    public static LineProblem of(Problem problem, long line, String caseRef) {
        return new LineProblem(problem.type(), problem.title(), problem.status(), problem.detail(), problem.errors(), line,
                caseRef);
    }

    /** One sentence for a progress report or an errors file: the line, and what is wrong with it. */
    public String summary() {
        return "line " + line + (caseRef == null ? "" : " (" + caseRef + ")") + ": " + detail;
    }
}
