package org.rentrecovery.benefitcap;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.RentArithmetic;
import org.rentrecovery.contract.Vocabulary.HouseholdComposition;
import org.rentrecovery.contract.Vocabulary.HousingCostSupport;
import org.rentrecovery.engine.ModelSet;
import org.rentrecovery.law.LegalParameters;

/**
 * The benefit cap and income maximisation for one case: the law on the cap (DRL, dated figures),
 * the landlord's priority score, income steps and repayment limits (DMN), and the arithmetic of an
 * affordable arrangement. HB direct payment, APA and TPD eligibility are CaseAnalysis's, the same
 * figures the escalation ladder reads, so the two can never disagree.
 */
@ApplicationScoped
public class BenefitCapAssessment {
    static final String LAW_RULE_PREFIX = "BenefitCapLaw: ";

    /** One line of the explanation: the DRL rule or DMN row, a sentence and its reference. */
    public record Explanation(String rule, String text, String reference) {
    }

    public record Result(BenefitCap benefitCap, RepaymentPlan repaymentPlan, List<Explanation> explanations) {
    }

    private final BenefitCapRules law;
    private final BenefitCapPolicy policy;
    private final BenefitCapParameters figures = BenefitCapParameters.current();
    private final LegalParameters legal = LegalParameters.current();

    @Inject
    public BenefitCapAssessment(BenefitCapRules law, BenefitCapPolicy policy) {
        this.law = law;
        this.policy = policy;
    }

    /** For plain unit tests and callers outside CDI: the same DRL and DMN, compiled at run time. */
    public static BenefitCapAssessment standalone() {
        return new BenefitCapAssessment(BenefitCapRules.standalone(), new BenefitCapPolicy());
    }

    public Result assess(CaseAnalysis analysis) {
        return assess(policy.inForce(analysis.asOf()), analysis);
    }

