package org.rentrecovery.benefitcap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.drools.ruleunits.api.RuleUnit;
import org.drools.ruleunits.api.RuleUnitInstance;
import org.rentrecovery.engine.RuleTrace;

/** Runs the benefit cap law over one household. Thread-safe: one rule unit instance per call. */
@ApplicationScoped
public class BenefitCapRules {
    private final RuleUnit<BenefitCapLaw> law;

    @Inject
    public BenefitCapRules(RuleUnit<BenefitCapLaw> law) {
        this.law = law;
    }

    /** Outside a CDI container (plain unit tests): the unit is compiled from the same DRL at run time. */
    public static BenefitCapRules standalone() {
        return new BenefitCapRules(org.drools.ruleunits.api.RuleUnitProvider.get().getRuleUnit(new BenefitCapLaw()));
    }

    public CapHousehold judge(CapHousehold household) {
        BenefitCapLaw unit = new BenefitCapLaw();
        unit.getHouseholds().add(household);
        try (RuleUnitInstance<BenefitCapLaw> instance = law.createInstance(unit, RuleTrace.ruleConfig())) {
            instance.fire();
        }
        return household;
    }
}
