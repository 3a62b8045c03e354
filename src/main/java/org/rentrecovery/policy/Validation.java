package org.rentrecovery.policy;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The result of checking a version: usable or not, every problem found, and which of them its parent does not have
 * (a draft inherits its parent's warnings; the ones its own change brought are the ones to read first).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Validation(
        @Schema(description = "The version checked, e.g. 2026.11.30-1") String versionId,
        @Schema(description = "True when the models compile and pass every check, so the version can be approved") boolean valid,
        @Schema(description = "Every error and warning found, each located by file, model, table, row and column") List<ModelProblem> problems,
        @Schema(description = "The problems the version's parent does not have: what its own change brought (absent for a "
                + "version without a parent, or whose parent does not compile)") List<ModelProblem> newSinceParent) {

    /** The problems the parent's warnings do not include, a problem matched without its row numbers (a row added above moves them). */
    static List<ModelProblem> newSince(List<ModelProblem> parentWarnings, List<ModelProblem> problems) {
        java.util.Set<String> inherited = new java.util.HashSet<>();
        parentWarnings.forEach(problem -> inherited.add(sameProblem(problem)));
        return problems.stream().filter(problem -> !inherited.contains(sameProblem(problem))).toList();
    }

    private static String sameProblem(ModelProblem p) {
        String row = p.row() == null || p.row().chars().allMatch(Character::isDigit) ? "" : p.row();
        return String.join("|", String.valueOf(p.path()), String.valueOf(p.model()), String.valueOf(p.table()), row,
                String.valueOf(p.column()), p.severity(), p.message().replaceAll("\\d+", "#"));
    }
}
