package org.rentrecovery.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rentrecovery.engine.ModelSetCompilerTest.refused;
import static org.rentrecovery.engine.ModelSetCompilerTest.withFile;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.rentrecovery.support.DmnXml;

/**
 * Issue 15, item 4: a table edit that would have made live requests fail is refused when the set is
 * built or uploaded, naming the producing model, table, row and column.
 */
class CrossTableChecksTest {
    private static final String LADDER = "escalation/escalation-ladder.dmn";
    private static final String ROUTING = "routing/team-routing.dmn";
    private static final String VOCABULARY = "vocabulary.dmn";

    @Test
    void thePackagedTablesAreConsistentAcrossTables() {
        ModelSet set = ModelSetCompiler.compile("v-test", ModelSetCompilerTest.packaged());
        assertThat(set.warnings()).noneMatch(p -> p.code().startsWith("VALUE_"));
    }

    /**
     * A landlord's own step, typed with its own list in the ladder: the ladder compiles on its own,
     * but routing takes the ladder's step as escalationStep, typed with the vocabulary's steps, so
     * every case reaching the new row would have failed the run-time type check (HTTP 500).
     */
    @Test
    void aNewStepRoutingCannotTakeIsRefusedAtTheRowThatOutputsIt() {
        Map<String, byte[]> files = withFile(LADDER, xml -> xml
                .setComponentType("tEscalationStep", "step", "tLandlordStep")
                .setAttribute("EscalationStep-out-step", "typeRef", "tLandlordStep")
                .insertTypes("<itemDefinition name=\"tLandlordStep\"><typeRef>string</typeRef>"
                        + "<allowedValues><text>" + STEPS + ",\"UPDATE_COURT_OUTCOME\"</text></allowedValues></itemDefinition>")
                .change("EscalationStep-row-10-step", "\"CLAIM_ISSUED\"", "\"UPDATE_COURT_OUTCOME\""));
        ModelSetInvalidException e = refused(files);
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("VALUE_NOT_ACCEPTED_DOWNSTREAM");
            assertThat(p.model()).isEqualTo("EscalationLadder");
            assertThat(p.table()).isEqualTo("EscalationStep");
            assertThat(p.row()).isEqualTo(10);
            assertThat(p.rowName()).isEqualTo("claim-issued");
            assertThat(p.column()).isEqualTo("step");
            assertThat(p.file()).isEqualTo(LADDER);
            assertThat(p.message()).contains("UPDATE_COURT_OUTCOME", "TeamRouting/RoutingTeam");
        });
    }

    /** The step added to the shared vocabulary, but routing's table only takes the steps it lists: no row would match. */
    @Test
    void aStepNoRowOfASingleHitTableTheServiceReadsAcceptsIsRefused() {
        Map<String, byte[]> files = new TreeMap<>(withFile(VOCABULARY, xml -> xml.setAllowedValues("tEscalationStep",
                xml.allowedValues("tEscalationStep") + ",\"UPDATE_COURT_OUTCOME\"")));
        files.put(LADDER, DmnXml.of(files.get(LADDER))
                .change("EscalationStep-row-10-step", "\"CLAIM_ISSUED\"", "\"UPDATE_COURT_OUTCOME\"").bytes());
        // Routing's own column lists the steps it takes (an input clause's allowed values).
        files.put(ROUTING, DmnXml.of(files.get(ROUTING))
                .append("RoutingTeam-in-escalationStep", "<inputValues><text>" + STEPS + "</text></inputValues>").bytes());
        ModelSetInvalidException e = refused(files);
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("VALUE_NOT_ACCEPTED_DOWNSTREAM");
            assertThat(p.table()).isEqualTo("EscalationStep");
            assertThat(p.rowName()).isEqualTo("claim-issued");
            assertThat(p.column()).isEqualTo("step");
            assertThat(p.message()).contains("UPDATE_COURT_OUTCOME", "RoutingTeam column escalationStep");
        });
    }

    private static final String STEPS = "\"FORMER_TENANCY\",\"NO_ARREARS\",\"ESTATE_RECOVERY\",\"ARRANGEMENT_KEPT\",\"BENEFIT_CLAIM_PENDING\","
            + "\"VULNERABILITY_REVIEW_OPEN\",\"ORDER_BREACHED\",\"OUTRIGHT_ORDER\",\"ORDER_BEING_KEPT\",\"CLAIM_ISSUED\",\"ISSUE_CLAIM\","
            + "\"COURT_WARNING_SENT\",\"COURT_WARNING\",\"NOTICE_SERVED\",\"SERVE_NOTICE\",\"LETTER_2\",\"LETTER_1\",\"AWAIT_RESPONSE\","
            + "\"SMS_REMINDER\",\"MONITOR\"";
}
