package org.rentrecovery.contract;

import java.math.BigDecimal;
import java.util.List;

import org.rentrecovery.contract.CaseFacts.Tenant;

/** The rent account's dated entries and what it says about the arrears ({@link CaseConsistency}). */
final class AccountConsistency {
    private AccountConsistency() {
    }

    static void check(CaseFacts facts, ConsistencyErrors errors) {
        var a = facts.account();
        errors.notAfterAsOf("account.lastPaymentDate", a.lastPaymentDate());
        if (a.technicalArrears() != null && a.technicalArrears().compareTo(a.balance().max(BigDecimal.ZERO)) > 0) {
            errors.error("account.technicalArrears", "is more than the arrears (account.balance)");
        }
        errors.eachNotAfterAsOf("account.balanceHistory", a.balanceHistory(), CaseFacts.BalancePoint::date, "date");
        errors.eachNotAfterAsOf("account.unpaidCharges", a.unpaidCharges(), CaseFacts.UnpaidCharge::dueDate, "dueDate");
        if (a.acknowledgments() != null) {
            for (int i = 0; i < a.acknowledgments().size(); i++) {
                checkAcknowledgment(i, a.acknowledgments().get(i), facts.tenancy().tenants(), errors);
            }
        }
        errors.eachNotAfterAsOf("account.payments", a.payments(), CaseFacts.Payment::date, "date");
    }

    private static void checkAcknowledgment(int i, CaseFacts.Acknowledgment ack, List<Tenant> tenants, ConsistencyErrors errors) {
        errors.notAfterAsOf("account.acknowledgments[" + i + "].date", ack.date());
        // A part payment is a payment: something must have been paid (it does not restart limitation, s.29(6)).
        if (ack.type() == Vocabulary.AcknowledgmentType.PART_PAYMENT && (ack.amount() == null || ack.amount().signum() <= 0)) {
            errors.error("account.acknowledgments[" + i + "].amount",
                    "is required and must be more than 0 for a PART_PAYMENT: a part payment records what was paid");
        }
        if (ack.tenantId() != null && (tenants == null || tenants.stream().noneMatch(tenant -> tenant.id().equals(ack.tenantId())))) {
            errors.error("account.acknowledgments[" + i + "].tenantId", "names no tenant in tenancy.tenants");
        }
    }
}
