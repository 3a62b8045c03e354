package org.rentrecovery.scenarios;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One scenario, ready to run: the request built from the suite defaults and the scenario's own
 * {@code given} changes, and every expectation with the line it was written on.
 */
public record Scenario(String suite, String name, String reference, String file, int line, String target,
        ObjectNode request, List<Expectation> expectations) {

    /** Where the scenario is written, e.g. {@code test-scenarios/guards/ground8.csv:7}. */
    public String location() {
        return file + ":" + line;
    }
}
