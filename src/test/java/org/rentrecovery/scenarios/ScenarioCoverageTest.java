package org.rentrecovery.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rentrecovery.engine.RuleFileNames;
import org.rentrecovery.support.Scenarios;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A run over test-scenarios/: every scenario passes, the report lands in target/scenario-report, and
 * the suites reach every row of every decision table and every rule of every DRL file the build
 * packages (issue 3), by engine events.
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
        assertThat(report.summary().scenarios()).isGreaterThanOrEqualTo(380);
    }

    /**
     * The universe the engine discovers from the built application is checked against the source
     * folders read here independently (DMN XML, DRL rule declarations): every file, every table and
     * every rule a policy officer or developer adds joins the universe without being listed.
     */
    @Test
    void theUniverseIsDiscoveredFromTheFilesNotListed() throws Exception {
        RuleUniverse universe = Scenarios.universe();
        Map<String, Integer> rowsOnDisk = decisionTableRowsOnDisk(Path.of("decision-tables"));
        assertThat(universe.tables()).extracting(t -> t.model() + "/" + t.name())
                .containsExactlyInAnyOrderElementsOf(rowsOnDisk.keySet())
                // the capabilities merged so far, so an empty folder cannot pass this test
                .contains("EscalationLadder/EscalationStep", "EscalationLadder/EscalationActions",
                        "BenefitCapPolicy/PriorityContributions", "BenefitCapPolicy/PriorityBand",
                        "BenefitCapPolicy/IncomeMaximisation", "BenefitCapPolicy/RepaymentLimits",
                        "TeamRouting/ComplexCaseTrigger", "TeamRouting/RoutingTeam",
                        "WriteOffPolicy/WriteOffReasons", "WriteOffPolicy/WriteOffApprover",
                        "FormerTenantPathway/FormerTenantStep");
        universe.tables().forEach(t -> assertThat(t.rows()).as(t.model() + "/" + t.name())
                .isEqualTo(rowsOnDisk.get(t.model() + "/" + t.name())));

        Map<String, List<String>> rulesOnDisk = ruleNamesOnDisk(Path.of("rules"));
        assertThat(universe.ruleFiles()).extracting(RuleFileNames.RuleFile::file)
                .containsExactlyInAnyOrderElementsOf(rulesOnDisk.keySet())
                .contains("rules/guards/LegalGuards.drl", "rules/guards/ComplexCaseGuards.drl",
                        "rules/benefitcap/BenefitCapLaw.drl", "rules/limitation/LimitationRules.drl",
                        "rules/writeoff/WriteOffLaw.drl");
        universe.ruleFiles().forEach(f -> assertThat(f.rules()).as(f.file())
                .containsExactlyElementsOf(rulesOnDisk.get(f.file())));
        assertThat(universe.ruleFiles()).filteredOn(f -> f.file().equals("rules/guards/LegalGuards.drl")).singleElement()
                .satisfies(f -> {
                    assertThat(f.unit()).isEqualTo("LegalGuards");
                    assertThat(f.rules()).contains("Ground 8 is only for assured tenancies",
                            "No collection agency referral when nothing is owed");
                });
    }

    @Test
    void theSuitesReachEveryTableRowAndEveryRuleDiscovered() {
        RuleCoverage coverage = report.coverage();
        RuleUniverse universe = Scenarios.universe();
        assertThat(coverage.tables()).hasSameSizeAs(universe.tables())
                .allSatisfy(t -> assertThat(t.neverSelectedRows()).as(t.model() + "/" + t.table()).isEmpty());
        assertThat(coverage.rules()).hasSameSizeAs(universe.ruleFiles())
                .allSatisfy(r -> assertThat(r.neverFiredRules()).as(r.file()).isEmpty());
        assertThat(coverage.total()).isEqualTo(universe.tables().stream().mapToInt(RuleUniverse.Table::rows).sum()
                + universe.ruleFiles().stream().mapToInt(f -> f.rules().size()).sum());
        assertThat(coverage.covered()).isEqualTo(coverage.total());
        assertThat(coverage.percent()).isEqualTo(100.0);
        // The engine events and the discovered universe name every row and rule alike.
        assertThat(coverage.firedOutsideTheUniverse()).isEmpty();
    }

    /** model/table -> number of rules, from each decisionTable in the DMN XML under the folder. */
    private static Map<String, Integer> decisionTableRowsOnDisk(Path folder) throws Exception {
        Map<String, Integer> rows = new TreeMap<>();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (Stream<Path> files = Files.walk(folder)) {
            // examples/ holds other landlords' worked policies, never part of the packaged policy.
            for (Path file : files.filter(f -> f.toString().endsWith(".dmn") && !folder.relativize(f).startsWith("examples"))
                    .sorted().toList()) {
                Element definitions = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
                NodeList tables = definitions.getElementsByTagNameNS("*", "decisionTable");
                for (int i = 0; i < tables.getLength(); i++) {
                    Element table = (Element) tables.item(i);
                    Node decision = table.getParentNode();
                    if (!"decision".equals(decision.getLocalName())) {
                        continue; // a table inside a business knowledge model or a context is not a decision's table
                    }
                    int count = 0;
                    for (Node child = table.getFirstChild(); child != null; child = child.getNextSibling()) {
                        if ("rule".equals(child.getLocalName())) {
                            count++;
                        }
                    }
                    rows.put(definitions.getAttribute("name") + "/" + ((Element) decision).getAttribute("name"), count);
                }
            }
        }
        return rows;
    }

    /** rules/... path -> rule names in file order, from the rule declarations in each DRL file. */
    private static Map<String, List<String>> ruleNamesOnDisk(Path folder) throws Exception {
        Pattern declaration = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");
        Map<String, List<String>> rules = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                List<String> names = new ArrayList<>();
                java.util.regex.Matcher m = declaration.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
                rules.put(file.toString().replace('\\', '/'), names);
            }
        }
        return rules;
    }

    @Test
    void aSingleScenarioRecordsOnlyWhatFiredForIt() {
        ScenarioEngine engine = Scenarios.engine();
        Scenario clearAccount = engine.loader().load(Scenarios.SUITES.resolve("escalation/ladder-basics.yaml")).suites().get(0)
                .scenarios().get(0);
        assertThat(clearAccount.name()).isEqualTo("A clear account needs nothing");
        assertThat(engine.run(clearAccount).hits()).extracting(org.rentrecovery.engine.RuleTrace.Hit::id)
                // next-action runs every part: the ladder, routing, the benefit cap policy and law, the
                // write-off tables; no guard fires for a clear account.
                .containsExactlyInAnyOrder("EscalationPause/no-pause", "EscalationStep/no-arrears", "EscalationActions/no-arrears-no-action", "ComplexCaseTrigger/none", "RoutingTeam/early-arrears",
                        "PriorityBand/routine", "RepaymentLimits/everyone-else", "The cap reduces only Housing Benefit or Universal Credit",
                        "WriteOffApprover/line-manager");
    }

    @Test
    void theReportsAreWritten() throws Exception {
        Path dir = Path.of("target/scenario-report");
        assertThat(Files.readString(dir.resolve(ReportWriter.JUNIT))).contains("<testsuites", "testcase name=\"A clear account needs nothing\"");
        assertThat(Files.readString(dir.resolve(ReportWriter.HTML))).contains("Rule coverage: ", "EscalationLadder / EscalationStep");
        assertThat(Files.readString(dir.resolve(ReportWriter.JSON))).contains("\"success\" : true");
    }
}
