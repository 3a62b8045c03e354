package org.rentrecovery.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ImpactTallyTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

    private static ImpactTally.Outcome decided(String version, String action) {
        return new ImpactTally.Outcome(version, action, "INCOME", Set.of("SERVE_NOSP"), action + " because", List.of());
    }

    @Test
    void aCaseOneVersionRefusesIsComparedAsNotDecidedOnThatSideAndCountedApart() {
        ImpactTally tally = new ImpactTally("draft-1");
        tally.add("SAME-1", AS_OF, decided("live", "LETTER_2"), decided("draft-1", "LETTER_2"));
        tally.add("DROPPED-1", AS_OF, decided("live", "LETTER_2"),
                ImpactTally.Outcome.notDecided("draft-1", "recovery.actions[0].code: OLD_CODE is not declared"));
        tally.add("NEW-1", AS_OF, ImpactTally.Outcome.notDecided("live", "recovery.actions[0].code: NEW_CODE is not declared"),
                decided("draft-1", "NEW_CODE"));
        tally.invalid(4, "BOTH-1", "asOf: is required");

        ImpactTally.Report report = tally.report(0);

        assertThat(report.cases()).isEqualTo(3);
        assertThat(report.refusedByCandidate()).isEqualTo(1);
        assertThat(report.decidedOnlyByCandidate()).isEqualTo(1);
        assertThat(report.invalid()).isEqualTo(1);
        assertThat(report.nextActionChanged()).isEqualTo(2);
        assertThat(report.nextActions().get("LETTER_2")).containsEntry("LETTER_2", 1L).containsEntry(ImpactTally.NOT_DECIDED, 1L);
        assertThat(report.nextActions().get(ImpactTally.NOT_DECIDED)).containsEntry("NEW_CODE", 1L);
        assertThat(report.teams().get("INCOME")).containsEntry(ImpactTally.NOT_DECIDED, 1L);
        ImpactTally.Example dropped = report.examples().get("nextAction LETTER_2 -> NOT_DECIDED").get(0);
        assertThat(dropped.caseRef()).isEqualTo("DROPPED-1");
        assertThat(dropped.after().reason()).isEqualTo("not decided: recovery.actions[0].code: OLD_CODE is not declared");
        assertThat(dropped.after().blocked()).isEmpty();
        assertThat(report.beforeVersions()).containsEntry("live", 3L);
        // What the deciding side blocks is not a change in blocking: the other side decided nothing.
        assertThat(report.newlyBlocked()).isEmpty();
        assertThat(report.noLongerBlocked()).isEmpty();
        assertThat(report.blockedChanged()).isZero();
    }
}
