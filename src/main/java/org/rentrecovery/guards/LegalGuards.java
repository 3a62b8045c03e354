package org.rentrecovery.guards;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

/**
 * The rule unit of legal guards (rules/guards/LegalGuards.drl): steps go in, verdicts come out in
 * {@link #getFindings()}. Guards only remove or hold steps; they never add enforcement.
 */
public class LegalGuards implements RuleUnitData {
    private final DataStore<StepUnderReview> steps;
    private final GuardFindings findings;

    public LegalGuards() {
        this(DataSource.createStore(), new GuardFindings());
    }

    public LegalGuards(DataStore<StepUnderReview> steps, GuardFindings findings) {
        this.steps = steps;
        this.findings = findings;
    }

    public DataStore<StepUnderReview> getSteps() {
        return steps;
    }

    public GuardFindings getFindings() {
        return findings;
    }
}
