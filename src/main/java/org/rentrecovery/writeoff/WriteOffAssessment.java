package org.rentrecovery.writeoff;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.drools.ruleunits.api.RuleUnit;
import org.drools.ruleunits.api.RuleUnitInstance;
import org.drools.ruleunits.api.RuleUnitProvider;
import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.analysis.LegalPosition;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.RentArithmetic;
import org.rentrecovery.engine.DecisionTableRuntime;
import org.rentrecovery.engine.RuleTrace;
import org.rentrecovery.escalation.PolicyAction;
import org.rentrecovery.law.LegalParameters;
import org.rentrecovery.limitation.LimitationSchedule;

/**
 * Write-off and the former tenant pathway. The law first (limitation rules, then the write-off law
 * rules: what cannot be recovered, and from whom), then the landlord's policy tables (which reasons
 * qualify, the amount, the approver; and the next step for a former tenant). Thread-safe.
 */
@ApplicationScoped
public class WriteOffAssessment {
    public static final String WRITE_OFF_MODEL = "decision-tables/writeoff/write-off.dmn";
    public static final String WRITE_OFF_NAMESPACE = "https://rentrecovery.org/dmn/write-off";
    public static final String PATHWAY_MODEL = "decision-tables/writeoff/former-tenant-pathway.dmn";
    public static final String PATHWAY_NAMESPACE = "https://rentrecovery.org/dmn/former-tenant-pathway";
    static final String LAW_RULE_PREFIX = "WriteOffLaw: ";

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

    private final RuleUnit<WriteOffLaw> law;
    private final DecisionTableRuntime writeOffTables;
    private final DecisionTableRuntime pathwayTables;

    @Inject
    public WriteOffAssessment(RuleUnit<WriteOffLaw> law) {
        this.law = law;
        this.writeOffTables = new DecisionTableRuntime(WRITE_OFF_MODEL, WRITE_OFF_NAMESPACE, "WriteOffPolicy");
        this.pathwayTables = new DecisionTableRuntime(PATHWAY_MODEL, PATHWAY_NAMESPACE, "FormerTenantPathway");
    }

    /** Outside a CDI container (plain unit tests): the rules are compiled from the same DRL at run time. */
    public static WriteOffAssessment standalone() {
        return new WriteOffAssessment(RuleUnitProvider.get().getRuleUnit(new WriteOffLaw()));
    }

    /** A line of explanation: the DMN row or DRL rule, its sentence and reference. */
    public record Explained(String rule, String text, String reference) {
    }

    /** The write-off answer and every rule and row behind it. */
    public record Outcome(WriteOffDecision decision, List<Explained> reasons) {
    }

