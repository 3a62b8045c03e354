package org.rentrecovery.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rentrecovery.support.Scenarios;

/**
 * A run over test-scenarios/: every scenario passes, the report lands in target/scenario-report, and
 * the suites reach every row of the escalation tables and every legal guard rule, by engine events.
 */
class ScenarioCoverageTest {
    private static ScenarioReport report;

    @BeforeAll
    static void runEverySuite() throws Exception {
        ScenarioEngine engine = Scenarios.engine();
        report = engine.run(engine.loader().load(Scenarios.SUITES));
        ReportWriter.writeAll(report, engine.json(), Path.of("target/scenario-report"));
    }

    @Test
    void everySuiteReadsAndEveryScenarioPasses() {
        assertThat(report.badFiles()).isEmpty();
        assertThat(report.summary().success()).as(report.summaryText()).isTrue();
        assertThat(report.summary().scenarios()).isGreaterThanOrEqualTo(150);
    }

    @Test
    void theUniverseIsDiscoveredFromTheFilesNotListed() {
        RuleUniverse universe = Scenarios.universe();
        assertThat(universe.tables()).extracting(RuleUniverse.Table::name).contains("EscalationStep", "EscalationActions");
        assertThat(universe.tables()).filteredOn(t -> t.name().equals("EscalationStep")).singleElement()
                .satisfies(t -> assertThat(t.rows()).isEqualTo(17));
        assertThat(universe.tables()).filteredOn(t -> t.name().equals("EscalationActions")).singleElement()
                .satisfies(t -> assertThat(t.rows()).isEqualTo(34));
        assertThat(universe.ruleFiles()).filteredOn(f -> f.file().equals("rules/guards/LegalGuards.drl")).singleElement()
                .satisfies(f -> {
                    assertThat(f.unit()).isEqualTo("LegalGuards");
                    assertThat(f.rules()).hasSize(28).contains("Ground 8 is only for assured tenancies");
                });
    }

    @Test
    void theSuitesReachEveryEscalationRowAndEveryLegalGuard() {
        RuleCoverage coverage = report.coverage();
        assertThat(coverage.tables()).filteredOn(t -> t.model().equals("EscalationLadder")).hasSize(2)
                .allSatisfy(t -> assertThat(t.neverSelectedRows()).as(t.table()).isEmpty());
        assertThat(coverage.rules()).filteredOn(r -> "LegalGuards".equals(r.unit())).singleElement()
                .satisfies(r -> assertThat(r.neverFiredRules()).isEmpty());
        // The engine events and the discovered universe name the foundation's rows and rules alike.
        assertThat(coverage.firedOutsideTheUniverse())
                .noneMatch(hit -> hit.startsWith("Escalation") || hit.startsWith("org.rentrecovery.guards"));
    }

    @Test
    void aSingleScenarioRecordsOnlyWhatFiredForIt() {
        ScenarioEngine engine = Scenarios.engine();
        Scenario clearAccount = engine.loader().load(Scenarios.SUITES.resolve("escalation/ladder-basics.yaml")).suites().get(0)
                .scenarios().get(0);
        assertThat(clearAccount.name()).isEqualTo("A clear account needs nothing");
        assertThat(engine.run(clearAccount).hits()).extracting(org.rentrecovery.trace.RuleTrace.Hit::id)
                .containsExactlyInAnyOrder("EscalationStep#2", "EscalationActions#2");
    }

    @Test
    void theReportsAreWritten() throws Exception {
        Path dir = Path.of("target/scenario-report");
        assertThat(Files.readString(dir.resolve(ReportWriter.JUNIT))).contains("<testsuites", "testcase name=\"A clear account needs nothing\"");
        assertThat(Files.readString(dir.resolve(ReportWriter.HTML))).contains("Rule coverage: ", "EscalationLadder / EscalationStep");
        assertThat(Files.readString(dir.resolve(ReportWriter.JSON))).contains("\"success\" : true");
    }
}
