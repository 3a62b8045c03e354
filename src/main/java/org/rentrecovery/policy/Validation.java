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
}
