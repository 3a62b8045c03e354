package org.rentrecovery.limitation;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

/**
 * The rule unit that applies the Limitation Act 1980 to each unpaid charge
 * (rules/limitation/LimitationRules.drl): the last day each charge can be sued for.
 */
public class LimitationRules implements RuleUnitData {
    private final DataStore<ChargeLimit> charges;
    private final DataStore<AcknowledgmentMade> acknowledgments;
    private final DataStore<LimitationTerms> terms;

    public LimitationRules() {
        this(DataSource.createStore(), DataSource.createStore(), DataSource.createStore());
    }

    public LimitationRules(DataStore<ChargeLimit> charges, DataStore<AcknowledgmentMade> acknowledgments,
            DataStore<LimitationTerms> terms) {
        this.charges = charges;
        this.acknowledgments = acknowledgments;
        this.terms = terms;
    }

    public DataStore<ChargeLimit> getCharges() {
        return charges;
    }

    public DataStore<AcknowledgmentMade> getAcknowledgments() {
        return acknowledgments;
    }

    public DataStore<LimitationTerms> getTerms() {
        return terms;
    }
}
