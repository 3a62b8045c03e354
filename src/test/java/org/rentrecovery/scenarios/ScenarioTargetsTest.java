package org.rentrecovery.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rentrecovery.support.Scenarios;

/**
 * Each decision endpoint is a scenario target: the scenario runs the endpoint's own method, and its
 * expectation paths are checked against that endpoint's response type, so a path that only exists
 * in another endpoint's answer is a bad file rather than a silently absent value.
 */
class ScenarioTargetsTest {
    private static final String CASE = """
            defaults:
              given:
                caseRef: X
                asOf: 2026-11-23
                tenancy: {type: SECURE, region: LONDON, rentFrequency: WEEKLY, rentPerPeriod: 100.00}
                account: {balance: 300.00}
                household: {composition: LONE_PARENT}
                benefits: {housingCostSupport: UNIVERSAL_CREDIT, benefitCapped: true, capReductionPerWeek: 20.00}
            scenarios:
            """;

    private static Suite load(String target, String scenarios) {
        return Scenarios.engine().loader().loadText("probe.yaml", "suite: probe\ntarget: " + target + "\n" + CASE + scenarios, null);
    }

    private static ScenarioResult runOnly(Suite suite) {
        return Scenarios.engine().run(suite.scenarios().get(0)).result();
    }

    @Test
    void everyDecisionEndpointIsATarget() {
        assertThatThrownBy(() -> load("nowhere", """
                  - name: x
                    expect: {caseRef: X}
                """)).isInstanceOf(ScenarioFileException.class)
                .hasMessageContaining("next-action, escalation, routing, write-off, benefit-cap");
    }

    @Test
    void theBenefitCapTargetAnswersABenefitCapDecision() {
        ScenarioResult result = runOnly(load("benefit-cap", """
                  - name: capped lone parent in London
                    expect:
                      benefitCap.capPerWeek: 486.98
                      benefitCap.scoreContributions[*].row: {contains: "PriorityContributions/benefit-cap-applied"}
                """));
        assertThat(result.outcome()).as(String.valueOf(result.failures())).isEqualTo(ScenarioResult.Outcome.PASSED);
    }

    @Test
    void aPathOfAnotherEndpointsAnswerIsRefusedForTheBenefitCapTarget() {
        assertThatThrownBy(() -> load("benefit-cap", """
                  - name: wrong answer type
                    expect:
                      escalation.step: LETTER_1
                """)).isInstanceOf(ScenarioFileException.class)
                .hasMessageContaining("benefit-cap response").hasMessageContaining("'escalation' is not a field");
    }

    @Test
    void theRoutingTargetAnswersTheRoutingPartAlone() {
        ScenarioResult result = runOnly(load("routing", """
                  - name: routing only
                    expect:
                      routing.team: STAGE_1
                      escalation: {absent: true}
                      writeOff: {absent: true}
                """));
        assertThat(result.outcome()).as(String.valueOf(result.failures())).isEqualTo(ScenarioResult.Outcome.PASSED);
    }

    @Test
    void theWriteOffTargetAnswersTheWriteOffPartAlone() {
        ScenarioResult result = runOnly(load("write-off", """
                  - name: write-off only
                    expect:
                      writeOff.eligible: false
                      routing: {absent: true}
                """));
        assertThat(result.outcome()).as(String.valueOf(result.failures())).isEqualTo(ScenarioResult.Outcome.PASSED);
    }

    @Test
    void aCsvExpectationCellCanBeAWholeList() {
        Suite suite = Scenarios.engine().loader().loadText("probe.csv", """
                name,expect.routing.triggers,expect.routing.decidedBy
                two triggers in order,"[DOMESTIC_ABUSE, MENTAL_HEALTH]",DOMESTIC_ABUSE
                wrong order,"[MENTAL_HEALTH, DOMESTIC_ABUSE]",DOMESTIC_ABUSE
                """, "suite: probe\ntarget: routing\n" + CASE.replace("scenarios:\n", "")
                + "    vulnerability: {flags: [MENTAL_HEALTH, DOMESTIC_ABUSE]}\n");
        assertThat(Scenarios.engine().run(suite.scenarios().get(0)).result().outcome()).isEqualTo(ScenarioResult.Outcome.PASSED);
        ScenarioResult wrongOrder = Scenarios.engine().run(suite.scenarios().get(1)).result();
        assertThat(wrongOrder.outcome()).isEqualTo(ScenarioResult.Outcome.FAILED);
        assertThat(wrongOrder.failures()).singleElement().satisfies(f -> assertThat(f.path()).isEqualTo("routing.triggers"));
    }
}
