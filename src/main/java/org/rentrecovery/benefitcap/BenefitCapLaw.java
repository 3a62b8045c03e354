package org.rentrecovery.benefitcap;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

/** The rule unit of benefit cap law (rules/benefitcap/BenefitCapLaw.drl): exemptions and the grace period. */
public class BenefitCapLaw implements RuleUnitData {
    private final DataStore<CapHousehold> households;

    public BenefitCapLaw() {
        this(DataSource.createStore());
    }

    public BenefitCapLaw(DataStore<CapHousehold> households) {
        this.households = households;
    }

    public DataStore<CapHousehold> getHouseholds() {
        return households;
    }
}
