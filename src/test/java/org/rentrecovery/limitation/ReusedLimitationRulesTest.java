package org.rentrecovery.limitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.drools.ruleunits.api.RuleUnit;
import org.drools.ruleunits.api.RuleUnitInstance;
import org.drools.ruleunits.api.RuleUnitProvider;
import org.junit.jupiter.api.Test;
import org.rentrecovery.engine.ReusedRuleUnit;
import org.rentrecovery.engine.RuleTrace;

/**
 * {@link ReusedRuleUnit} over the real limitation rules: one instance serving run after run on a thread answers
 * each run as a new instance does, and nothing of one run (here a written acknowledgment) reaches the next.
 */
class ReusedLimitationRulesTest {
    private static final RuleUnit<LimitationRules> UNIT = RuleUnitProvider.get().getRuleUnit(new LimitationRules());
    private static final LocalDate DUE = LocalDate.parse("2019-04-01");
    private static final LocalDate ACKNOWLEDGED = LocalDate.parse("2024-02-01");

    private final ReusedRuleUnit<LimitationRules> reused = new ReusedRuleUnit<>(() -> UNIT, LimitationRules::new);

    @Test
    void eachRunOnAReusedInstanceAnswersAsANewInstanceDoes() {
        for (boolean acknowledged : new boolean[] {true, false, true, false}) {
            ChargeLimit onReused = charge();
            reused.fire((data, facts) -> fill(data, facts, onReused, acknowledged));
            ChargeLimit onNew = charge();
            fireOnNewInstance(onNew, acknowledged);

            assertThat(onReused.getLastDayToSue()).isEqualTo(onNew.getLastDayToSue())
                    .isEqualTo(acknowledged ? ACKNOWLEDGED.plusYears(6) : DUE.plusYears(6));
            assertThat(onReused.getExplanations()).isEqualTo(onNew.getExplanations());
        }
    }

    @Test
    void runsAcrossTheReplacementOfTheInstanceAnswerAlike() {
        for (int run = 0; run < 600; run++) {
            boolean acknowledged = run % 3 == 0;
            ChargeLimit charge = charge();
            reused.fire((data, facts) -> fill(data, facts, charge, acknowledged));
            assertThat(charge.getLastDayToSue()).as("run %d", run)
                    .isEqualTo(acknowledged ? ACKNOWLEDGED.plusYears(6) : DUE.plusYears(6));
        }
    }

    @Test
    void aRunThatFailsHalfwayLeavesNothingForTheNext() {
        assertThatThrownBy(() -> reused.fire((data, facts) -> {
            fill(data, facts, charge(), true);
            throw new IllegalStateException("a case that cannot be read");
        })).isInstanceOf(IllegalStateException.class);

        ChargeLimit next = charge();
        reused.fire((data, facts) -> fill(data, facts, next, false));
        assertThat(next.getLastDayToSue()).isEqualTo(DUE.plusYears(6));
    }

    @Test
    void aRunStartedInsideAnotherOnTheSameThreadGetsItsOwnInstance() {
        ChargeLimit outer = charge();
        ChargeLimit inner = charge();
        reused.fire((data, facts) -> {
            fill(data, facts, outer, true);
            reused.fire((innerData, innerFacts) -> fill(innerData, innerFacts, inner, false));
        });
        assertThat(outer.getLastDayToSue()).isEqualTo(ACKNOWLEDGED.plusYears(6));
        assertThat(inner.getLastDayToSue()).isEqualTo(DUE.plusYears(6));
    }

    private static ChargeLimit charge() {
        return new ChargeLimit(DUE, new BigDecimal("100.00"));
    }

    private static void fill(LimitationRules data, ReusedRuleUnit.Facts facts, ChargeLimit charge, boolean acknowledged) {
        facts.add(data.getTerms(), terms());
        if (acknowledged) {
            facts.add(data.getAcknowledgments(), new AcknowledgmentMade(ACKNOWLEDGED, "WRITTEN", null));
        }
        facts.add(data.getCharges(), charge);
    }

    private static void fireOnNewInstance(ChargeLimit charge, boolean acknowledged) {
        LimitationRules data = new LimitationRules();
        fill(data, new ReusedRuleUnit.Facts() {
            @Override
            public <F> void add(org.drools.ruleunits.api.DataStore<F> store, F fact) {
                store.add(fact);
            }
        }, charge, acknowledged);
        try (RuleUnitInstance<LimitationRules> instance = UNIT.createInstance(data, RuleTrace.ruleConfig())) {
            instance.fire();
        }
    }

    private static LimitationTerms terms() {
        return new LimitationTerms(6, "Limitation Act 1980 s.5", null, null, 8, null, List.of());
    }
}
