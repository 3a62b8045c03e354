package org.rentrecovery.policy;

import java.util.List;

import org.rentrecovery.contract.Problem;

/**
 * A request the policy API refuses, with nothing changed: the status, a problem type under
 * {@code /problems/policy-...}, and each field or model location and why.
 */
public class PolicyInputException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final List<ModelProblem> problems;

    public PolicyInputException(int status, String type, String title, String detail, List<Problem.FieldError> errors,
            List<ModelProblem> problems) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.problems = List.copyOf(problems);
    }

    public static PolicyInputException badField(String field, String message) {
        return new PolicyInputException(400, "/problems/invalid-request", "The request is not valid", field + " " + message,
                List.of(new Problem.FieldError(field, message)), List.of());
    }

    public static PolicyInputException badModel(String path, String message) {
        return invalidModels("The model " + path + " " + message,
                List.of(new ModelProblem(path, null, null, null, null, "ERROR", message)));
    }

    /**
     * A set refused for its errors: {@code errors} names only what must be corrected, while {@code problems} keeps the
     * warnings too, each with its severity (a refused upload would otherwise list every warning of the tables it did not
     * touch among the errors).
     */
    public static PolicyInputException invalidModels(String detail, List<ModelProblem> problems) {
        List<Problem.FieldError> errors = problems.stream().filter(problem -> !"WARNING".equals(problem.severity()))
                .map(problem -> new Problem.FieldError(problem.location(), problem.message())).toList();
        return new PolicyInputException(400, "/problems/policy-invalid-model", "The policy model is not valid", detail,
                errors, problems);
    }

    /** A suite file a draft cannot carry as sent: each problem names the file, the line and, for a cell, the column. */
    public static PolicyInputException invalidSuite(String path, List<ModelProblem> problems) {
        List<Problem.FieldError> errors = problems.stream()
                .map(problem -> new Problem.FieldError(problem.location(), problem.message())).toList();
        String first = problems.isEmpty() ? "" : ": " + problems.get(0).location() + ": " + problems.get(0).message();
        return new PolicyInputException(400, "/problems/policy-invalid-suite", "The scenario suite is not valid",
                "The suite " + path + " cannot be read" + first + (problems.size() > 1 ? " (and " + (problems.size() - 1)
                        + " more)" : ""), errors, problems);
    }

    public static PolicyInputException notFound(String what) {
        return new PolicyInputException(404, "/problems/policy-not-found", "No such policy version", what + " does not exist",
                List.of(), List.of());
    }

    public static PolicyInputException conflict(String type, String title, String detail) {
        return new PolicyInputException(409, "/problems/" + type, title, detail, List.of(), List.of());
    }

    public static PolicyInputException forbidden(String type, String title, String detail) {
        return new PolicyInputException(403, "/problems/" + type, title, detail, List.of(), List.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public List<ModelProblem> problems() {
        return problems;
    }
}
