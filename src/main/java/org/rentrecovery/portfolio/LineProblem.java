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
public record LineProblem(String type, String title, int status, String detail, List<Problem.FieldError> errors,
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
