package org.rentrecovery.benefitcap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.drools.ruleunits.api.RuleUnit;
import org.rentrecovery.engine.ReusedRuleUnit;

/** Runs the benefit cap law over one household. Thread-safe: one rule unit instance per thread, reused. */
@ApplicationScoped
public class BenefitCapRules {
    private final ReusedRuleUnit<BenefitCapLaw> law;

    @Inject
    public BenefitCapRules(RuleUnit<BenefitCapLaw> law) {
        this.law = new ReusedRuleUnit<>(() -> law, BenefitCapLaw::new);
    }

    /** Outside a CDI container (plain unit tests): the unit is compiled from the same DRL at run time. */
    public static BenefitCapRules standalone() {
        return new BenefitCapRules(ReusedRuleUnit.compiled(new BenefitCapLaw()));
    }

    public CapHousehold judge(CapHousehold household) {
        law.fire((unit, facts) -> facts.add(unit.getHouseholds(), household));
        return household;
    }
}
