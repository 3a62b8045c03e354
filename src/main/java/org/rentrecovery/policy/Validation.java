package org.rentrecovery.policy;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The result of checking a version: usable or not, and every problem found. */
public record Validation(
        @Schema(description = "The version checked, e.g. 2026.11.30-1") String versionId,
        @Schema(description = "True when the models compile and pass every check, so the version can be approved") boolean valid,
        @Schema(description = "Every error and warning found, each located by file, model, table, row and column") List<ModelProblem> problems) {
}
