package org.rentrecovery.contract;

import java.util.List;

import org.rentrecovery.contract.Problem.FieldError;

/**
 * Cross-field rules: the facts must describe one possible account on asOf. Each rule names the
 * field to correct. Events that cannot have happened yet (a payment, a notice served, a death
 * after asOf) and date pairs in the wrong order are contradictions, not facts to decide on.
 * The tenancy, the account and the recovery history each have their own rules
 * ({@link TenancyConsistency}, {@link AccountConsistency}, {@link RecoveryConsistency}); the smaller
 * parts of the case are checked here, in the order of the request's fields.
 */
public final class CaseConsistency {

    private final CaseFacts c;
    private final ConsistencyErrors errors;

    private CaseConsistency(CaseFacts facts) {
        this.c = facts;
        this.errors = new ConsistencyErrors(facts.asOf());
    }

    public static List<FieldError> check(CaseFacts facts) {
        CaseConsistency check = new CaseConsistency(facts);
        check.run();
        List<FieldError> errors = check.errors.list();
        errors.addAll(RentDayAndFixDateNoticeChecks.check(facts));
        errors.addAll(StepCodes.check(facts));
        return errors;
    }

    private void run() {
        TenancyConsistency.check(c, errors);
        AccountConsistency.check(c, errors);
        checkPauseAndArrangement();
        checkBenefitsAndMoratorium();
        if (c.insolvency() != null) {
            errors.notAfterAsOf("insolvency.date", c.insolvency().date());
        }
        if (c.recovery() != null) {
            RecoveryConsistency.check(c.recovery(), c.tenancy().startDate(), errors);
        }
        if (c.formerTenancy() != null) {
            errors.notAfterAsOf("formerTenancy.collectionAgencyPlacedOn", c.formerTenancy().collectionAgencyPlacedOn());
        }
        if (c.proposedAction() != null && c.proposedAction().plannedDate() != null
                && c.proposedAction().plannedDate().isBefore(c.asOf())) {
            errors.error("proposedAction.plannedDate", "is before asOf: a proposal is for today or later");
        }
        checkHouseholdAndCap();
    }

    private void checkPauseAndArrangement() {
        if (c.pause() != null) {
            var pause = c.pause();
            errors.notAfterAsOf("pause.setOn", pause.setOn());
            if (pause.setOn() != null && pause.until().isBefore(pause.setOn())) {
                errors.error("pause.until", "is before pause.setOn: a pause ends after it is set");
            }
        }
        if (c.arrangement() != null) {
            checkAgreementState(c.arrangement());
            var start = c.arrangement().startDate();
            errors.notAfterAsOf("arrangement.startDate", start);
            if (start != null && c.tenancy().startDate() != null && start.isBefore(c.tenancy().startDate())) {
                errors.error("arrangement.startDate", "is before tenancy.startDate");
            }
        }
    }

    private void checkBenefitsAndMoratorium() {
        if (c.benefits() != null) {
            var b = c.benefits();
            if (b.claimPending() != null) {
                errors.notAfterAsOf("benefits.claimPending.since", b.claimPending().since());
            }
            errors.notAfterAsOf("benefits.capGracePeriodStart", b.capGracePeriodStart());
        }
        if (c.breathingSpace() != null) {
            var bs = c.breathingSpace();
            if (bs.endDate() != null && bs.endDate().isBefore(bs.startDate())) {
                errors.error("breathingSpace.endDate", "is before breathingSpace.startDate");
            }
        }
    }

    /** Benefit cap facts that cannot all be true (docs/benefit-cap.md). */
    private void checkHouseholdAndCap() {
        var h = c.household();
        if (h != null) {
            if (Boolean.TRUE.equals(h.allOverStatePensionAge()) && Boolean.FALSE.equals(h.anyoneOverStatePensionAge())) {
                errors.error("household.allOverStatePensionAge", "is true while household.anyoneOverStatePensionAge is false");
            }
            if (h.monthlyIncome() != null && h.netEarningsMonthly() != null && h.monthlyIncome().compareTo(h.netEarningsMonthly()) < 0) {
                errors.error("household.monthlyIncome", "is less than household.netEarningsMonthly: income includes earnings");
            }
        }
        var b = c.benefits();
        if (b == null) {
            return;
        }
        // A UC cap reduction can exceed the rent (the whole award is reduced, UC Regs 2013 reg 81), and an HB one is
        // held to the 50p floor when the cap is assessed (HB Regs 2006 reg 75D(2)): neither is refused here.
        var reduction = b.capReductionPerWeek();
        if (reduction != null && reduction.signum() > 0 && Boolean.FALSE.equals(b.benefitCapped())) {
            errors.error("benefits.capReductionPerWeek", "is above 0 while benefits.benefitCapped is false");
        }
        if (Boolean.TRUE.equals(b.benefitCapped()) && b.housingCostSupport() == Vocabulary.HousingCostSupport.NONE) {
            errors.error("benefits.benefitCapped", "is true without Housing Benefit or Universal Credit housing costs: the cap comes off HB or UC");
        }
    }

    /** The agreement's state and the older status field must describe the same agreement. */
    private void checkAgreementState(CaseFacts.Arrangement arrangement) {
        var state = arrangement.state();
        if (state == null) {
            return;
        }
        if (arrangement.status() == Vocabulary.ArrangementStatus.KEPT
                && (state == Vocabulary.AgreementState.BREACHED || state == Vocabulary.AgreementState.CANCELLED)) {
            errors.error("arrangement.state", "is " + state + " while arrangement.status is KEPT: a kept agreement is LIVE or COMPLETED");
        }
        if (arrangement.status() == Vocabulary.ArrangementStatus.BROKEN && state == Vocabulary.AgreementState.COMPLETED) {
            errors.error("arrangement.state", "is COMPLETED while arrangement.status is BROKEN");
        }
        if (arrangement.status() == Vocabulary.ArrangementStatus.NONE) {
            errors.error("arrangement.state", "is given while arrangement.status is NONE (no agreement)");
        }
    }
}
