package org.rentrecovery.guards;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.drools.ruleunits.api.RuleUnit;
import org.rentrecovery.engine.ReusedRuleUnit;

/**
 * Runs the legal guards over a set of steps and returns their verdicts. Thread-safe: each thread
 * reuses its own rule unit instance of the rule base compiled at build time ({@link ReusedRuleUnit}).
 */
@ApplicationScoped
public class GuardReview {
    private final ReusedRuleUnit<LegalGuards> guards;

    @Inject
    public GuardReview(RuleUnit<LegalGuards> guards) {
        this.guards = new ReusedRuleUnit<>(() -> guards, LegalGuards::new);
    }

    /**
     * Outside a CDI container (plain unit tests): the rule unit is compiled from the same DRL at run
     * time, which needs drools-wiring-dynamic and the DRL in this package's folder on the classpath.
     */
    public static GuardReview standalone() {
        return new GuardReview(ReusedRuleUnit.compiled(new LegalGuards()));
    }

    public GuardFindings review(List<StepUnderReview> steps) {
        guards.fire((unit, facts) -> steps.forEach(step -> facts.add(unit.getSteps(), step)));
        return new GuardFindings(steps);
    }
}
