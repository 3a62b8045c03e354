package org.rentrecovery.writeoff;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.TenantProtections;
import org.rentrecovery.contract.RentArithmetic;
import org.rentrecovery.law.LegalParameters;
import org.rentrecovery.limitation.ChargeLimit;
import org.rentrecovery.limitation.LimitationSchedule;

/**
 * The facts the write-off law and tables read, worked out from the case: the debt the law rules
 * examine, the write-off model's and the former tenant pathway's inputs, and what a money claim may
 * ask for. Plain functions of the case and the law's findings.
 */
final class WriteOffFacts {
    /** Letters that ask for payment: the tenant's silence after the last of them is "no response". */
    private static final List<ActionType> PAYMENT_REQUESTS = List.of(ActionType.SEND_FINAL_ACCOUNT_LETTER,
            ActionType.SEND_REMINDER_LETTER_1, ActionType.SEND_REMINDER_LETTER_2, ActionType.SEND_COURT_WARNING_LETTER);

    /**
     * Steps only the former tenant arrears team takes: any of them recorded (or tracing exhausted, or
     * an agency placement) shows the debt has been transferred even if the transfer itself is not recorded.
     */
    private static final List<ActionType> FORMER_TENANT_TEAM_STEPS = List.of(ActionType.TRANSFER_FORMER_TENANT_ARREARS,
            ActionType.SEND_FINAL_ACCOUNT_LETTER, ActionType.TRACE_FORMER_TENANT, ActionType.REFER_COLLECTION_AGENCY,
            ActionType.MONEY_CLAIM);

    private WriteOffFacts() {
    }

    static DebtUnderReview debtUnderReview(CaseFacts facts, BigDecimal statuteBarred) {
        List<CaseFacts.Tenant> tenants = facts.tenancy().tenants() == null ? List.of() : facts.tenancy().tenants();
        int deceased = (int) tenants.stream().filter(t -> Boolean.TRUE.equals(t.deceased())).count();
        TenantProtections.Insolvency insolvency = facts.insolvency();
        return new DebtUnderReview(facts.asOf(), facts.account().balance(), statuteBarred, tenants.size(), deceased,
                facts.formerTenancy() == null ? null : facts.formerTenancy().estate(),
                insolvency == null ? null : insolvency.type(), insolvency == null ? null : insolvency.date(),
                CaseAnalysis.insolvencyCoveredAmount(facts));
    }

    static WriteOffAssessment.WriteOffInputs writeOffInputs(CaseAnalysis a, DebtUnderReview debt) {
        CaseFacts facts = a.facts();
        CaseFacts.FormerTenancy former = facts.formerTenancy();
        LocalDate placedOn = collectionAgencyPlacedOn(facts);
        CaseFacts.Household household = facts.household();
        return new WriteOffAssessment.WriteOffInputs(a.balance(), a.formerTenancy(), debt.getBarredAmount(), debt.isDeceasedSoleTenantWithoutEstate(),
                traced(former), former != null && Boolean.TRUE.equals(former.tracingExhausted()),
                placedOn == null ? null : wholeMonths(placedOn, a.asOf()), debt.getLegallyExcludedAmount(),
                debt.getBankruptcyAmount(), debt.getDroAmount(), daysWithoutResponse(a),
                former == null || former.estimatedRecoveryCost() == null || a.balance().signum() <= 0 ? null
                        : former.estimatedRecoveryCost().divide(a.balance(), MathContext.DECIMAL128),
                a.vulnerable(), a.assessment(),
                household == null || household.monthlyIncome() == null || household.monthlyEssentialSpending() == null ? null
                        : household.monthlyIncome().subtract(household.monthlyEssentialSpending()));
    }

    /**
     * When the debt was placed with a collection agency: formerTenancy.collectionAgencyPlacedOn, or
     * else the first REFER_COLLECTION_AGENCY recorded; null if neither.
     */
    static LocalDate collectionAgencyPlacedOn(CaseFacts facts) {
        if (facts.formerTenancy() != null && facts.formerTenancy().collectionAgencyPlacedOn() != null) {
            return facts.formerTenancy().collectionAgencyPlacedOn();
        }
        if (facts.recovery() == null || facts.recovery().actions() == null) {
            return null;
        }
        return facts.recovery().actions().stream().filter(x -> x.type() == ActionType.REFER_COLLECTION_AGENCY)
                .map(CaseFacts.RecoveryAction::date).min(LocalDate::compareTo).orElse(null);
    }

