package org.rentrecovery.benefitcap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rentrecovery.contract.ActionType;
import org.rentrecovery.engine.Evaluation;
import org.rentrecovery.engine.Fired;
import org.rentrecovery.engine.ModelContract;
import org.rentrecovery.engine.ModelContracts;
import org.rentrecovery.engine.ModelContract.Output;
import org.rentrecovery.engine.ModelSet;
import org.rentrecovery.engine.PolicyModels;

/**
 * The landlord's benefit cap policy (decision-tables/benefitcap/benefit-cap-policy.dmn): the
 * early-intervention score and band, the income-maximisation steps and the repayment limits. Policy
 * only: legal eligibility arrives as inputs, and the legal guards still judge every step.
 */
@ApplicationScoped
public class BenefitCapPolicy {
    public static final String MODEL_LOCATION = "decision-tables/benefitcap/benefit-cap-policy.dmn";

    /** The model's inputs, one per input data node. */
    public record CapPolicyInputs(LocalDate asOf, boolean capApplied, LocalDate graceEnds, BigDecimal earningsShortfall,
            String housingCostSupport, BigDecimal weeksInArrears, BigDecimal monthsInArrears, boolean paidDirectToLandlord,
            int consecutiveRises, boolean formerTenancy, boolean inArrears, boolean hbDirectPaymentMandatory,
            boolean apaEligible, boolean tpdEligible, boolean dhpEligible, boolean capAppearsWronglyApplied,
            boolean benefitClaimPending, BigDecimal spareIncomePerWeek) {
    }

    public record ContributionRow(String condition, int points, String reason, String reference) {
    }

    public record BandRow(String band, boolean earlyIntervention, String reason) {
    }

    public record IncomeActionRow(ActionType action, int priority, boolean beforeEnforcement, String reason, String reference) {
    }

    public record LimitsRow(BigDecimal shareOfSurplus, BigDecimal floorPerWeek, BigDecimal ceilingPerWeek, String reason) {
    }

    // Safe answers when a table gives none on a case (TableFailure): no points, no extra steps, and a
    // repayment suggestion that asks for little until the policy team corrects the table.
    public static final Output<ContributionRow> CONTRIBUTIONS = Output.rows("PriorityContributions", ContributionRow.class)
            .orSafeRows(failure -> List.of());
    public static final Output<Integer> SCORE = Output.value("PriorityScore", Integer.class).orSafe(failure -> 0);
    public static final Output<BandRow> BAND = Output.row("PriorityBand", BandRow.class)
            .orSafe(failure -> new BandRow("WATCH", false, failure.sentence()));
    public static final Output<IncomeActionRow> INCOME_ACTIONS = Output.rows("IncomeMaximisation", IncomeActionRow.class)
            .orSafeRows(failure -> List.of());
    public static final Output<LimitsRow> LIMITS = Output.row("RepaymentLimits", LimitsRow.class)
            .orSafe(failure -> new LimitsRow(new BigDecimal("0.50"), new BigDecimal("0.00"), new BigDecimal("10.00"),
                    "Half the spare income, at most 10 pounds a week: " + failure.sentence()));
    public static final ModelContract<CapPolicyInputs> CAP_POLICY = ModelContract.of("BenefitCapPolicy", CapPolicyInputs.class,
            CONTRIBUTIONS, SCORE, BAND, INCOME_ACTIONS, LIMITS);

    /** Lets the engine check this capability's models on every compile (listed in META-INF/services). */
    public static final class Contracts implements ModelContracts {
        @Override
        public List<ModelContract<?>> contracts() {
            return List.of(CAP_POLICY);
        }
    }

    public record Contribution(String condition, int points, String reason, String reference, String row) {
    }

    public record IncomeAction(ActionType action, int priority, boolean beforeEnforcement, String reason, String reference,
            String row) {
    }

    public record RepaymentLimits(BigDecimal shareOfSurplus, BigDecimal floorPerWeek, BigDecimal ceilingPerWeek,
            String reason, String row) {
    }

    public record Outcome(List<Contribution> contributions, int score, String band, boolean earlyIntervention,
            String bandReason, String bandRow, List<IncomeAction> incomeActions, RepaymentLimits repaymentLimits) {
    }

    private final PolicyModels models;

    @Inject
    public BenefitCapPolicy(PolicyModels models) {
        this.models = models;
    }

    /** Outside a CDI container (plain unit tests): the packaged tables. */
    public BenefitCapPolicy() {
        this(PolicyModels.seeded());
    }

    /** The policy version in force on a date (for callers not handed one by the decision). */
    public ModelSet inForce(LocalDate asOf) {
        return models.forDate(asOf);
    }

    public Outcome evaluate(ModelSet policy, CapPolicyInputs inputs) {
        Evaluation evaluation = policy.evaluate(CAP_POLICY, inputs);
        List<Contribution> contributions = evaluation.rows(CONTRIBUTIONS).stream().map(f -> new Contribution(
                f.value().condition(), f.value().points(), f.value().reason(), f.value().reference(), f.row())).toList();
        Fired<BandRow> band = evaluation.row(BAND);
        List<IncomeAction> actions = evaluation.rows(INCOME_ACTIONS).stream().map(f -> new IncomeAction(f.value().action(),
                f.value().priority(), f.value().beforeEnforcement(), f.value().reason(), f.value().reference(), f.row())).toList();
        Fired<LimitsRow> limits = evaluation.row(LIMITS);
        RepaymentLimits repaymentLimits = new RepaymentLimits(limits.value().shareOfSurplus(), limits.value().floorPerWeek(),
                limits.value().ceilingPerWeek(), limits.value().reason(), limits.row());
        return new Outcome(contributions, evaluation.value(SCORE), band.value().band(), band.value().earlyIntervention(),
                band.value().reason(), band.row(), actions, repaymentLimits);
    }
}
