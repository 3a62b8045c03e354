package org.rentrecovery.contract;

import java.time.LocalDate;

/**
 * The recovery history in the order it can happen: steps and notice, claim, hearing outcome, possession order,
 * eviction; each must follow what it depends on ({@link CaseConsistency}).
 */
final class RecoveryConsistency {
    private final CaseFacts.Recovery r;
    private final ConsistencyErrors errors;

    private RecoveryConsistency(CaseFacts.Recovery recovery, ConsistencyErrors errors) {
        this.r = recovery;
        this.errors = errors;
    }

    static void check(CaseFacts.Recovery recovery, LocalDate tenancyStart, ConsistencyErrors errors) {
        RecoveryConsistency check = new RecoveryConsistency(recovery, errors);
        errors.eachNotAfterAsOf("recovery.actions", recovery.actions(), CaseFacts.RecoveryAction::date, "date");
        check.checkNotice(tenancyStart);
        check.checkClaimAndOrder();
        if (recovery.judgment() != null) {
            errors.notAfterAsOf("recovery.judgment.date", recovery.judgment().date());
        }
        check.checkCourtOutcome();
        check.checkEviction();
    }

    private void checkNotice(LocalDate tenancyStart) {
        var n = r.notice();
        if (n == null) {
            return;
        }
        errors.notAfterAsOf("recovery.notice.servedOn", n.servedOn());
        if (n.dateSpecified() != null && n.dateSpecified().isBefore(n.servedOn())) {
            errors.error("recovery.notice.dateSpecified", "is before recovery.notice.servedOn");
        }
        if (tenancyStart != null && n.servedOn().isBefore(tenancyStart)) {
            errors.error("recovery.notice.servedOn", "is before tenancy.startDate");
        }
    }

    private void checkClaimAndOrder() {
        var claim = r.claim();
        if (claim != null) {
            errors.notAfterAsOf("recovery.claim.issuedOn", claim.issuedOn());
            if (claim.issuedOn() != null && claim.hearingDate() != null && claim.hearingDate().isBefore(claim.issuedOn())) {
                errors.error("recovery.claim.hearingDate", "is before recovery.claim.issuedOn");
            }
            if (claim.issuedOn() == null && claim.hearingDate() != null) {
                errors.error("recovery.claim.issuedOn", "is required when a hearing date is given");
            }
        }
        var order = r.courtOrder();
        if (order != null) {
            errors.notAfterAsOf("recovery.courtOrder.madeOn", order.madeOn());
            LocalDate issued = claim == null ? null : claim.issuedOn();
            if (order.madeOn() != null && issued != null && order.madeOn().isBefore(issued)) {
                errors.error("recovery.courtOrder.madeOn", "is before recovery.claim.issuedOn");
            }
            if (order.possessionDate() != null && order.madeOn() != null && order.possessionDate().isBefore(order.madeOn())) {
                errors.error("recovery.courtOrder.possessionDate", "is before recovery.courtOrder.madeOn");
            }
        }
    }

    /** A hearing outcome other than an order needs the claim it was made on, and a claim that ended leaves no order. */
    private void checkCourtOutcome() {
        var outcome = r.courtOutcome();
        if (outcome == null) {
            return;
        }
        errors.notAfterAsOf("recovery.courtOutcome.date", outcome.date());
        LocalDate issued = r.claim() == null ? null : r.claim().issuedOn();
        if (issued == null) {
            errors.error("recovery.courtOutcome", "needs an issued claim (recovery.claim.issuedOn): a hearing outcome is on a claim");
        } else if (outcome.date().isBefore(issued)) {
            errors.error("recovery.courtOutcome.date", "is before recovery.claim.issuedOn");
        }
        boolean claimEnded = outcome.type() == Vocabulary.CourtOutcomeType.STRUCK_OUT
                || outcome.type() == Vocabulary.CourtOutcomeType.WITHDRAWN;
        if (claimEnded && r.courtOrder() != null
                && (r.courtOrder().madeOn() == null || !r.courtOrder().madeOn().isAfter(outcome.date()))) {
            errors.error("recovery.courtOutcome.type", "is " + outcome.type() + " while recovery.courtOrder is given: a claim that"
                    + " was struck out or withdrawn made no possession order");
        }
    }

    private void checkEviction() {
        if (r.evictionDate() == null) {
            return;
        }
        var order = r.courtOrder();
        if (order == null) {
            errors.error("recovery.evictionDate", "needs a possession order (recovery.courtOrder): bailiffs evict only under one");
        } else if (order.madeOn() != null && r.evictionDate().isBefore(order.madeOn())) {
            errors.error("recovery.evictionDate", "is before recovery.courtOrder.madeOn");
        }
    }
}
