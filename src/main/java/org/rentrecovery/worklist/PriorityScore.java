package org.rentrecovery.worklist;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An account's place in its worklist, explained: {@code band} first (1 is first), then {@code score} (highest
 * first); {@code components} are the rows of WorklistPriorityComponents that scored, whose points add up to the
 * score (never below 0).
 */
public record PriorityScore(int score, int band, String bandReason, String bandRule, List<Component> components) {

    /** One part of the score, with the table row that gave it ({@code WorklistPriorityComponents/row-name}). */
    public record Component(
            @Schema(description = "Which part of the priority it is, e.g. ARREARS, LIMITATION, HEARING, VULNERABILITY") PriorityComponent component,
            @Schema(description = "The points it adds to priorityScore (a component may subtract, the score never goes below 0)") int points,
            @Schema(description = "The table row that scored it, WorklistPriorityComponents/row-name") String rule,
            @Schema(description = "Why it scored, in a sentence an officer can read") String reason,
            @Schema(description = "The docs/worklists.md section or statute behind the row") String reference) {
    }
}
