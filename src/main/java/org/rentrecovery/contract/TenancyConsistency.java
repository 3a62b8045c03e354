package org.rentrecovery.contract;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.rentrecovery.contract.CaseFacts.Tenant;

/** The tenancy's own dates, its tenants, and whether its landlord could have granted it ({@link CaseConsistency}). */
final class TenancyConsistency {
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
        check.checkTrialExtension();
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
    private void checkTrialExtension() {
        var t = c.tenancy();
        if (t.trialExtensionNoticeServedOn() == null) {
            return;
        }
        errors.notAfterAsOf("tenancy.trialExtensionNoticeServedOn", t.trialExtensionNoticeServedOn());
        if (t.type() != Vocabulary.TenancyType.INTRODUCTORY) {
            errors.error("tenancy.trialExtensionNoticeServedOn", "is only for an INTRODUCTORY tenancy (Housing Act 1996 s.125A)");
        }
        if (t.startDate() == null) {
            errors.error("tenancy.startDate", "is required with tenancy.trialExtensionNoticeServedOn: the trial period runs from it");
        } else if (t.trialExtensionNoticeServedOn().isBefore(t.startDate())) {
            errors.error("tenancy.trialExtensionNoticeServedOn", "is before tenancy.startDate");
        }
    }
}