    public Outcome assess(CaseAnalysis analysis, LegalPosition today) {
        CaseFacts facts = analysis.facts();
        LocalDate asOf = analysis.asOf();
        BigDecimal balance = analysis.balance();
        LimitationSchedule limitation = analysis.limitation();
        List<Explained> reasons = new ArrayList<>();
        limitation.rulesFired().forEach((rule, text) -> reasons.add(new Explained(rule, text, limitation.reference())));

        DebtUnderReview debt = debtUnderReview(facts, today.limitation().barredAmount());
        debt.setBarredAlsoCoveredByInsolvency(barredChargesInInsolvency(facts, limitation));
        WriteOffLaw unit = new WriteOffLaw();
        unit.getDebts().add(debt);
        try (RuleUnitInstance<WriteOffLaw> instance = law.createInstance(unit, RuleTrace.ruleConfig())) {
            instance.fire();
        }
        List<WriteOffDecision.LegalFinding> findings = new ArrayList<>();
        for (DebtUnderReview.Finding f : debt.getFindings()) {
            findings.add(new WriteOffDecision.LegalFinding(LAW_RULE_PREFIX + f.rule(), f.text(), f.reference()));
            reasons.add(new Explained(LAW_RULE_PREFIX + f.rule(), f.text(), f.reference()));
        }

        DecisionTableRuntime.Evaluation evaluation = writeOffTables.evaluate(writeOffInputs(analysis, debt));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) evaluation.result()
                .getDecisionResultByName("WriteOffReasons").getResult();
        List<DecisionTableRuntime.RowHit> reasonRows = evaluation.rowsMatched().stream()
                .filter(hit -> hit.table().equals("WriteOffReasons")).toList();
        List<WriteOffDecision.ReasonDetail> details = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            WriteOffDecision.ReasonDetail detail = new WriteOffDecision.ReasonDetail((String) row.get("reason"),
                    pounds((BigDecimal) row.get("amount")), Boolean.TRUE.equals(row.get("reinstatableIfTraced")),
                    (String) row.get("explanation"), (String) row.get("reference"), reasonRows.get(i).id());
            details.add(detail);
            reasons.add(new Explained(detail.rule(), detail.reason() + ": " + detail.text(), detail.reference()));
        }
        boolean eligible = !details.isEmpty();
        BigDecimal amount = pounds((BigDecimal) evaluation.result().getDecisionResultByName("WriteOffAmount").getResult());
        String approver = null;
        if (eligible) {
            @SuppressWarnings("unchecked")
            Map<String, Object> band = (Map<String, Object>) evaluation.result().getDecisionResultByName("WriteOffApprover").getResult();
            approver = (String) band.get("approver");
            String row = evaluation.rowsMatched().stream().filter(hit -> hit.table().equals("WriteOffApprover"))
                    .findFirst().orElseThrow().id();
            reasons.add(new Explained(row, (String) band.get("explanation"), (String) band.get("reference")));
        }
        BigDecimal recoverable = recoverableAmount(balance, debt);
        WriteOffDecision decision = new WriteOffDecision(eligible, details.stream().map(WriteOffDecision.ReasonDetail::reason).toList(),
                amount, approver, eligible ? details.stream().allMatch(WriteOffDecision.ReasonDetail::reinstatableIfTraced) : null,
                details, findings, pounds(today.limitation().barredAmount()), limitation.nextBarDate(asOf), limitation.nextBarAmount(asOf),
                recoverable);
        return new Outcome(decision, reasons);
    }

    /**
     * The next step on the former tenant pathway, as a policy action for the guards to judge, with
     * the row behind it. For a money claim the reason names the amount that may be claimed.
     */
    public PolicyAction pathwayStep(CaseAnalysis analysis, WriteOffDecision writeOff) {
        DecisionTableRuntime.Evaluation evaluation = pathwayTables.evaluate(pathwayInputs(analysis, writeOff));
        @SuppressWarnings("unchecked")
        Map<String, Object> step = (Map<String, Object>) evaluation.result().getDecisionResultByName("FormerTenantStep").getResult();
        String row = evaluation.rowsMatched().stream().filter(hit -> hit.table().equals("FormerTenantStep"))
                .findFirst().orElseThrow().id();
        ActionType action = ActionType.valueOf((String) step.get("action"));
        String reason = (String) step.get("reason");
        if (action == ActionType.MONEY_CLAIM) {
            BigDecimal excluded = analysis.balance().subtract(writeOff.recoverableAmount());
            reason += " Claim " + writeOff.recoverableAmount() + (excluded.signum() > 0
                    ? "; leave out " + excluded + " that is statute-barred or in a bankruptcy or DRO." : ".");
        }
        String approval = action == ActionType.RECOMMEND_WRITE_OFF ? writeOff.approver() : null;
        BigDecimal due = (BigDecimal) step.get("dueInDays");
        Integer dueInDays = due == null ? null : due.intValueExact();
        // A step due after the last day it can be taken without a bar is due on that last day, and says why.
        LocalDate asOf = analysis.asOf();
        if (dueInDays != null && action == ActionType.MONEY_CLAIM && writeOff.nextStatuteBarDate() != null) {
            LocalDate lastDay = writeOff.nextStatuteBarDate().minusDays(1);
            if (asOf.plusDays(dueInDays).isAfter(lastDay)) {
                dueInDays = (int) ChronoUnit.DAYS.between(asOf, lastDay);
                reason += " Issue by " + lastDay + ": after it, " + writeOff.nextStatuteBarAmount().setScale(2, RoundingMode.UNNECESSARY)
                        + " becomes statute-barred (Limitation Act 1980 s.19).";
            }
        }
        CaseFacts.Judgment judgment = analysis.facts().recovery() == null ? null : analysis.facts().recovery().judgment();
        if (dueInDays != null && action == ActionType.ENFORCE_JUDGMENT && judgment != null) {
            LocalDate permissionFrom = judgment.date().plusYears(LegalParameters.current().fixed("judgmentEnforcementYears"));
            LocalDate lastDay = permissionFrom.minusDays(1);
            if (!asOf.isAfter(lastDay) && asOf.plusDays(dueInDays).isAfter(lastDay)) {
                dueInDays = (int) ChronoUnit.DAYS.between(asOf, lastDay);
                reason += " Enforce by " + lastDay + ": from " + permissionFrom
                        + " a warrant or writ on the judgment needs the court's permission (CPR 83.2(3)(a)).";
            }
        }
        return new PolicyAction(action, 1, (String) step.get("owner"), dueInDays, approval,
                reason, (String) step.get("reference"), row);
    }

    private static DebtUnderReview debtUnderReview(CaseFacts facts, BigDecimal statuteBarred) {
        List<CaseFacts.Tenant> tenants = facts.tenancy().tenants() == null ? List.of() : facts.tenancy().tenants();
        int deceased = (int) tenants.stream().filter(t -> Boolean.TRUE.equals(t.deceased())).count();
        CaseFacts.Insolvency insolvency = facts.insolvency();
        return new DebtUnderReview(facts.asOf(), facts.account().balance(), statuteBarred, tenants.size(), deceased,
                facts.formerTenancy() == null ? null : facts.formerTenancy().estate(),
                insolvency == null ? null : insolvency.type(), insolvency == null ? null : insolvency.date(),
                CaseAnalysis.insolvencyCoveredAmount(facts));
    }

    static Map<String, Object> writeOffInputs(CaseAnalysis a, DebtUnderReview debt) {
        CaseFacts facts = a.facts();
        CaseFacts.FormerTenancy former = facts.formerTenancy();
        Map<String, Object> in = new HashMap<>();
        in.put("balance", a.balance());
        in.put("formerTenancy", a.formerTenancy());
        in.put("statuteBarredAmount", debt.getBarredAmount());
        in.put("deceasedSoleTenantWithoutEstate", debt.isDeceasedSoleTenantWithoutEstate());
        in.put("traced", traced(former));
        in.put("tracingExhausted", former != null && Boolean.TRUE.equals(former.tracingExhausted()));
        LocalDate placedOn = collectionAgencyPlacedOn(facts);
        in.put("monthsWithCollectionAgency", placedOn == null ? null : BigDecimal.valueOf(wholeMonths(placedOn, a.asOf())));
        in.put("legallyExcludedAmount", debt.getLegallyExcludedAmount());
        in.put("bankruptcyAmount", debt.getBankruptcyAmount());
        in.put("droAmount", debt.getDroAmount());
        Long silent = daysWithoutResponse(a);
        in.put("daysWithoutResponse", silent == null ? null : BigDecimal.valueOf(silent));
        in.put("recoveryCostShareOfDebt", former == null || former.estimatedRecoveryCost() == null || a.balance().signum() <= 0 ? null
                : former.estimatedRecoveryCost().divide(a.balance(), java.math.MathContext.DECIMAL128));
        in.put("vulnerable", a.vulnerable());
        in.put("vulnerabilityAssessment", a.assessmentStatus());
        CaseFacts.Household household = facts.household();
        in.put("monthlyDisposableIncome", household == null || household.monthlyIncome() == null
                || household.monthlyEssentialSpending() == null ? null
                : household.monthlyIncome().subtract(household.monthlyEssentialSpending()));
        return in;
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

    static Map<String, Object> pathwayInputs(CaseAnalysis a, WriteOffDecision writeOff) {
        CaseFacts facts = a.facts();
        CaseFacts.FormerTenancy former = facts.formerTenancy();
        boolean judgment = facts.recovery() != null && facts.recovery().judgment() != null;
        Map<String, Object> in = new HashMap<>();
        in.put("balance", a.balance());
        in.put("writeOffCoversBalance", writeOff.eligible() && writeOff.amount().compareTo(a.balance()) >= 0);
        in.put("transferredToFormerTenantTeam", FORMER_TENANT_TEAM_STEPS.stream().anyMatch(step -> a.lastTaken(step) != null)
                || (former != null && (Boolean.TRUE.equals(former.tracingExhausted()) || former.collectionAgencyPlacedOn() != null)));
        in.put("judgmentOnFile", judgment);
        in.put("moneyClaimIssued", !judgment && a.lastTaken(ActionType.MONEY_CLAIM) != null);
        Long letter = a.daysSince(ActionType.SEND_FINAL_ACCOUNT_LETTER);
        in.put("daysSinceFinalAccountLetter", letter == null ? null : BigDecimal.valueOf(letter));
        in.put("traced", traced(former));
        in.put("tracingExhausted", former != null && Boolean.TRUE.equals(former.tracingExhausted()));
        in.put("collectionAgencyPlaced", (former != null && former.collectionAgencyPlacedOn() != null)
                || a.lastTaken(ActionType.REFER_COLLECTION_AGENCY) != null);
        in.put("recoverableAmount", writeOff.recoverableAmount());
        in.put("withinSmallClaimsLimit", writeOff.recoverableAmount()
                .compareTo(LegalParameters.current().smallClaimsTrackOn(a.asOf()).limit()) <= 0);
        List<CaseFacts.Tenant> tenants = facts.tenancy().tenants() == null ? List.of() : facts.tenancy().tenants();
        in.put("deceasedSoleTenant", !tenants.isEmpty() && tenants.stream().allMatch(t -> Boolean.TRUE.equals(t.deceased())));
        in.put("estate", former == null || former.estate() == null ? "UNKNOWN" : former.estate().name());
        return in;
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
        return pounds(balance.subtract(debt.getLegallyExcludedAmount()).max(BigDecimal.ZERO));
    }

    /**
     * The statute-barred charges counted in the insolvency's figure: when the figure is worked out
     * from the charges (no arrearsCovered), the barred charges due on or before the order's date are
     * in both and counted once. An arrearsCovered figure is taken as the order's own debt, apart from
     * the statute-barred charges (docs/write-off.md).
     */
    static BigDecimal barredChargesInInsolvency(CaseFacts facts, LimitationSchedule limitation) {
        CaseFacts.Insolvency ins = facts.insolvency();
        if (ins == null || ins.arrearsCovered() != null) {
            return BigDecimal.ZERO.setScale(2);
        }
        return limitation.charges().stream().filter(c -> c.barredOn(facts.asOf()) && !c.dueDate().isAfter(ins.date()))
                .map(org.rentrecovery.limitation.ChargeLimit.ChargeOutcome::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static BigDecimal pounds(BigDecimal value) {
        return value == null ? null : RentArithmetic.pounds(value);
    }
}
