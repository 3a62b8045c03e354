package org.rentrecovery.guards;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.drools.ruleunits.api.RuleUnitInstance;
import org.drools.ruleunits.api.RuleUnitProvider;

/** Runs the legal guards over a set of steps and returns their verdicts. Thread-safe. */
@ApplicationScoped
public class GuardReview {

    public GuardFindings review(List<StepUnderReview> steps) {
        LegalGuards unit = new LegalGuards();
        steps.forEach(unit.getSteps()::add);
        try (RuleUnitInstance<LegalGuards> instance = RuleUnitProvider.get().createRuleUnitInstance(unit)) {
            instance.fire();
        }
        return unit.getFindings();
    }
}
