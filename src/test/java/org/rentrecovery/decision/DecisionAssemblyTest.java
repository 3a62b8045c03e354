package org.rentrecovery.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Reason;
import org.rentrecovery.support.TestCases;

/** The decision's steps put together: one reason per guard rule, and each endpoint's answer a part of the full decision. */
class DecisionAssemblyTest {
    private static final String NOTICE_HELD = "No arrears notice during a Breathing Space";

    private final DecisionService decisions = TestCases.decisions();

    /** A secure tenant on the notice rung in a Breathing Space, the case system also proposing a NoSP today. */
    private static CaseFacts noticeHeldTwice() {
        return TestCases.secure().set("account.balance", 495.00)
                .action("SEND_REMINDER_LETTER_1", 28).action("SEND_REMINDER_LETTER_2", 14)
                .set("breathingSpace.type", "STANDARD").set("breathingSpace.startDate", "2026-11-10")
                .set("proposedAction.type", "SERVE_NOSP").facts();
    }

    @Test
    void aGuardRuleHoldingSeveralStepsIsGivenAsOneReason() {
        Decision d = decisions.decide(noticeHeldTwice());
        List<String> holding = Stream.concat(d.blockedActions().stream().flatMap(b -> b.blockedBy().stream()),
                d.proposedActionCheck().blockedBy().stream()).map(Decision.Block::rule).toList();
        assertThat(holding).filteredOn(NOTICE_HELD::equals).hasSizeGreaterThanOrEqualTo(2);
        assertThat(d.reasons()).extracting(Reason::rule).filteredOn(rule -> rule.startsWith(ReasonCollector.GUARD_RULE_PREFIX))
                .contains(ReasonCollector.GUARD_RULE_PREFIX + NOTICE_HELD).doesNotHaveDuplicates();
    }

    @Test
    void theEscalationAnswerIsTheFullDecisionsEscalationPart() {
        CaseFacts facts = noticeHeldTwice();
        Decision full = decisions.decide(facts);
        EscalationDecision part = decisions.decideEscalation(facts);
        assertThat(part.escalation()).isEqualTo(full.escalation());
        assertThat(part.nextAction()).isEqualTo(full.nextAction());
        assertThat(part.recommendedActions()).isEqualTo(full.recommendedActions());
        assertThat(part.blockedActions()).isEqualTo(full.blockedActions());
        assertThat(part.arrears()).isEqualTo(full.arrears());
        assertThat(part.proposedActionCheck()).isEqualTo(full.proposedActionCheck());
        assertThat(part.reasons()).isEqualTo(full.reasons());
    }

    @Test
    void theRoutingAnswerCitesOnlyTheRowsRoutingReads() {
        CaseFacts facts = noticeHeldTwice();
        RoutingDecision part = decisions.decideRouting(facts);
        assertThat(part.routing()).isEqualTo(decisions.decide(facts).routing());
        assertThat(part.reasons()).extracting(Reason::rule).isNotEmpty()
                .allMatch(rule -> rule.startsWith("EscalationStep/") || rule.startsWith("ComplexCaseTrigger/")
                        || rule.startsWith("RoutingTeam/"))
                .contains(part.routing().rule());
    }
}
