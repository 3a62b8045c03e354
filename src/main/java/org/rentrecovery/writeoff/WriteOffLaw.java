package org.rentrecovery.writeoff;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

/**
 * The rule unit of write-off law (rules/writeoff/WriteOffLaw.drl): what cannot legally be
 * recovered, and from whom, before the landlord's write-off policy is applied.
 */
public class WriteOffLaw implements RuleUnitData {
    private final DataStore<DebtUnderReview> debts;

    public WriteOffLaw() {
        this(DataSource.createStore());
    }

    public WriteOffLaw(DataStore<DebtUnderReview> debts) {
        this.debts = debts;
    }

    public DataStore<DebtUnderReview> getDebts() {
        return debts;
    }
}