    /** @param models the policy version the whole decision uses */
    public Result assess(ModelSet models, CaseAnalysis analysis) {
        CaseFacts facts = analysis.facts();
        LocalDate asOf = facts.asOf();
        CaseFacts.Household household = facts.household();
        CaseFacts.Benefits benefits = facts.benefits();
        HousingCostSupport support = analysis.housingCostSupport();
        List<Explanation> why = new ArrayList<>();

        BenefitCapParameters.BenefitYear year = figures.benefitYearOn(asOf);
        BenefitCapParameters.GracePeriod grace = figures.gracePeriodOn(asOf, support.name());
        LocalDate graceStart = benefits == null ? null : benefits.capGracePeriodStart();
        LocalDate graceLastDay = graceStart == null ? null : grace.lastDay(graceStart);
        BigDecimal earnings = household == null ? null : household.netEarningsMonthly();
        BenefitCapParameters.EarningsExemption earningsRule = figures.earningsExemptionOn(asOf);
        BigDecimal threshold = earningsRule == null ? null : earningsRule.thresholdMonthly();
        String thresholdWorking = earningsRule == null ? null
                : earningsRule.hoursPerWeek() + " hours x " + earningsRule.hourlyRate() + " x 52 / 12 = "
                        + earningsRule.thresholdExact().setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                        + ", so " + threshold + " is the first sum that meets it";
        String earningsReference = earningsRule == null
                ? "UC Regs 2013 reg 82(1)(a); docs/law.md#benefit-cap (no figure loaded before " + figures.earliestEarningsExemption() + ")"
                : earningsRule.reference() + "; docs/law.md#benefit-cap";

        CapHousehold judged = law.judge(new CapHousehold(asOf, support, analysis.formerTenancy(),
                flag(household == null ? null : household.anyoneOverStatePensionAge()),
                flag(household == null ? null : household.allOverStatePensionAge()),
                flag(household == null ? null : household.disabilityOrCarerBenefit()),
                earnings, threshold, thresholdWorking, earningsReference,
                flag(household == null ? null : household.earningsAtThresholdEachOfPrior12Months()),
                graceStart, graceLastDay, grace.length(), grace.reference() + "; docs/law.md#benefit-cap"));
        List<CapHousehold.Finding> findings = new ArrayList<>(judged.exemptions());
        if (judged.gracePeriod() != null) {
            findings.add(judged.gracePeriod());
        }
        findings.addAll(judged.notes());
        findings.forEach(f -> why.add(new Explanation(LAW_RULE_PREFIX + f.rule(), f.text(), f.reference())));

        BigDecimal reduction = benefits == null ? null : benefits.capReductionPerWeek();
        reduction = hbFloor(analysis, support, reduction, why);
        boolean capped = benefits != null && (Boolean.TRUE.equals(benefits.benefitCapped())
                || (reduction != null && reduction.signum() > 0));
        boolean exempt = !judged.exemptions().isEmpty();
        boolean graceActive = judged.gracePeriod() != null;
        boolean wronglyApplied = capped && (exempt || graceActive);

        BenefitCapParameters.CapAmount cap = capFor(facts, year);
        why.add(new Explanation("facts#benefitCap", capSentence(facts, year, cap, capped, reduction, support, analysis.weeklyRent()),
                year.reference() + (support == HousingCostSupport.UNIVERSAL_CREDIT ? "; UC Regs 2013 reg 81" : "")));
        if (!figures.knownOn(asOf)) {
            why.add(new Explanation("facts#benefitCapFigures", "No benefit cap figures are loaded for " + asOf
                    + "; the earliest known figures (" + year.label() + ") are shown.", year.reference()));
        }

        boolean dhpEligible = !analysis.formerTenancy() && support != HousingCostSupport.NONE;
        boolean hbDirect = analysis.hbDirectPaymentMandatory();
        boolean apa = analysis.apaEligibleToRequest();
        boolean tpd = analysis.tpdEligibleToRequest();
        BenefitCap.Thresholds thresholds = thresholds(analysis);
        why.add(new Explanation("facts#incomeThresholds", thresholdSentence(thresholds, hbDirect, apa, tpd),
                "HB Regulations 2006 reg 95; DWP Alternative Payment Arrangements guidance; UC (Claims and Payments) Regs 2013 Sch 6 para 7"));

        if (wronglyApplied) {
            why.add(new Explanation("facts#capAppliedForScore", "The cap is recorded as applied, but "
                    + (exempt ? "the household is exempt (" + judged.exemptions().get(0).code() + ")" : "a grace period is running")
                    + ": the cap should not apply, so the \"benefit cap applied\" points are not scored; ask for the cap to be revised.",
                    "Benefit Cap (Housing Benefit and Universal Credit) Regulations; docs/policy.md#income-maximisation-and-repayment"));
        }
        BenefitCapPolicy.CapPolicyInputs in = new BenefitCapPolicy.CapPolicyInputs(asOf, capped,
                graceActive ? graceLastDay : null,
                support == HousingCostSupport.UNIVERSAL_CREDIT && earnings != null && threshold != null
                        ? threshold.subtract(earnings) : null,
                // "Not known" is not "none": only a household recorded as getting neither HB nor UC is targeted as such.
                benefits == null || benefits.housingCostSupport() == null ? "NOT_KNOWN" : support.name(),
                analysis.realWeeksOfRent(), analysis.realMonthsOfRent(),
                benefits != null && Boolean.TRUE.equals(benefits.paidDirectToLandlord()), consecutiveRises(facts),
                analysis.formerTenancy(), analysis.realArrears().signum() > 0, hbDirect, apa, tpd, dhpEligible, wronglyApplied,
                analysis.benefitClaimPending(), RepaymentPlanner.spareIncomePerWeek(household));
        BenefitCapPolicy.Outcome outcome = policy.evaluate(models, in);

        List<BenefitCap.ScoreContribution> contributions = new ArrayList<>();
        for (BenefitCapPolicy.Contribution c : outcome.contributions()) {
            contributions.add(new BenefitCap.ScoreContribution(c.condition(), c.points(), c.row(), c.reason(), c.reference()));
            why.add(new Explanation(c.row(), c.condition() + " +" + c.points() + ": " + c.reason(), c.reference()));
        }
        why.add(new Explanation(outcome.bandRow(), "Early-intervention score " + outcome.score() + " ("
                + outcome.band() + "): " + outcome.bandReason(), "docs/policy.md#income-maximisation-and-repayment: " + BenefitCapPolicy.MODEL_LOCATION));

        List<BenefitCap.IncomeAction> actions = new ArrayList<>();
        for (BenefitCapPolicy.IncomeAction a : outcome.incomeActions()) {
            if (actions.stream().anyMatch(existing -> existing.type() == a.action())) {
                continue; // two rows can call for the same step; the first (higher in the table) explains it
            }
            LocalDate taken = analysis.lastTaken(a.action());
            if (taken != null) {
                why.add(new Explanation(a.row(), a.action() + " was already taken on " + taken
                        + " in this arrears episode, so it is not asked for again.", a.reference()));
                continue;
            }
            actions.add(new BenefitCap.IncomeAction(a.action(), a.priority(), a.beforeEnforcement(), a.reason(), a.reference(), a.row()));
            why.add(new Explanation(a.row(), a.action() + ": " + a.reason(), a.reference()));
        }
        actions.sort(Comparator.comparingInt(BenefitCap.IncomeAction::priority));

        RepaymentPlan plan = RepaymentPlanner.plan(household, analysis.realArrears(), facts.tenancy().rentFrequency(),
                outcome.repaymentLimits());
        why.add(new Explanation(plan.limitsRow() == null ? "facts#repaymentPlan" : plan.limitsRow(), plan.explanation(),
                "Pre-Action Protocol (affordable payments based on income and expenditure); Policy: " + BenefitCapPolicy.MODEL_LOCATION));

        BenefitCap answer = new BenefitCap(capped, exempt,
                exempt ? judged.exemptions().get(0).code() : null,
                judged.exemptions().stream().map(CapHousehold.Finding::code).toList(),
                wronglyApplied, year.label(),
                cap == null ? null : cap.perWeek(), cap == null ? null : cap.perMonth(), cap == null ? null : cap.perYear(),
                reduction, threshold, graceActive, graceLastDay,
                outcome.score(), outcome.band(), outcome.earlyIntervention(), contributions,
                hbDirect, apa, tpd, tpdRange(analysis, benefits, asOf), dhpEligible, thresholds, actions,
                earningsRule == null ? null : earningsRule.label(), grace.length());
        return new Result(answer, plan, why);
    }

