package org.rentrecovery.engine;

/**
 * A decision-table row's output and the row it came from.
 *
 * @param row the row's citation, {@code Table/row-name} (e.g. {@code EscalationStep/serve-notice})
 */
public record Fired<T>(T value, String row) {
}
