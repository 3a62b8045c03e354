package org.rentrecovery.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rentrecovery.contract.CaseFacts.Tenant;
import org.rentrecovery.contract.Problem.FieldError;

/**
 * Cross-field rules: the facts must describe one possible account on asOf. Each rule names the
 * field to correct. Events that cannot have happened yet (a payment, a notice served, a death
 * after asOf) and date pairs in the wrong order are contradictions, not facts to decide on.
 */
public final class CaseConsistency {

    private final CaseFacts c;
    private final List<FieldError> errors = new ArrayList<>();

    private CaseConsistency(CaseFacts facts) {
        this.c = facts;
    }

    public static List<FieldError> check(CaseFacts facts) {
        CaseConsistency check = new CaseConsistency(facts);
        check.run();
        check.errors.addAll(RentDayAndFixDateNoticeChecks.check(facts));
        check.errors.addAll(StepCodes.check(facts));
        return check.errors;
    }

    private void run() {
        LocalDate asOf = c.asOf();
        var t = c.tenancy();
        notAfterAsOf("tenancy.startDate", t.startDate());
        if (t.startDate() != null && t.endDate() != null && t.endDate().isBefore(t.startDate())) {
            error("tenancy.endDate", "is before tenancy.startDate");
        }
        checkTenants(t.tenants(), asOf);
        checkLandlordCanGrant();
        if (t.trialExtensionNoticeServedOn() != null) {
            notAfterAsOf("tenancy.trialExtensionNoticeServedOn", t.trialExtensionNoticeServedOn());
            if (t.type() != Vocabulary.TenancyType.INTRODUCTORY) {
                error("tenancy.trialExtensionNoticeServedOn", "is only for an INTRODUCTORY tenancy (Housing Act 1996 s.125A)");
            }
            if (t.startDate() == null) {
                error("tenancy.startDate", "is required with tenancy.trialExtensionNoticeServedOn: the trial period runs from it");
            } else if (t.trialExtensionNoticeServedOn().isBefore(t.startDate())) {
                error("tenancy.trialExtensionNoticeServedOn", "is before tenancy.startDate");
            }
        }

        var a = c.account();
        notAfterAsOf("account.lastPaymentDate", a.lastPaymentDate());
        if (a.technicalArrears() != null && a.technicalArrears().compareTo(a.balance().max(BigDecimal.ZERO)) > 0) {
            error("account.technicalArrears", "is more than the arrears (account.balance)");
        }
        if (a.balanceHistory() != null) {
            for (int i = 0; i < a.balanceHistory().size(); i++) {
                notAfterAsOf("account.balanceHistory[" + i + "].date", a.balanceHistory().get(i).date());
            }
        }
        if (a.unpaidCharges() != null) {
            for (int i = 0; i < a.unpaidCharges().size(); i++) {
                notAfterAsOf("account.unpaidCharges[" + i + "].dueDate", a.unpaidCharges().get(i).dueDate());
            }
        }
        if (a.acknowledgments() != null) {
            for (int i = 0; i < a.acknowledgments().size(); i++) {
                notAfterAsOf("account.acknowledgments[" + i + "].date", a.acknowledgments().get(i).date());
                // A part payment is a payment: something must have been paid (it does not restart limitation, s.29(6)).
                var ack = a.acknowledgments().get(i);
                if (ack.type() == Vocabulary.AcknowledgmentType.PART_PAYMENT
                        && (ack.amount() == null || ack.amount().signum() <= 0)) {
                    error("account.acknowledgments[" + i + "].amount",
                            "is required and must be more than 0 for a PART_PAYMENT: a part payment records what was paid");
                }
                if (ack.tenantId() != null && (t.tenants() == null
                        || t.tenants().stream().noneMatch(tenant -> tenant.id().equals(ack.tenantId())))) {
                    error("account.acknowledgments[" + i + "].tenantId", "names no tenant in tenancy.tenants");
                }
            }
        }

        if (a.payments() != null) {
            for (int i = 0; i < a.payments().size(); i++) {
                notAfterAsOf("account.payments[" + i + "].date", a.payments().get(i).date());
            }
        }
        if (c.pause() != null) {
            var pause = c.pause();
            notAfterAsOf("pause.setOn", pause.setOn());
            if (pause.setOn() != null && pause.until().isBefore(pause.setOn())) {
                error("pause.until", "is before pause.setOn: a pause ends after it is set");
            }
        }
        if (c.arrangement() != null) {
            checkAgreementState(c.arrangement());
            LocalDate start = c.arrangement().startDate();
            notAfterAsOf("arrangement.startDate", start);
            if (start != null && t.startDate() != null && start.isBefore(t.startDate())) {
                error("arrangement.startDate", "is before tenancy.startDate");
            }
        }
        if (c.benefits() != null) {
            var b = c.benefits();
            if (b.claimPending() != null) {
                notAfterAsOf("benefits.claimPending.since", b.claimPending().since());
            }
            notAfterAsOf("benefits.capGracePeriodStart", b.capGracePeriodStart());
        }
        if (c.breathingSpace() != null) {
            var bs = c.breathingSpace();
            if (bs.endDate() != null && bs.endDate().isBefore(bs.startDate())) {
                error("breathingSpace.endDate", "is before breathingSpace.startDate");
            }
        }
        if (c.insolvency() != null) {
            notAfterAsOf("insolvency.date", c.insolvency().date());
        }
        if (c.recovery() != null) {
            checkRecovery(c.recovery(), t.startDate());
        }
        if (c.formerTenancy() != null) {
            notAfterAsOf("formerTenancy.collectionAgencyPlacedOn", c.formerTenancy().collectionAgencyPlacedOn());
        }
        if (c.proposedAction() != null && c.proposedAction().plannedDate() != null
                && c.proposedAction().plannedDate().isBefore(asOf)) {
            error("proposedAction.plannedDate", "is before asOf: a proposal is for today or later");
        }
        checkHouseholdAndCap();
    }

