package org.rentrecovery.scenarios;

import java.util.List;

/** One suite file (YAML, or CSV with its optional defaults file) and its scenarios in file order. */
public record Suite(String file, String name, String reference, List<Scenario> scenarios) {
}
