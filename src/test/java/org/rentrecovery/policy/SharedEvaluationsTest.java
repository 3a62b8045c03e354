package org.rentrecovery.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.decision.Decision;
import org.rentrecovery.decision.DecisionService;
import org.rentrecovery.engine.Evaluation;
import org.rentrecovery.engine.ModelSet;
import org.rentrecovery.engine.ModelSetCompiler;
import org.rentrecovery.engine.PolicyModels;
import org.rentrecovery.engine.RuleTrace;
import org.rentrecovery.escalation.EscalationPolicy;
import org.rentrecovery.escalation.LadderInputs;
import org.rentrecovery.support.TestCases;

/**
 * Comparing two versions on one case (impact): inside {@link ModelSet#sharingEvaluations} a model whose files
 * are the same in both versions is evaluated once, and each decision is exactly the one it would be alone.
 */
class SharedEvaluationsTest {
    private static final ModelSet ACTIVE = PolicyModels.classpathSeed("active");
    private static final ModelSet SAME_FILES = ModelSetCompiler.compile("same", PolicyFiles.seed());
    private static final ModelSet LETTER_1_AT_TWO_WEEKS = letter1AtTwoWeeks();

    private static ModelSet letter1AtTwoWeeks() {
        Map<String, byte[]> files = new TreeMap<>(PolicyFiles.seed());
        files.put(PolicyFiles.LADDER, PolicyFiles.ladderWithLetter1AtTwoWeeks());
        return ModelSetCompiler.compile("letter-1-at-two-weeks", files);
    }

    /** Weekly rent 100, 1.5 weeks behind, nothing sent yet: Letter 1 under the seed, not under the draft. */
    private static CaseFacts letter1Case() {
        return TestCases.of("""
                {"caseRef": "SHARE-1", "asOf": "2026-11-30", "landlord": {"type": "LOCAL_AUTHORITY"},
                 "tenancy": {"type": "SECURE", "startDate": "2015-04-06", "rentFrequency": "WEEKLY", "rentPerPeriod": 100.00,
                             "periodStartDay": "MONDAY"},
                 "account": {"balance": 150.00}}""").facts();
    }

    private static Decision withoutIds(Decision d) {
        return new Decision("-", d.caseRef(), d.asOf(), null, d.policy(), d.escalation(), d.nextAction(), d.recommendedActions(),
                d.blockedActions(), d.arrears(), d.legal(), d.proposedActionCheck(), d.routing(), d.writeOff(), d.benefitCap(),
                d.repaymentPlan(), d.reasons());
    }

    @Test
    void eachDecisionInTheScopeIsTheOneItWouldBeAlone() {
        DecisionService decisions = TestCases.decisions();
        CaseFacts facts = letter1Case();
        Decision activeAlone = decisions.decide(facts, ACTIVE);
        Decision draftAlone = decisions.decide(facts, LETTER_1_AT_TWO_WEEKS);

        Decision[] compared = ModelSet.sharingEvaluations(() -> new Decision[] {decisions.decide(facts, ACTIVE),
                decisions.decide(facts, LETTER_1_AT_TWO_WEEKS)});

        assertThat(withoutIds(compared[0])).isEqualTo(withoutIds(activeAlone));
        assertThat(withoutIds(compared[1])).isEqualTo(withoutIds(draftAlone));
        // The case is one the change moves, so equal answers are not equal by accident.
        assertThat(activeAlone.escalation().step()).isEqualTo("LETTER_1");
        assertThat(draftAlone.escalation().step()).isNotEqualTo("LETTER_1");
    }

    @Test
    void aModelWithTheSameFilesIsEvaluatedOnceAndAChangedOneAgain() {
        CaseAnalysis analysis = new CaseAnalysis(letter1Case());
        LadderInputs inputs = LadderInputs.of(analysis, analysis.positionOn(analysis.asOf()), java.util.Map.of());

        List<Evaluation> shared = ModelSet.sharingEvaluations(() -> List.of(ACTIVE.evaluate(EscalationPolicy.LADDER, inputs),
                SAME_FILES.evaluate(EscalationPolicy.LADDER, inputs), LETTER_1_AT_TWO_WEEKS.evaluate(EscalationPolicy.LADDER, inputs)));
        Evaluation first = ACTIVE.evaluate(EscalationPolicy.LADDER, inputs);
        Evaluation second = SAME_FILES.evaluate(EscalationPolicy.LADDER, inputs);

        // In the scope, the second set's ladder (same files, its own compiled runtime) answers the first's evaluation;
        // the changed ladder is evaluated on its own; outside the scope every call evaluates.
        assertThat(shared.get(1)).isSameAs(shared.get(0));
        assertThat(shared.get(2)).isNotSameAs(shared.get(0));
        assertThat(shared.get(2).row(EscalationPolicy.STEP).row()).isNotEqualTo(shared.get(0).row(EscalationPolicy.STEP).row());
        assertThat(second).isNotSameAs(first);
        assertThat(second.rowsSelected()).isEqualTo(first.rowsSelected()).isEqualTo(shared.get(0).rowsSelected());
    }

    @Test
    void aSharedEvaluationIsStillTracedForRuleCoverage() {
        EscalationPolicy ladder = new EscalationPolicy();
        CaseAnalysis analysis = new CaseAnalysis(letter1Case());
        var today = analysis.positionOn(analysis.asOf());

        var traced = RuleTrace.record(() -> ModelSet.sharingEvaluations(() -> List.of(ladder.decide(ACTIVE, analysis, today),
                ladder.decide(SAME_FILES, analysis, today))));
        var alone = RuleTrace.record(() -> ladder.decide(ACTIVE, analysis, today));

        // A shared evaluation reports its rows to a recording in progress, as a fresh one does (rule coverage).
        assertThat(traced.hits()).isEqualTo(alone.hits());
        assertThat(traced.result().get(1).rowsMatched()).contains("EscalationStep/letter-1");
    }
}