    /**
     * A tenancy the landlord cannot have granted (docs/law.md#tenancies-a-landlord-cannot-grant): a local
     * authority's tenancy cannot be assured (Housing Act 1988 Sch 1 para 12), so not an assured shorthold or
     * a housing association's starter tenancy either; only a local housing authority or a housing action
     * trust can grant an introductory tenancy (Housing Act 1996 s.124).
     */
    private void checkLandlordCanGrant() {
        if (c.landlord() == null || c.landlord().type() == null) {
            return;
        }
        Vocabulary.TenancyType type = c.tenancy().type();
        if (c.landlord().type() == Vocabulary.LandlordType.LOCAL_AUTHORITY && type.isAssured()) {
            error("tenancy.type", "is " + type + " but landlord.type is LOCAL_AUTHORITY: a local authority cannot grant an assured"
                    + " (or assured shorthold or starter) tenancy (Housing Act 1988 Sch 1 para 12); its tenancies are secure,"
                    + " flexible or introductory");
        }
        if (c.landlord().type() == Vocabulary.LandlordType.HOUSING_ASSOCIATION && type == Vocabulary.TenancyType.INTRODUCTORY) {
            error("tenancy.type", "is INTRODUCTORY but landlord.type is HOUSING_ASSOCIATION: only a local housing authority or a"
                    + " housing action trust can grant an introductory tenancy (Housing Act 1996 s.124); a housing association's"
                    + " probationary tenancy is an assured shorthold, STARTER");
        }
    }

    /** Benefit cap facts that cannot all be true (docs/benefit-cap.md). */
    private void checkHouseholdAndCap() {
        var h = c.household();
        if (h != null) {
            if (Boolean.TRUE.equals(h.allOverStatePensionAge()) && Boolean.FALSE.equals(h.anyoneOverStatePensionAge())) {
                error("household.allOverStatePensionAge", "is true while household.anyoneOverStatePensionAge is false");
            }
            if (h.monthlyIncome() != null && h.netEarningsMonthly() != null && h.monthlyIncome().compareTo(h.netEarningsMonthly()) < 0) {
                error("household.monthlyIncome", "is less than household.netEarningsMonthly: income includes earnings");
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
            error("benefits.capReductionPerWeek", "is above 0 while benefits.benefitCapped is false");
        }
        if (Boolean.TRUE.equals(b.benefitCapped()) && b.housingCostSupport() == Vocabulary.HousingCostSupport.NONE) {
            error("benefits.benefitCapped", "is true without Housing Benefit or Universal Credit housing costs: the cap comes off HB or UC");
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
            error("arrangement.state", "is " + state + " while arrangement.status is KEPT: a kept agreement is LIVE or COMPLETED");
        }
        if (arrangement.status() == Vocabulary.ArrangementStatus.BROKEN && state == Vocabulary.AgreementState.COMPLETED) {
            error("arrangement.state", "is COMPLETED while arrangement.status is BROKEN");
        }
        if (arrangement.status() == Vocabulary.ArrangementStatus.NONE) {
            error("arrangement.state", "is given while arrangement.status is NONE (no agreement)");
        }
    }

    private void checkTenants(List<Tenant> tenants, LocalDate asOf) {
        if (tenants == null) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < tenants.size(); i++) {
            Tenant tenant = tenants.get(i);
            String at = "tenancy.tenants[" + i + "]";
            if (!ids.add(tenant.id())) {
                error(at + ".id", "is used by another tenant on this tenancy");
            }
            boolean deceased = Boolean.TRUE.equals(tenant.deceased());
            if (deceased && tenant.dateOfDeath() == null) {
                error(at + ".dateOfDeath", "is required when the tenant is deceased");
            }
            if (!deceased && tenant.dateOfDeath() != null) {
                error(at + ".dateOfDeath", "is given but deceased is not true");
            }
            notAfterAsOf(at + ".dateOfDeath", tenant.dateOfDeath());
        }
    }

