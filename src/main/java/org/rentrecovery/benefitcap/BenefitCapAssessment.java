package org.rentrecovery.benefitcap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Reason;
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

    /** @param explanations each DRL rule or DMN row behind the answer, with its sentence and reference */
    public record Result(BenefitCap benefitCap, RepaymentPlan repaymentPlan, List<Reason> explanations) {
    }

    private final BenefitCapRules law;
    private final BenefitCapPolicy policy;
    private final BenefitCapParameters figures = BenefitCapParameters.current();
    /**
     * The earnings threshold and the sentence working it out, per figure: the same for every case under one figure,
     * and a division at 34 digits and a sentence built per decision cost a few per cent of one. Keyed by the figure's
     * value; a handful of figures are ever loaded.
     */
    private final Map<BenefitCapParameters.EarningsExemption, EarningsThreshold> earningsThresholds = new ConcurrentHashMap<>();
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
        List<Reason> why = new ArrayList<>();
        CapJudgement cap = judge(analysis, why);
        IncomeSteps steps = incomeSteps(analysis);
        why.add(new Reason("facts#incomeThresholds", CapSentences.thresholds(steps.thresholds(), steps.hbDirect(), steps.apa(), steps.tpd()),
                "HB Regulations 2006 reg 95; DWP Alternative Payment Arrangements guidance; UC (Claims and Payments) Regs 2013 Sch 6 para 7"));
        if (cap.wronglyApplied()) {
            why.add(new Reason("facts#capAppliedForScore", "The cap is recorded as applied, but "
                    + (cap.exempt() ? "the household is exempt (" + cap.judged().exemptions().get(0).code() + ")" : "a grace period is running")
                    + ": the cap should not apply, so the \"benefit cap applied\" points are not scored; ask for the cap to be revised.",
                    "Benefit Cap (Housing Benefit and Universal Credit) Regulations; docs/policy.md#income-maximisation-and-repayment"));
        }
        BenefitCapPolicy.Outcome outcome = policy.evaluate(models, policyInputs(analysis, cap, steps));
        List<BenefitCap.ScoreContribution> contributions = contributions(outcome, why);
        List<BenefitCap.IncomeAction> actions = incomeActions(outcome, analysis, why);
        CaseFacts facts = analysis.facts();
        RepaymentPlan plan = RepaymentPlanner.plan(facts.household(), analysis.realArrears(), facts.tenancy().rentFrequency(),
                outcome.repaymentLimits());
        why.add(new Reason(plan.limitsRow() == null ? "facts#repaymentPlan" : plan.limitsRow(), plan.explanation(),
                "Pre-Action Protocol (affordable payments based on income and expenditure); Policy: " + BenefitCapPolicy.MODEL_LOCATION));
        CapHousehold judged = cap.judged();
        BenefitCapParameters.CapAmount level = cap.level();
        BenefitCap answer = new BenefitCap(cap.capped(), cap.exempt(),
                cap.exempt() ? judged.exemptions().get(0).code() : null,
                judged.exemptions().stream().map(CapHousehold.Finding::code).toList(),
                cap.wronglyApplied(), cap.year().label(),
                level == null ? null : level.perWeek(), level == null ? null : level.perMonth(), level == null ? null : level.perYear(),
                cap.reduction(), cap.threshold(), cap.graceActive(), cap.graceLastDay(),
                outcome.score(), outcome.band(), outcome.earlyIntervention(), contributions,
                steps.hbDirect(), steps.apa(), steps.tpd(), CapArithmetic.tpdRange(analysis, facts.benefits(), facts.asOf(), figures), steps.dhpEligible(),
                steps.thresholds(), actions, cap.earningsRule() == null ? null : cap.earningsRule().label(), cap.grace().length());
        return new Result(answer, plan, why);
    }

    /** What the law and the dated figures say of the cap for this household, and whether it is recorded as applied. */
    private record CapJudgement(BenefitCapParameters.BenefitYear year, BenefitCapParameters.GracePeriod grace, LocalDate graceLastDay,
            BigDecimal earnings, BenefitCapParameters.EarningsExemption earningsRule, BigDecimal threshold, CapHousehold judged,
            BigDecimal reduction, boolean capped, BenefitCapParameters.CapAmount level) {
        boolean exempt() {
            return !judged.exemptions().isEmpty();
        }

        boolean graceActive() {
            return judged.gracePeriod() != null;
        }

        /** Recorded as applied while the household is exempt or in a grace period. */
        boolean wronglyApplied() {
            return capped && (exempt() || graceActive());
        }
    }

    /** An earnings figure's threshold in pounds and pence, and how it is worked out. */
    private record EarningsThreshold(BigDecimal monthly, String working) {
        static EarningsThreshold of(BenefitCapParameters.EarningsExemption figure) {
            return new EarningsThreshold(figure.thresholdMonthly(), CapSentences.thresholdWorking(figure));
        }
    }

    /** Which requests for payment from benefit the arrears allow, and at what arrears each becomes possible. */
    private record IncomeSteps(boolean hbDirect, boolean apa, boolean tpd, boolean dhpEligible, BenefitCap.Thresholds thresholds) {
    }

    /** The cap law's rules on the household, the cap level and the reduction recorded; each explained in {@code why}. */
    private CapJudgement judge(CaseAnalysis analysis, List<Reason> why) {
        CaseFacts facts = analysis.facts();
        LocalDate asOf = facts.asOf();
        CaseFacts.Household household = facts.household();
        CaseFacts.Benefits benefits = facts.benefits();
        HousingCostSupport support = analysis.housingCostSupport();
        BenefitCapParameters.BenefitYear year = figures.benefitYearOn(asOf);
        BenefitCapParameters.GracePeriod grace = figures.gracePeriodOn(asOf, support.name());
        LocalDate graceStart = benefits == null ? null : benefits.capGracePeriodStart();
        LocalDate graceLastDay = graceStart == null ? null : grace.lastDay(graceStart);
        BigDecimal earnings = household == null ? null : household.netEarningsMonthly();
        BenefitCapParameters.EarningsExemption earningsRule = figures.earningsExemptionOn(asOf);
        EarningsThreshold earningsThreshold = earningsRule == null ? null
                : earningsThresholds.computeIfAbsent(earningsRule, EarningsThreshold::of);
        BigDecimal threshold = earningsThreshold == null ? null : earningsThreshold.monthly();
        CapHousehold judged = law.judge(new CapHousehold(asOf, support, analysis.formerTenancy(),
                flag(household == null ? null : household.anyoneOverStatePensionAge()),
                flag(household == null ? null : household.allOverStatePensionAge()),
                flag(household == null ? null : household.disabilityOrCarerBenefit()),
                earnings, threshold, earningsThreshold == null ? null : earningsThreshold.working(),
                CapSentences.earningsReference(earningsRule, figures),
                flag(household == null ? null : household.earningsAtThresholdEachOfPrior12Months()),
                graceStart, graceLastDay, grace.length(), grace.reference() + "; docs/law.md#benefit-cap"));
        List<CapHousehold.Finding> findings = new ArrayList<>(judged.exemptions());
        if (judged.gracePeriod() != null) {
            findings.add(judged.gracePeriod());
        }
        findings.addAll(judged.notes());
        findings.forEach(f -> why.add(new Reason(LAW_RULE_PREFIX + f.rule(), f.text(), f.reference())));
        return recorded(analysis, new CapJudgement(year, grace, graceLastDay, earnings, earningsRule, threshold, judged, null, false,
                capFor(facts, year)), why);
    }

    /** The reduction and whether the cap is applied, as recorded (a Housing Benefit reduction held to the law's floor). */
    private CapJudgement recorded(CaseAnalysis analysis, CapJudgement law, List<Reason> why) {
        CaseFacts facts = analysis.facts();
        CaseFacts.Benefits benefits = facts.benefits();
        HousingCostSupport support = analysis.housingCostSupport();
        BigDecimal reduction = hbFloor(analysis, support, benefits == null ? null : benefits.capReductionPerWeek(), why);
        boolean capped = benefits != null && (Boolean.TRUE.equals(benefits.benefitCapped())
                || (reduction != null && reduction.signum() > 0));
        BenefitCapParameters.BenefitYear year = law.year();
        why.add(new Reason("facts#benefitCap", CapSentences.cap(year, law.level(), capped, reduction, support, analysis.weeklyRent()),
                year.reference() + (support == HousingCostSupport.UNIVERSAL_CREDIT ? "; UC Regs 2013 reg 81" : "")));
        if (!figures.knownOn(facts.asOf())) {
            why.add(new Reason("facts#benefitCapFigures", "No benefit cap figures are loaded for " + facts.asOf()
                    + "; the earliest known figures (" + year.label() + ") are shown.", year.reference()));
        }
        return new CapJudgement(year, law.grace(), law.graceLastDay(), law.earnings(), law.earningsRule(), law.threshold(),
                law.judged(), reduction, capped, law.level());
    }

    private IncomeSteps incomeSteps(CaseAnalysis analysis) {
        return new IncomeSteps(analysis.hbDirectPaymentMandatory(), analysis.apaEligibleToRequest(), analysis.tpdEligibleToRequest(),
                !analysis.formerTenancy() && analysis.housingCostSupport() != HousingCostSupport.NONE, CapArithmetic.thresholds(analysis, legal));
    }

    private static BenefitCapPolicy.CapPolicyInputs policyInputs(CaseAnalysis analysis, CapJudgement cap, IncomeSteps steps) {
        CaseFacts facts = analysis.facts();
        CaseFacts.Benefits benefits = facts.benefits();
        HousingCostSupport support = analysis.housingCostSupport();
        BigDecimal earnings = cap.earnings();
        BigDecimal threshold = cap.threshold();
        return new BenefitCapPolicy.CapPolicyInputs(facts.asOf(), cap.capped(),
                cap.graceActive() ? cap.graceLastDay() : null,
                support == HousingCostSupport.UNIVERSAL_CREDIT && earnings != null && threshold != null
                        ? threshold.subtract(earnings) : null,
                // "Not known" is not "none": only a household recorded as getting neither HB nor UC is targeted as such.
                benefits == null || benefits.housingCostSupport() == null ? "NOT_KNOWN" : support.name(),
                analysis.realWeeksOfRent(), analysis.realMonthsOfRent(),
                benefits != null && Boolean.TRUE.equals(benefits.paidDirectToLandlord()), CapArithmetic.consecutiveRises(facts),
                analysis.formerTenancy(), analysis.realArrears().signum() > 0, steps.hbDirect(), steps.apa(), steps.tpd(),
                steps.dhpEligible(), cap.wronglyApplied(), analysis.benefitClaimPending(),
                RepaymentPlanner.spareIncomePerWeek(facts.household()));
    }

    /** The early-intervention score's contributions and band, each explained. */
    private static List<BenefitCap.ScoreContribution> contributions(BenefitCapPolicy.Outcome outcome, List<Reason> why) {
        List<BenefitCap.ScoreContribution> contributions = new ArrayList<>();
        for (BenefitCapPolicy.Contribution c : outcome.contributions()) {
            contributions.add(new BenefitCap.ScoreContribution(c.condition(), c.points(), c.row(), c.reason(), c.reference()));
            why.add(new Reason(c.row(), c.condition() + " +" + c.points() + ": " + c.reason(), c.reference()));
        }
        why.add(new Reason(outcome.bandRow(), "Early-intervention score " + outcome.score() + " ("
                + outcome.band() + "): " + outcome.bandReason(), "docs/policy.md#income-maximisation-and-repayment: " + BenefitCapPolicy.MODEL_LOCATION));
        return contributions;
    }

    /** The income steps the policy calls for, once each, leaving out those already taken in this arrears episode. */
    private static List<BenefitCap.IncomeAction> incomeActions(BenefitCapPolicy.Outcome outcome, CaseAnalysis analysis, List<Reason> why) {
        List<BenefitCap.IncomeAction> actions = new ArrayList<>();
        for (BenefitCapPolicy.IncomeAction a : outcome.incomeActions()) {
            if (actions.stream().anyMatch(existing -> existing.type() == a.action())) {
                continue; // two rows can call for the same step; the first (higher in the table) explains it
            }
            LocalDate taken = analysis.lastTaken(a.action());
            if (taken != null) {
                why.add(new Reason(a.row(), a.action() + " was already taken on " + taken
                        + " in this arrears episode, so it is not asked for again.", a.reference()));
                continue;
            }
            actions.add(new BenefitCap.IncomeAction(a.action(), a.priority(), a.beforeEnforcement(), a.reason(), a.reference(), a.row()));
            why.add(new Reason(a.row(), a.action() + ": " + a.reason(), a.reference()));
        }
        actions.sort(Comparator.comparingInt(BenefitCap.IncomeAction::priority));
        return actions;
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
    private static BigDecimal hbFloor(CaseAnalysis analysis, HousingCostSupport support, BigDecimal reduction, List<Reason> why) {
        if (reduction == null || support != HousingCostSupport.HOUSING_BENEFIT) {
            return reduction;
        }
        BigDecimal most = RentArithmetic.pounds(analysis.weeklyRent()).subtract(HB_MINIMUM_AFTER_CAP).max(BigDecimal.ZERO);
        if (reduction.compareTo(most) <= 0) {
            return reduction;
        }
        why.add(new Reason("facts#hbCapFloor", "A cap reduction of " + reduction + " a week is recorded, but the cap cannot take "
                + "Housing Benefit below " + HB_MINIMUM_AFTER_CAP + " a week, and Housing Benefit is no more than the weekly rent of "
                + RentArithmetic.pounds(analysis.weeklyRent()) + ": the reduction is at most " + most + " a week; ask the council to check it.",
                "HB Regs 2006 reg 75D(2); docs/law.md#benefit-cap"));
        return most;
    }

    private static final BigDecimal HB_MINIMUM_AFTER_CAP = new BigDecimal("0.50");
}
