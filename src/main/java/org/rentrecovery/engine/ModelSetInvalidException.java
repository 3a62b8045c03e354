package org.rentrecovery.engine;

import java.util.List;
import java.util.stream.Collectors;

/** A set of DMN models that must not be used: every error found, each located by model, table, row and column. */
public class ModelSetInvalidException extends RuntimeException {
    private final String label;
    private final transient List<ModelProblem> problems;

    public ModelSetInvalidException(String label, List<ModelProblem> problems) {
        super("Policy model set " + label + " is invalid:\n  "
                + problems.stream().map(ModelProblem::toString).collect(Collectors.joining("\n  ")));
        this.label = label;
        this.problems = List.copyOf(problems);
    }

    /** The label the set was compiled under (its version id). */
    public String label() {
        return label;
    }

    /** The errors (and the warnings found alongside them). */
    public List<ModelProblem> problems() {
        return problems;
    }
}
