package org.rentrecovery.worklist;

import java.util.List;

/**
 * An account's place in its worklist, explained: {@code band} first (1 is first), then {@code score} (highest
 * first); {@code components} are the rows of WorklistPriorityComponents that scored, whose points add up to the
 * score (never below 0).
 */
public record PriorityScore(int score, int band, String bandReason, String bandRule, List<Component> components) {

    /** One part of the score, with the table row that gave it ({@code WorklistPriorityComponents/row-name}). */
    public record Component(PriorityComponent component, int points, String rule, String reason, String reference) {
    }
}
