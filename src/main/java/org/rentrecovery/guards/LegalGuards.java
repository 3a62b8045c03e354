package org.rentrecovery.guards;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

/**
 * The rule unit of legal guards (rules/guards/LegalGuards.drl). Each step under review collects
 * the blocks the rules put on it. Guards only remove or hold steps; they never add enforcement.
 */
public class LegalGuards implements RuleUnitData {
    private final DataStore<StepUnderReview> steps;

    public LegalGuards() {
        this(DataSource.createStore());
    }

    public LegalGuards(DataStore<StepUnderReview> steps) {
        this.steps = steps;
    }

    public DataStore<StepUnderReview> getSteps() {
        return steps;
    }
}
