package org.rentrecovery.guards;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.drools.ruleunits.api.RuleUnit;
import org.drools.ruleunits.api.RuleUnitInstance;
import org.rentrecovery.engine.RuleTrace;

/**
 * Runs the legal guards over a set of steps and returns their verdicts. Thread-safe: each review
 * gets its own rule unit instance from the rule base compiled at build time.
 */
@ApplicationScoped
public class GuardReview {
    private final RuleUnit<LegalGuards> guards;

    @Inject
    public GuardReview(RuleUnit<LegalGuards> guards) {
        this.guards = guards;
    }

    /**
     * Outside a CDI container (plain unit tests): the rule unit is compiled from the same DRL at run
     * time, which needs drools-wiring-dynamic and the DRL in this package's folder on the classpath.
     */
    public static GuardReview standalone() {
        return new GuardReview(org.drools.ruleunits.api.RuleUnitProvider.get().getRuleUnit(new LegalGuards()));
    }

    public GuardFindings review(List<StepUnderReview> steps) {
        LegalGuards unit = new LegalGuards();
        steps.forEach(unit.getSteps()::add);
        try (RuleUnitInstance<LegalGuards> instance = guards.createInstance(unit, RuleTrace.ruleConfig())) {
            instance.fire();
        }
        return new GuardFindings(steps);
    }
}