    private void checkRecovery(CaseFacts.Recovery r, LocalDate tenancyStart) {
        if (r.actions() != null) {
            for (int i = 0; i < r.actions().size(); i++) {
                notAfterAsOf("recovery.actions[" + i + "].date", r.actions().get(i).date());
            }
        }
        var n = r.notice();
        if (n != null) {
            notAfterAsOf("recovery.notice.servedOn", n.servedOn());
            if (n.dateSpecified() != null && n.dateSpecified().isBefore(n.servedOn())) {
                error("recovery.notice.dateSpecified", "is before recovery.notice.servedOn");
            }
            if (tenancyStart != null && n.servedOn().isBefore(tenancyStart)) {
                error("recovery.notice.servedOn", "is before tenancy.startDate");
            }
        }
        var claim = r.claim();
        if (claim != null) {
            notAfterAsOf("recovery.claim.issuedOn", claim.issuedOn());
            if (claim.issuedOn() != null && claim.hearingDate() != null && claim.hearingDate().isBefore(claim.issuedOn())) {
                error("recovery.claim.hearingDate", "is before recovery.claim.issuedOn");
            }
            if (claim.issuedOn() == null && claim.hearingDate() != null) {
                error("recovery.claim.issuedOn", "is required when a hearing date is given");
            }
        }
        var order = r.courtOrder();
        if (order != null) {
            notAfterAsOf("recovery.courtOrder.madeOn", order.madeOn());
            LocalDate issued = claim == null ? null : claim.issuedOn();
            if (order.madeOn() != null && issued != null && order.madeOn().isBefore(issued)) {
                error("recovery.courtOrder.madeOn", "is before recovery.claim.issuedOn");
            }
            if (order.possessionDate() != null && order.madeOn() != null && order.possessionDate().isBefore(order.madeOn())) {
                error("recovery.courtOrder.possessionDate", "is before recovery.courtOrder.madeOn");
            }
        }
        if (r.judgment() != null) {
            notAfterAsOf("recovery.judgment.date", r.judgment().date());
        }
        checkCourtOutcome(r);
        if (r.evictionDate() != null) {
            if (order == null) {
                error("recovery.evictionDate", "needs a possession order (recovery.courtOrder): bailiffs evict only under one");
            } else if (order.madeOn() != null && r.evictionDate().isBefore(order.madeOn())) {
                error("recovery.evictionDate", "is before recovery.courtOrder.madeOn");
            }
        }
    }

    /** A hearing outcome other than an order needs the claim it was made on, and a claim that ended leaves no order. */
    private void checkCourtOutcome(CaseFacts.Recovery r) {
        var outcome = r.courtOutcome();
        if (outcome == null) {
            return;
        }
        notAfterAsOf("recovery.courtOutcome.date", outcome.date());
        LocalDate issued = r.claim() == null ? null : r.claim().issuedOn();
        if (issued == null) {
            error("recovery.courtOutcome", "needs an issued claim (recovery.claim.issuedOn): a hearing outcome is on a claim");
        } else if (outcome.date().isBefore(issued)) {
            error("recovery.courtOutcome.date", "is before recovery.claim.issuedOn");
        }
        boolean claimEnded = outcome.type() == Vocabulary.CourtOutcomeType.STRUCK_OUT
                || outcome.type() == Vocabulary.CourtOutcomeType.WITHDRAWN;
        if (claimEnded && r.courtOrder() != null
                && (r.courtOrder().madeOn() == null || !r.courtOrder().madeOn().isAfter(outcome.date()))) {
            error("recovery.courtOutcome.type", "is " + outcome.type() + " while recovery.courtOrder is given: a claim that was "
                    + "struck out or withdrawn made no possession order");
        }
    }

    private void notAfterAsOf(String field, LocalDate date) {
        if (date != null && date.isAfter(c.asOf())) {
            error(field, "is after asOf (" + c.asOf() + "): it cannot have happened yet");
        }
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