    private static boolean flag(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    /** The cap level for the household's region and composition; null when either is not known. */
    private static BenefitCapParameters.CapAmount capFor(CaseFacts facts, BenefitCapParameters.BenefitYear year) {
        var region = facts.tenancy().region();
        HouseholdComposition composition = facts.household() == null ? null : facts.household().composition();
        if (region == null || composition == null) {
            return null;
        }
        return year.cap(region.name(), composition == HouseholdComposition.SINGLE_NO_CHILDREN
                ? BenefitCapParameters.CapHouseholdType.SINGLE : BenefitCapParameters.CapHouseholdType.COUPLE_OR_LONE_PARENT);
    }

    /**
     * HB Regs 2006 reg 75D(2): the cap may not take Housing Benefit below 50 pence a week. Housing Benefit is
     * never more than the rent, so a recorded reduction that would leave less than 50 pence of the weekly rent
     * is applied as rent less 50 pence, and the answer says so. A UC reduction is not limited by the rent.
     */
    private static BigDecimal hbFloor(CaseAnalysis analysis, HousingCostSupport support, BigDecimal reduction, List<Explanation> why) {
        if (reduction == null || support != HousingCostSupport.HOUSING_BENEFIT) {
            return reduction;
        }
        BigDecimal most = RentArithmetic.pounds(analysis.weeklyRent()).subtract(HB_MINIMUM_AFTER_CAP).max(BigDecimal.ZERO);
        if (reduction.compareTo(most) <= 0) {
            return reduction;
        }
        why.add(new Explanation("facts#hbCapFloor", "A cap reduction of " + reduction + " a week is recorded, but the cap cannot take "
                + "Housing Benefit below " + HB_MINIMUM_AFTER_CAP + " a week, and Housing Benefit is no more than the weekly rent of "
                + RentArithmetic.pounds(analysis.weeklyRent()) + ": the reduction is at most " + most + " a week; ask the council to check it.",
                "HB Regs 2006 reg 75D(2); docs/law.md#benefit-cap"));
        return most;
    }

    private static final BigDecimal HB_MINIMUM_AFTER_CAP = new BigDecimal("0.50");

    private static String capSentence(CaseFacts facts, BenefitCapParameters.BenefitYear year, BenefitCapParameters.CapAmount cap,
            boolean capped, BigDecimal reduction, HousingCostSupport support, BigDecimal weeklyRent) {
        String level = cap == null
                ? "The cap level cannot be given: tenancy.region and household.composition are both needed"
                : "The " + year.label() + " cap for " + (cap.household() == BenefitCapParameters.CapHouseholdType.SINGLE
                        ? "a single person" : "a couple or lone parent") + " "
                        + (cap.region().equals("LONDON") ? "in Greater London" : "outside London") + " is " + cap.perWeek()
                        + " a week (" + cap.perMonth() + " a month, " + cap.perYear() + " a year)";
        String applied;
        if (!capped) {
            applied = "; the cap is not recorded as applied";
        } else if (support == HousingCostSupport.UNIVERSAL_CREDIT) {
            applied = "; the cap is reducing the household's Universal Credit award" + (reduction == null ? "" : " by " + reduction + " a week")
                    + " (the whole award less any childcare costs element is reduced, not only the housing element"
                    + (reduction != null && reduction.compareTo(weeklyRent) > 0
                            ? ", so the reduction can be more than the rent of " + RentArithmetic.pounds(weeklyRent) + " a week" : "")
                    + ")";
        } else {
            applied = "; the cap is reducing the household's help with the rent" + (reduction == null ? "" : " by " + reduction + " a week");
        }
        return level + applied + ".";
    }

    private BenefitCap.Thresholds thresholds(CaseAnalysis a) {
        int hbWeeks = legal.fixed("hbDirectPaymentWeeks");
        int apaMonths = legal.fixed("apaArrearsMonths");
        int apaPersistent = legal.fixed("apaPersistentUnderpaymentMonths");
        int tpdMonths = legal.fixed("tpdArrearsMonths");
        return new BenefitCap.Thresholds(
                RentArithmetic.threshold(a.weeklyRent().multiply(BigDecimal.valueOf(hbWeeks))), hbWeeks,
                RentArithmetic.threshold(a.monthlyRent().multiply(BigDecimal.valueOf(apaMonths))), apaMonths,
                RentArithmetic.threshold(a.monthlyRent().multiply(BigDecimal.valueOf(apaPersistent))), apaPersistent,
                RentArithmetic.threshold(a.monthlyRent().multiply(BigDecimal.valueOf(tpdMonths))), tpdMonths,
                RentArithmetic.pounds(a.realArrears()));
    }

    private static String thresholdSentence(BenefitCap.Thresholds t, boolean hbDirect, boolean apa, boolean tpd) {
        return "For this rent, HB direct payment becomes mandatory at " + t.hbDirectPaymentAt() + " (" + t.hbDirectPaymentWeeks()
                + " weeks' rent), a UC managed payment can be requested at " + t.apaAt() + " (" + t.apaMonths()
                + " months' rent; " + t.apaWithPersistentUnderpaymentAt() + " with persistent underpayment) and a deduction at "
                + t.tpdAt() + " (" + t.tpdMonths() + " months' rent). Real arrears are " + t.realArrears() + ": HB direct payment "
                + (hbDirect ? "is" : "is not") + " mandatory, an APA " + (apa ? "can" : "cannot") + " be requested and a TPD "
                + (tpd ? "can" : "cannot") + " be requested (each also needs the right benefit, the tenant living in the home and no"
                + " direct payment or deduction already in place; a repayment arrangement being kept does not stop either request;"
                + " a TPD also cannot start while earned income exceeds the work allowance).";
    }

    private BenefitCap.TpdRange tpdRange(CaseAnalysis analysis, CaseFacts.Benefits benefits, LocalDate asOf) {
        if (analysis.formerTenancy() || analysis.housingCostSupport() != HousingCostSupport.UNIVERSAL_CREDIT
                || benefits == null || benefits.ucStandardAllowanceMonthly() == null) {
            return null;
        }
        BenefitCapParameters.ThirdPartyDeduction rule = figures.thirdPartyDeductionOn(asOf);
        BigDecimal allowance = benefits.ucStandardAllowanceMonthly();
        return new BenefitCap.TpdRange(allowance, rule.minPercentOfStandardAllowance(), rule.maxPercentOfStandardAllowance(),
                percentOf(allowance, rule.minPercentOfStandardAllowance(), RoundingMode.CEILING),
                percentOf(allowance, rule.maxPercentOfStandardAllowance(), RoundingMode.FLOOR),
                rule.reference());
    }

    /**
     * A percentage of an amount to the penny, rounded so the figure stays inside the legal range: the
     * minimum up (CEILING: never below the minimum percentage), the maximum down (FLOOR: never above it).
     */
    private static BigDecimal percentOf(BigDecimal amount, int percent, RoundingMode rounding) {
        return amount.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, rounding);
    }

    /**
     * Rent periods in a row the balance has risen, ending today: the recorded balances in date order,
     * then today's balance (if newer than the last record), counted back from the end.
     */
    static int consecutiveRises(CaseFacts facts) {
        List<CaseFacts.BalancePoint> history = facts.account().balanceHistory();
        if (history == null || history.isEmpty()) {
            return 0;
        }
        List<CaseFacts.BalancePoint> points = new ArrayList<>(history);
        points.sort(Comparator.comparing(CaseFacts.BalancePoint::date));
        List<BigDecimal> balances = new ArrayList<>(points.stream().map(CaseFacts.BalancePoint::balance).toList());
        if (points.get(points.size() - 1).date().isBefore(facts.asOf())) {
            balances.add(facts.account().balance());
        }
        int rises = 0;
        for (int i = balances.size() - 1; i > 0 && balances.get(i).compareTo(balances.get(i - 1)) > 0; i--) {
            rises++;
        }
        return rises;
    }
}
