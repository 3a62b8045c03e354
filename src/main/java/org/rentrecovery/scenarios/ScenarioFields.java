package org.rentrecovery.scenarios;

/**
 * The OpenAPI descriptions of what every scenario report names about a scenario and its expectations, shared by the
 * scenario run's results and a policy version's suite run, so both describe a scenario alike.
 */
public final class ScenarioFields {
    public static final String NAME = "The scenario's name as written";
    public static final String FILE = "The file it is written in, e.g. test-scenarios/guards/ground8.csv";
    public static final String LINE = "The line its name is written on";
    public static final String REFERENCE = "The law or policy section it checks (its own, else its suite's), e.g. docs/policy.md#team-routing";
    public static final String TARGET = "The endpoint it calls: next-action, escalation, routing, write-off, benefit-cap or worklist";
    public static final String PATH = "The path checked in the answer, e.g. nextAction.type or reasons[*].rule";
    public static final String MATCHER = "How it is compared, by the matcher's name: equals, notEquals, contains, notContains, absent, "
            + "present, size, gt, gte, lt or lte";
    public static final String EXPECTED = "The value the scenario expects";
    public static final String EXPECTATION_LINE = "The line the expectation is written on";

    private ScenarioFields() {
    }
}
