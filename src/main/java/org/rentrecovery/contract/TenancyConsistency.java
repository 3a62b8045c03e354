package org.rentrecovery.contract;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.rentrecovery.contract.CaseFacts.Tenant;

/** The tenancy's own dates, its tenants, and whether its landlord could have granted it ({@link CaseConsistency}). */
final class TenancyConsistency {
    private static final String TRIAL_START = "tenancy.trialPeriodStartDate";
    private final CaseFacts c;
    private final ConsistencyErrors errors;

    private TenancyConsistency(CaseFacts facts, ConsistencyErrors errors) {
        this.c = facts;
        this.errors = errors;
    }

    static void check(CaseFacts facts, ConsistencyErrors errors) {
        TenancyConsistency check = new TenancyConsistency(facts, errors);
        var t = facts.tenancy();
        errors.notAfterAsOf("tenancy.startDate", t.startDate());
        if (t.startDate() != null && t.endDate() != null && t.endDate().isBefore(t.startDate())) {
            errors.error("tenancy.endDate", "is before tenancy.startDate");
        }
        check.checkTenants(t.tenants());
        check.checkLandlordCanGrant();
        check.checkTrialPeriod();
        if (t.serviceChargePerPeriod() != null && t.serviceChargePerPeriod().compareTo(t.rentPerPeriod()) >= 0) {
            errors.error("tenancy.serviceChargePerPeriod", "must be less than tenancy.rentPerPeriod, of which it is a part");
        }
    }

    private void checkTenants(List<Tenant> tenants) {
        if (tenants == null) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < tenants.size(); i++) {
            Tenant tenant = tenants.get(i);
            String at = "tenancy.tenants[" + i + "]";
            if (!ids.add(tenant.id())) {
                errors.error(at + ".id", "is used by another tenant on this tenancy");
            }
            boolean deceased = Boolean.TRUE.equals(tenant.deceased());
            if (deceased && tenant.dateOfDeath() == null) {
                errors.error(at + ".dateOfDeath", "is required when the tenant is deceased");
            }
            if (!deceased && tenant.dateOfDeath() != null) {
                errors.error(at + ".dateOfDeath", "is given but deceased is not true");
            }
            errors.notAfterAsOf(at + ".dateOfDeath", tenant.dateOfDeath());
        }
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
            errors.error("tenancy.type", "is " + type + " but landlord.type is LOCAL_AUTHORITY: a local authority cannot grant an"
                    + " assured (or assured shorthold or starter) tenancy (Housing Act 1988 Sch 1 para 12); its tenancies are secure,"
                    + " flexible or introductory");
        }
        if (c.landlord().type() == Vocabulary.LandlordType.HOUSING_ASSOCIATION && type == Vocabulary.TenancyType.INTRODUCTORY) {
            errors.error("tenancy.type", "is INTRODUCTORY but landlord.type is HOUSING_ASSOCIATION: only a local housing authority"
                    + " or a housing action trust can grant an introductory tenancy (Housing Act 1996 s.124); a housing association's"
                    + " probationary tenancy is an assured shorthold, STARTER");
        }
    }

    /** A notice extending an introductory tenancy's trial period (Housing Act 1996 s.125A) runs from its start. */
    /**
     * An introductory tenancy's trial period (Housing Act 1996 s.125-125A): only an introductory tenancy has one; it
     * begins on tenancy.trialPeriodStartDate when given (s.125(2)-(4)), else on tenancy.startDate, and a notice of
     * extension is served within it.
     */
    private void checkTrialPeriod() {
        var t = c.tenancy();
        boolean introductory = t.type() == Vocabulary.TenancyType.INTRODUCTORY;
        if (t.trialPeriodStartDate() != null) {
            errors.notAfterAsOf(TRIAL_START, t.trialPeriodStartDate());
            if (!introductory) {
                errors.error(TRIAL_START, "is only for an INTRODUCTORY tenancy: no other tenancy has a trial period (Housing Act 1996 s.125)");
            }
        }
        if (t.trialExtensionNoticeServedOn() == null) {
            return;
        }
        errors.notAfterAsOf("tenancy.trialExtensionNoticeServedOn", t.trialExtensionNoticeServedOn());
        if (!introductory) {
            errors.error("tenancy.trialExtensionNoticeServedOn", "is only for an INTRODUCTORY tenancy (Housing Act 1996 s.125A)");
        }
        var trialStart = t.trialPeriodStartDate() != null ? t.trialPeriodStartDate() : t.startDate();
        if (trialStart == null) {
            errors.error("tenancy.startDate", "is required with tenancy.trialExtensionNoticeServedOn: the trial period runs from it");
        } else if (t.trialExtensionNoticeServedOn().isBefore(trialStart)) {
            errors.error("tenancy.trialExtensionNoticeServedOn", "is before the trial period began ("
                    + (t.trialPeriodStartDate() != null ? TRIAL_START : "tenancy.startDate") + " " + trialStart + ")");
        }
    }
}