    /**
     * Whole calendar months from {@code from} to {@code to}: n months have passed once from + n months
     * (clamped to the month's last day: 31 August + 3 months = 30 November) is not after {@code to}.
     */
    static long wholeMonths(LocalDate from, LocalDate to) {
        long months = Math.max(0, ChronoUnit.MONTHS.between(from, to));
        while (!from.plusMonths(months + 1).isAfter(to)) {
            months++;
        }
        return months;
    }

    static WriteOffAssessment.PathwayInputs pathwayInputs(CaseAnalysis a, WriteOffDecision writeOff) {
        CaseFacts facts = a.facts();
        CaseFacts.FormerTenancy former = facts.formerTenancy();
        boolean judgment = facts.recovery() != null && facts.recovery().judgment() != null;
        List<CaseFacts.Tenant> tenants = facts.tenancy().tenants() == null ? List.of() : facts.tenancy().tenants();
        return new WriteOffAssessment.PathwayInputs(a.balance(),
                writeOff.eligible() && writeOff.amount().compareTo(a.balance()) >= 0,
                FORMER_TENANT_TEAM_STEPS.stream().anyMatch(step -> a.lastTaken(step) != null)
                        || (former != null && (Boolean.TRUE.equals(former.tracingExhausted()) || former.collectionAgencyPlacedOn() != null)),
                judgment, !judgment && a.lastTaken(ActionType.MONEY_CLAIM) != null,
                a.daysSince(ActionType.SEND_FINAL_ACCOUNT_LETTER), traced(former),
                former != null && Boolean.TRUE.equals(former.tracingExhausted()),
                (former != null && former.collectionAgencyPlacedOn() != null) || a.lastTaken(ActionType.REFER_COLLECTION_AGENCY) != null,
                writeOff.recoverableAmount(),
                writeOff.recoverableAmount().compareTo(LegalParameters.current().smallClaimsTrackOn(a.asOf()).limit()) <= 0,
                !tenants.isEmpty() && tenants.stream().allMatch(t -> Boolean.TRUE.equals(t.deceased())),
                former == null || former.estate() == null ? "UNKNOWN" : former.estate().name());
    }

    private static String traced(CaseFacts.FormerTenancy former) {
        if (former == null || former.traced() == null) {
            return "UNKNOWN";
        }
        return former.traced() ? "YES" : "NO";
    }

    /**
     * "No response" (SMALL_BALANCE): days since the last letter asking for payment in this arrears
     * episode, when no payment ({@code lastPaymentDate}) and no written acknowledgment or part payment
     * is recorded on or after it; null when no such letter was sent or the tenant has responded.
     */
    static Long daysWithoutResponse(CaseAnalysis a) {
        LocalDate last = null;
        for (ActionType letter : PAYMENT_REQUESTS) {
            LocalDate sent = a.lastTaken(letter);
            if (sent != null && (last == null || sent.isAfter(last))) {
                last = sent;
            }
        }
        if (last == null) {
            return null;
        }
        CaseFacts.Account account = a.facts().account();
        LocalDate since = last;
        boolean paid = account.lastPaymentDate() != null && !account.lastPaymentDate().isBefore(since);
        boolean acknowledged = account.acknowledgments() != null
                && account.acknowledgments().stream().anyMatch(ack -> !ack.date().isBefore(since));
        return paid || acknowledged ? null : ChronoUnit.DAYS.between(last, a.asOf());
    }

    /**
     * What a money claim may ask for: the balance less the statute-barred charges and the arrears in
     * a bankruptcy or DRO. The two are subtracted separately (not the larger of them) because a claim
     * must not include either; where they overlap the claim is smaller than it might be, never larger.
     */
    static BigDecimal recoverableAmount(BigDecimal balance, DebtUnderReview debt) {
        if (balance.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return RentArithmetic.pounds(balance.subtract(debt.getLegallyExcludedAmount()).max(BigDecimal.ZERO));
    }

    /**
     * The statute-barred charges counted in the insolvency's figure: when the figure is worked out
     * from the charges (no arrearsCovered), the barred charges due on or before the order's date are
     * in both and counted once. An arrearsCovered figure is taken as the order's own debt, apart from
     * the statute-barred charges (docs/write-off.md).
     */
    static BigDecimal barredChargesInInsolvency(CaseFacts facts, LimitationSchedule limitation) {
        TenantProtections.Insolvency ins = facts.insolvency();
        if (ins == null || ins.arrearsCovered() != null) {
            return BigDecimal.ZERO.setScale(2);
        }
        return limitation.charges().stream().filter(c -> c.barredOn(facts.asOf()) && !c.dueDate().isAfter(ins.date()))
                .map(ChargeLimit.ChargeOutcome::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
