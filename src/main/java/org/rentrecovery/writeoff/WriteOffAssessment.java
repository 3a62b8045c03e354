package org.rentrecovery.writeoff;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.drools.ruleunits.api.RuleUnit;
import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.analysis.LegalPosition;
import org.rentrecovery.contract.Vocabulary.AssessmentStatus;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Reason;
import org.rentrecovery.contract.RentArithmetic;
import org.rentrecovery.engine.Evaluation;
import org.rentrecovery.engine.Fired;
import org.rentrecovery.engine.ModelContract;
import org.rentrecovery.engine.ModelContracts;
import org.rentrecovery.engine.ModelContract.Output;
import org.rentrecovery.engine.ModelSet;
import org.rentrecovery.engine.PolicyModels;
import org.rentrecovery.engine.ReusedRuleUnit;
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
    public static final String PATHWAY_MODEL = "decision-tables/writeoff/former-tenant-pathway.dmn";

    /** The write-off model's inputs, one per input data node. */
    public record WriteOffInputs(BigDecimal balance, boolean formerTenancy, BigDecimal statuteBarredAmount,
            boolean deceasedSoleTenantWithoutEstate, String traced, boolean tracingExhausted, Long monthsWithCollectionAgency,
            BigDecimal legallyExcludedAmount, BigDecimal bankruptcyAmount, BigDecimal droAmount, Long daysWithoutResponse,
            BigDecimal recoveryCostShareOfDebt, boolean vulnerable, AssessmentStatus vulnerabilityAssessment,
            BigDecimal monthlyDisposableIncome) {
    }

    public record ReasonRow(String reason, BigDecimal amount, boolean reinstatableIfTraced, String explanation, String reference) {
    }

    public record ApproverRow(String approver, String explanation, String reference) {
    }

    public static final Output<ReasonRow> REASONS = Output.rows("WriteOffReasons", ReasonRow.class).orSafeRows(WriteOffSafeAnswers::reasons);
    public static final Output<BigDecimal> AMOUNT = Output.value("WriteOffAmount", BigDecimal.class).orSafe(failure -> null);
    public static final Output<ApproverRow> APPROVER = Output.row("WriteOffApprover", ApproverRow.class).orSafe(WriteOffSafeAnswers::approver);
    public static final ModelContract<WriteOffInputs> WRITE_OFF_POLICY = ModelContract.of("WriteOffPolicy", WriteOffInputs.class,
            REASONS, AMOUNT, APPROVER);

    /** The former tenant pathway's inputs, one per input data node. */
    public record PathwayInputs(BigDecimal balance, boolean writeOffCoversBalance, boolean transferredToFormerTenantTeam,
            boolean judgmentOnFile, boolean moneyClaimIssued, Long daysSinceFinalAccountLetter, String traced,
            boolean tracingExhausted, boolean collectionAgencyPlaced, BigDecimal recoverableAmount,
            boolean withinSmallClaimsLimit, boolean deceasedSoleTenant, String estate) {
    }

    public record PathwayRow(ActionType action, String owner, Integer dueInDays, String reason, String reference) {
    }

    public static final Output<PathwayRow> PATHWAY_STEP = Output.row("FormerTenantStep", PathwayRow.class).orSafe(WriteOffSafeAnswers::pathway);
    public static final ModelContract<PathwayInputs> PATHWAY = ModelContract.of("FormerTenantPathway", PathwayInputs.class,
            PATHWAY_STEP);

    /** Lets the engine check this capability's models on every compile (listed in META-INF/services). */
    public static final class Contracts implements ModelContracts {
        @Override
        public List<ModelContract<?>> contracts() {
            return List.of(WRITE_OFF_POLICY, PATHWAY);
        }
    }
    static final String LAW_RULE_PREFIX = "WriteOffLaw: ";

    private final ReusedRuleUnit<WriteOffLaw> law;
    private final PolicyModels models;

    @Inject
    public WriteOffAssessment(RuleUnit<WriteOffLaw> law, PolicyModels models) {
        this.law = new ReusedRuleUnit<>(() -> law, WriteOffLaw::new);
        this.models = models;
    }

    /** Outside a CDI container (plain unit tests): the rules are compiled from the same DRL at run time. */
    public static WriteOffAssessment standalone() {
        return new WriteOffAssessment(ReusedRuleUnit.compiled(new WriteOffLaw()), PolicyModels.seeded());
    }

    /** The write-off answer and every rule and row behind it. */
    public record Outcome(WriteOffDecision decision, List<Reason> reasons) {
    }

    public Outcome assess(CaseAnalysis analysis, LegalPosition today) {
        return assess(models.forDate(analysis.asOf()), analysis, today);
    }

    /** @param policy the policy version the whole decision uses */
    public Outcome assess(ModelSet policy, CaseAnalysis analysis, LegalPosition today) {
        CaseFacts facts = analysis.facts();
        LocalDate asOf = analysis.asOf();
        BigDecimal balance = analysis.balance();
        LimitationSchedule limitation = analysis.limitation();
        List<Reason> reasons = new ArrayList<>();
        limitation.rulesFired().forEach((rule, text) -> reasons.add(new Reason(rule, text, limitation.reference())));

        DebtUnderReview debt = WriteOffFacts.debtUnderReview(facts, today.limitation().barredAmount());
        debt.setBarredAlsoCoveredByInsolvency(WriteOffFacts.barredChargesInInsolvency(facts, limitation));
        judge(debt);
        List<Reason> findings = debt.getFindings().stream()
                .map(f -> new Reason(LAW_RULE_PREFIX + f.rule(), f.text(), f.reference())).toList();
        reasons.addAll(findings);

        Evaluation evaluation = policy.evaluate(WRITE_OFF_POLICY, WriteOffFacts.writeOffInputs(analysis, debt));
        List<WriteOffDecision.ReasonDetail> details = new ArrayList<>();
        for (Fired<ReasonRow> fired : evaluation.rows(REASONS)) {
            ReasonRow row = fired.value();
            WriteOffDecision.ReasonDetail detail = new WriteOffDecision.ReasonDetail(row.reason(), pounds(row.amount()),
                    row.reinstatableIfTraced(), row.explanation(), row.reference(), fired.row());
            details.add(detail);
            reasons.add(new Reason(detail.rule(), detail.reason() + ": " + detail.text(), detail.reference()));
        }
        boolean eligible = !details.isEmpty();
        BigDecimal amount = pounds(evaluation.value(AMOUNT));
        String approver = null;
        if (eligible) {
            Fired<ApproverRow> band = evaluation.row(APPROVER);
            approver = band.value().approver();
            reasons.add(new Reason(band.row(), band.value().explanation(), band.value().reference()));
        }
        BigDecimal recoverable = WriteOffFacts.recoverableAmount(balance, debt);
        WriteOffDecision decision = new WriteOffDecision(eligible, details.stream().map(WriteOffDecision.ReasonDetail::reason).toList(),
                amount, approver, eligible ? details.stream().allMatch(WriteOffDecision.ReasonDetail::reinstatableIfTraced) : null,
                details, findings, pounds(today.limitation().barredAmount()), limitation.nextBarDate(asOf), limitation.nextBarAmount(asOf),
                recoverable);
        return new Outcome(decision, reasons);
    }

    /** The write-off law's rules find, on the debt, what cannot be recovered and from whom. */
    private void judge(DebtUnderReview debt) {
        law.fire((unit, facts) -> facts.add(unit.getDebts(), debt));
    }

    /**
     * The next step on the former tenant pathway, as a policy action for the guards to judge, with
     * the row behind it. For a money claim the reason names the amount that may be claimed.
     */
    public PolicyAction pathwayStep(CaseAnalysis analysis, WriteOffDecision writeOff) {
        return pathwayStep(models.forDate(analysis.asOf()), analysis, writeOff);
    }

    /** @param policy the policy version the whole decision uses */
    public PolicyAction pathwayStep(ModelSet policy, CaseAnalysis analysis, WriteOffDecision writeOff) {
        Fired<PathwayRow> fired = policy.evaluate(PATHWAY, WriteOffFacts.pathwayInputs(analysis, writeOff)).row(PATHWAY_STEP);
        PathwayRow step = fired.value();
        String row = fired.row();
        ActionType action = step.action();
        String reason = step.reason();
        if (action == ActionType.MONEY_CLAIM) {
            BigDecimal excluded = analysis.balance().subtract(writeOff.recoverableAmount());
            reason += " Claim " + writeOff.recoverableAmount() + (excluded.signum() > 0
                    ? "; leave out " + excluded + " that is statute-barred or in a bankruptcy or DRO." : ".");
        }
        String approval = action == ActionType.RECOMMEND_WRITE_OFF ? writeOff.approver() : null;
        Integer dueInDays = step.dueInDays();
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
        return new PolicyAction(action, 1, step.owner(), dueInDays, approval, reason, step.reference(), row);
    }

    private static BigDecimal pounds(BigDecimal value) {
        return value == null ? null : RentArithmetic.pounds(value);
    }
}
