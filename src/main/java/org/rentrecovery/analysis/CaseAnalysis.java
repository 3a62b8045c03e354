package org.rentrecovery.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.RentArithmetic;
import org.rentrecovery.contract.Vocabulary.ArrangementStatus;
import org.rentrecovery.contract.Vocabulary.AssessmentStatus;
import org.rentrecovery.contract.Vocabulary.BreathingSpaceType;
import org.rentrecovery.contract.Vocabulary.CourtOrderType;
import org.rentrecovery.contract.Vocabulary.Ground;
import org.rentrecovery.contract.Vocabulary.HbPaymentForm;
import org.rentrecovery.contract.Vocabulary.HouseholdComposition;
import org.rentrecovery.contract.Vocabulary.HousingCostSupport;
import org.rentrecovery.contract.Vocabulary.LandlordType;
import org.rentrecovery.contract.Vocabulary.NoticeType;
import org.rentrecovery.contract.Vocabulary.TenancyType;
import org.rentrecovery.contract.Vocabulary.VulnerabilityFlag;
import org.rentrecovery.law.LegalParameters;
import org.rentrecovery.limitation.LimitationReview;
import org.rentrecovery.limitation.LimitationSchedule;

/**
 * Facts derived from a case in plain Java: arrears as weeks and months of rent, real against
 * technical arrears, the current arrears episode and the days since each recovery step in it,
 * benefit thresholds, and the legal position on any date. Deterministic: depends only on the case.
 */
public final class CaseAnalysis {

    private static final Set<ActionType> PROTOCOL_CONTACT = EnumSet.of(ActionType.CONTACT_TENANT, ActionType.HOME_VISIT);
    private static final Set<ActionType> BENEFITS_HELP = EnumSet.of(ActionType.OFFER_HELP_WITH_BENEFIT_CLAIM,
            ActionType.REFER_MONEY_ADVICE, ActionType.REFER_DHP_APPLICATION, ActionType.REQUEST_HB_DIRECT_PAYMENT,
            ActionType.REQUEST_UC_MANAGED_PAYMENT, ActionType.REQUEST_UC_THIRD_PARTY_DEDUCTION);

    private final CaseFacts facts;
    private final LegalParameters law = LegalParameters.current();
    private final BigDecimal weeklyRent;
    private final BigDecimal monthlyRent;
    private final BigDecimal realArrears;
    private final LocalDate episodeStart;
    private final Map<ActionType, LocalDate> lastTaken = new EnumMap<>(ActionType.class);
    private LimitationSchedule limitation;
    // Divisions to 34 digits are read by several tables and sentences per decision: worked out once each.
    private BigDecimal weeksOfRent;
    private BigDecimal monthsOfRent;
    private BigDecimal realWeeksOfRent;
    private BigDecimal realMonthsOfRent;

    public CaseAnalysis(CaseFacts facts) {
        this.facts = facts;
        var tenancy = facts.tenancy();
        this.weeklyRent = RentArithmetic.weeklyRent(tenancy.rentFrequency(), tenancy.rentPerPeriod());
        this.monthlyRent = RentArithmetic.monthlyRent(tenancy.rentFrequency(), tenancy.rentPerPeriod());
        BigDecimal balance = facts.account().balance();
        BigDecimal technical = facts.account().technicalArrears() == null ? BigDecimal.ZERO : facts.account().technicalArrears();
        this.realArrears = balance.signum() > 0 ? balance.subtract(technical).max(BigDecimal.ZERO) : balance;
        this.episodeStart = lastClearDay();
        if (facts.recovery() != null && facts.recovery().actions() != null) {
            for (CaseFacts.RecoveryAction action : facts.recovery().actions()) {
                if (episodeStart != null && !action.date().isAfter(episodeStart)) {
                    continue;
                }
                lastTaken.merge(action.type(), action.date(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
    }

    public CaseFacts facts() {
        return facts;
    }

    public LocalDate asOf() {
        return facts.asOf();
    }

    public BigDecimal balance() {
        return facts.account().balance();
    }

    public BigDecimal weeklyRent() {
        return weeklyRent;
    }

    public BigDecimal monthlyRent() {
        return monthlyRent;
    }

    public BigDecimal realArrears() {
        return realArrears;
    }

    public BigDecimal weeksOfRent() {
        if (weeksOfRent == null) {
            weeksOfRent = RentArithmetic.multipleOf(balance(), weeklyRent);
        }
        return weeksOfRent;
    }

    public BigDecimal monthsOfRent() {
        if (monthsOfRent == null) {
            monthsOfRent = RentArithmetic.multipleOf(balance(), monthlyRent);
        }
        return monthsOfRent;
    }

    /** Real arrears (without technical arrears) in weeks of rent: what the escalation ladder uses. */
    public BigDecimal realWeeksOfRent() {
        if (realWeeksOfRent == null) {
            realWeeksOfRent = RentArithmetic.multipleOf(realArrears, weeklyRent);
        }
        return realWeeksOfRent;
    }

    public BigDecimal realMonthsOfRent() {
        if (realMonthsOfRent == null) {
            realMonthsOfRent = RentArithmetic.multipleOf(realArrears, monthlyRent);
        }
        return realMonthsOfRent;
    }

    /** api.md: a tenancy with an endDate on or before asOf is a former tenancy. */
    public boolean formerTenancy() {
        LocalDate end = facts.tenancy().endDate();
        return end != null && !end.isAfter(facts.asOf());
    }

    /** A tenancy with an endDate on or before the given date has ended by then (the law on the step's date decides). */
    public boolean formerTenancyOn(LocalDate on) {
        LocalDate end = facts.tenancy().endDate();
        return end != null && !end.isAfter(on);
    }

    /**
     * The last recorded day the account was clear (balance zero or in credit), if any. Recovery
     * steps on or before it belong to an earlier arrears episode and do not count towards this one.
     */
    public LocalDate episodeStart() {
        return episodeStart;
    }

    private LocalDate lastClearDay() {
        List<CaseFacts.BalancePoint> history = facts.account().balanceHistory();
        if (history == null) {
            return null;
        }
        LocalDate last = null;
        for (CaseFacts.BalancePoint point : history) {
            if (point.balance().signum() <= 0 && (last == null || point.date().isAfter(last))) {
                last = point.date();
            }
        }
        return last;
    }

    public LocalDate lastTaken(ActionType type) {
        return lastTaken.get(type);
    }

    /** Whole days from the last time the step was taken in this arrears episode to asOf; null if never. */
    public Long daysSince(ActionType type) {
        LocalDate last = lastTaken.get(type);
        return last == null ? null : ChronoUnit.DAYS.between(last, facts.asOf());
    }

    /** Whole days from the latest recovery step of any type in this arrears episode to asOf; null if none. */
    public Long daysSinceLastAction() {
        return lastTaken.values().stream().max(LocalDate::compareTo)
                .map(last -> ChronoUnit.DAYS.between(last, facts.asOf())).orElse(null);
    }

    public boolean anyRecoveryStepThisEpisode() {
        return !lastTaken.isEmpty();
    }

    public Long daysSinceNoticeServed() {
        CaseFacts.Notice notice = notice();
        return notice == null ? null : ChronoUnit.DAYS.between(notice.servedOn(), facts.asOf());
    }

    public CaseFacts.Notice notice() {
        return facts.recovery() == null ? null : facts.recovery().notice();
    }

    public boolean claimIssued() {
        return facts.recovery() != null && facts.recovery().claim() != null && facts.recovery().claim().issuedOn() != null;
    }

    public CourtOrderType courtOrderType() {
        return facts.recovery() == null || facts.recovery().courtOrder() == null ? null : facts.recovery().courtOrder().type();
    }

    public boolean courtOrderBreached() {
        return facts.recovery() != null && facts.recovery().courtOrder() != null
                && Boolean.TRUE.equals(facts.recovery().courtOrder().termsBreached());
    }

    public ArrangementStatus arrangementStatus() {
        return facts.arrangement() == null ? ArrangementStatus.NONE : facts.arrangement().status();
    }

    public HousingCostSupport housingCostSupport() {
        return facts.benefits() == null || facts.benefits().housingCostSupport() == null
                ? HousingCostSupport.NONE : facts.benefits().housingCostSupport();
    }

    private boolean benefitFlag(java.util.function.Function<CaseFacts.Benefits, Boolean> flag) {
        return facts.benefits() != null && Boolean.TRUE.equals(flag.apply(facts.benefits()));
    }

    /** DWP guidance: APA at 2 months' rent arrears, or 1 month with persistent underpayment (brief §2.3). */
    public boolean apaEligibleToRequest() {
        return apaEligibleToRequest(facts.asOf());
    }

    /** As {@link #apaEligibleToRequest()}, for a step on the given date. */
    public boolean apaEligibleToRequest(LocalDate on) {
        if (formerTenancyOn(on) || housingCostSupport() != HousingCostSupport.UNIVERSAL_CREDIT
                || benefitFlag(CaseFacts.Benefits::paidDirectToLandlord)) {
            return false;
        }
        return apaArrearsThresholdMet();
    }

    /** DWP APA guidance: real arrears of 2 months' rent, or 1 month with persistent underpayment. */
    public boolean apaArrearsThresholdMet() {
        BigDecimal months = realMonthsOfRent();
        return months.compareTo(BigDecimal.valueOf(law.fixed("apaArrearsMonths"))) >= 0
                || (benefitFlag(CaseFacts.Benefits::persistentUnderpayment)
                && months.compareTo(BigDecimal.valueOf(law.fixed("apaPersistentUnderpaymentMonths"))) >= 0);
    }

    /** UC C&P Regs 2013 Sch 6 para 7 and DWP guidance: 2 months' rent, occupying the home (brief §2.3). */
    public boolean tpdEligibleToRequest() {
        return tpdEligibleToRequest(facts.asOf());
    }

    /** As {@link #tpdEligibleToRequest()}, for a step on the given date. */
    public boolean tpdEligibleToRequest(LocalDate on) {
        return !formerTenancyOn(on) && housingCostSupport() == HousingCostSupport.UNIVERSAL_CREDIT
                && !benefitFlag(CaseFacts.Benefits::thirdPartyDeduction)
                && tpdArrearsThresholdMet() && !tpdEarningsBar();
    }

    /**
     * The work allowance that applies, a month: the one recorded, or none (0) for a household without
     * children recorded as getting no disability or carer benefit (a work allowance needs a child or
     * limited capability for work, UC Regs 2013 reg 22); null when it cannot be told.
     */
    public BigDecimal ucWorkAllowanceMonthly() {
        if (facts.benefits() != null && facts.benefits().ucWorkAllowanceMonthly() != null) {
            return facts.benefits().ucWorkAllowanceMonthly();
        }
        var h = facts.household();
        if (h != null && Boolean.FALSE.equals(h.disabilityOrCarerBenefit()) && h.composition() != null
                && (h.composition() == HouseholdComposition.SINGLE_NO_CHILDREN || h.composition() == HouseholdComposition.COUPLE_NO_CHILDREN)) {
            return BigDecimal.ZERO;
        }
        return null;
    }

    /**
     * UC etc. (Claims and Payments) Regs 2013 Sch 6 para 7(6): a deduction for rent arrears cannot start while
     * the claimant's earned income exceeds the work allowance. True only when both are known and it does.
     */
    public boolean tpdEarningsBar() {
        BigDecimal allowance = ucWorkAllowanceMonthly();
        BigDecimal earnings = facts.household() == null ? null : facts.household().netEarningsMonthly();
        return housingCostSupport() == HousingCostSupport.UNIVERSAL_CREDIT && allowance != null && earnings != null
                && earnings.compareTo(allowance) > 0;
    }

    /** DWP guidance: a TPD request needs real arrears of 2 months' rent. */
    public boolean tpdArrearsThresholdMet() {
        return realMonthsOfRent().compareTo(BigDecimal.valueOf(law.fixed("tpdArrearsMonths"))) >= 0;
    }

    /** HB Regs 2006 reg 95: direct payment of a rent allowance is mandatory at 8 weeks' arrears. */
    public boolean hbDirectPaymentMandatory() {
        return hbDirectPaymentMandatory(facts.asOf());
    }

    /** As {@link #hbDirectPaymentMandatory()}, for a step on the given date. */
    public boolean hbDirectPaymentMandatory(LocalDate on) {
        if (formerTenancyOn(on) || housingCostSupport() != HousingCostSupport.HOUSING_BENEFIT
                || benefitFlag(CaseFacts.Benefits::paidDirectToLandlord)) {
            return false;
        }
        return hbRentAllowance() && hbDirectPaymentThresholdMet();
    }

    /** HB paid as a rent allowance (a housing-association tenant) rather than a rent rebate credited to the account. */
    public boolean hbRentAllowance() {
        if (housingCostSupport() != HousingCostSupport.HOUSING_BENEFIT) {
            return false;
        }
        HbPaymentForm form = facts.benefits().hbPaymentForm();
        return form == HbPaymentForm.RENT_ALLOWANCE || (form == null && facts.landlord() != null
                && facts.landlord().type() == LandlordType.HOUSING_ASSOCIATION);
    }

    /** HB Regs 2006 reg 95: arrears of 8 weeks' rent. */
    public boolean hbDirectPaymentThresholdMet() {
        return weeksOfRent().compareTo(BigDecimal.valueOf(law.fixed("hbDirectPaymentWeeks"))) >= 0;
    }

    /**
     * DWP APA guidance "Tier 1" needs, which can justify a managed payment with no arrears: the
     * vulnerability flags DOMESTIC_ABUSE, SUBSTANCE_MISUSE, CARE_LEAVER, LEARNING_DISABILITY,
     * MENTAL_HEALTH, MENTAL_HEALTH_CRISIS, TERMINAL_ILLNESS, HOSPITAL_OR_CARE and UNDER_18.
     */
    public static final Set<VulnerabilityFlag> APA_TIER_1_FLAGS = EnumSet.of(VulnerabilityFlag.DOMESTIC_ABUSE,
            VulnerabilityFlag.SUBSTANCE_MISUSE, VulnerabilityFlag.CARE_LEAVER, VulnerabilityFlag.LEARNING_DISABILITY,
            VulnerabilityFlag.MENTAL_HEALTH, VulnerabilityFlag.MENTAL_HEALTH_CRISIS, VulnerabilityFlag.TERMINAL_ILLNESS,
            VulnerabilityFlag.HOSPITAL_OR_CARE, VulnerabilityFlag.UNDER_18);

    public boolean apaTier1Need() {
        var v = facts.vulnerability();
        return v != null && v.flags() != null && v.flags().stream().anyMatch(APA_TIER_1_FLAGS::contains);
    }

    public boolean vulnerable() {
        var v = facts.vulnerability();
        boolean under18 = facts.tenancy().tenants() != null && facts.tenancy().tenants().stream()
                .anyMatch(t -> t.ageYears() != null && t.ageYears() < 18 && !Boolean.TRUE.equals(t.deceased()));
        return under18 || (v != null && ((v.flags() != null && !v.flags().isEmpty()) || Boolean.TRUE.equals(v.capacityConcern())));
    }

    public AssessmentStatus assessment() {
        var v = facts.vulnerability();
        return v == null || v.assessment() == null ? AssessmentStatus.NONE : v.assessment();
    }

    /** The assessment's name, as the DMN tables take it. */
    public String assessmentStatus() {
        return assessment().name();
    }

    public boolean vulnerabilityAssessmentNeeded() {
        return vulnerable() && assessment() == AssessmentStatus.NONE;
    }

    /**
     * Pre-Action Protocol (after service of statutory notices): a contact with the tenant on or after the day
     * the notice on file was served; true when no notice is on file.
     */
    public boolean contactAfterNotice() {
        CaseFacts.Notice notice = notice();
        if (notice == null) {
            return true;
        }
        return PROTOCOL_CONTACT.stream().map(lastTaken::get)
                .anyMatch(d -> d != null && !d.isBefore(notice.servedOn()));
    }

    /**
     * Pre-Action Protocol (benefits): where the tenant meets the criteria, the landlord arranges for the arrears
     * to be paid from benefit. The step still needed on the date: an HB direct payment (at 8 weeks' arrears of a
     * rent allowance), a UC managed payment or, failing that, a deduction; null when none is due or one has been
     * asked for in this arrears episode.
     */
    public ActionType benefitPaymentStep(LocalDate on) {
        if (hbDirectPaymentMandatory(on)) {
            return lastTaken.containsKey(ActionType.REQUEST_HB_DIRECT_PAYMENT) ? null : ActionType.REQUEST_HB_DIRECT_PAYMENT;
        }
        boolean apa = apaEligibleToRequest(on);
        boolean tpd = tpdEligibleToRequest(on);
        if (!apa && !tpd || lastTaken.containsKey(ActionType.REQUEST_UC_MANAGED_PAYMENT)
                || lastTaken.containsKey(ActionType.REQUEST_UC_THIRD_PARTY_DEDUCTION)) {
            return null;
        }
        return apa ? ActionType.REQUEST_UC_MANAGED_PAYMENT : ActionType.REQUEST_UC_THIRD_PARTY_DEDUCTION;
    }

    /** Pre-Action Protocol: evidence given, eligibility reasonably expected and the shortfall paid. */
    public boolean pendingBenefitBar(LocalDate on) {
        var claim = facts.benefits() == null ? null : facts.benefits().claimPending();
        return claim != null && (claim.since() == null || !claim.since().isAfter(on))
                && Boolean.TRUE.equals(claim.evidenceProvided())
                && Boolean.TRUE.equals(claim.reasonableExpectationOfEligibility())
                && Boolean.TRUE.equals(claim.shortfallPaid());
    }

    /** Every named tenant has died: no living tenant is liable, so recovery is from the estate (brief 2.5). */
    public boolean allTenantsDeceased() {
        var tenants = facts.tenancy().tenants();
        return tenants != null && !tenants.isEmpty() && tenants.stream().allMatch(t -> Boolean.TRUE.equals(t.deceased()));
    }

    public boolean benefitClaimPending() {
        return facts.benefits() != null && facts.benefits().claimPending() != null;
    }

    public BreathingSpaceStatus breathingSpaceOn(LocalDate on) {
        CaseFacts.BreathingSpace bs = facts.breathingSpace();
        if (bs == null) {
            return BreathingSpaceStatus.NONE;
        }
        LegalParameters.BreathingSpaceScheme scheme = law.breathingSpaceOn(on);
        if (scheme == null) {
            return BreathingSpaceStatus.NONE;
        }
        LocalDate lastDay = bs.endDate();
        if (bs.type() == BreathingSpaceType.STANDARD) {
            LocalDate cap = bs.startDate().plusDays(scheme.standardMaxDays() - 1L);
            lastDay = lastDay == null || cap.isBefore(lastDay) ? cap : lastDay;
        }
        boolean active = !bs.startDate().isAfter(on) && (lastDay == null || !on.isAfter(lastDay));
        return new BreathingSpaceStatus(active, bs.type(), bs.startDate(), lastDay,
                Boolean.TRUE.equals(bs.courtPermission()), scheme.reference());
    }

    public record BreathingSpaceStatus(boolean active, BreathingSpaceType type, LocalDate start, LocalDate lastDay,
            boolean courtPermission, String reference) {
        static final BreathingSpaceStatus NONE = new BreathingSpaceStatus(false, null, null, null, false, null);
    }

    /** Ground 8 as in force on the date for this tenancy (social housing or not: SI 2026/421 reg 2). */
    public LegalParameters.Ground8 ground8Law(LocalDate on) {
        return law.ground8On(on, NoticeAssessment.socialHousing(facts));
    }

    public BigDecimal ground8Threshold(LocalDate servedOn) {
        LegalParameters.Ground8 g8 = ground8Law(servedOn);
        return switch (facts.tenancy().rentFrequency()) {
            case MONTHLY -> facts.tenancy().rentPerPeriod().multiply(BigDecimal.valueOf(g8.months()));
            // Weekly, fortnightly and four-weekly rent are all weekly-based: the statute's weeks apply.
            case WEEKLY, FORTNIGHTLY, FOUR_WEEKLY -> weeklyRent.multiply(BigDecimal.valueOf(g8.weeks()));
        };
    }

    /**
     * Which Ground 8 test applies and why, in words (issue 11 item 16): the statute counts weeks for rent payable
     * weekly or fortnightly and months for rent payable monthly. Four-weekly rent is payable by periods of weeks,
     * so its weeks are counted (8 weeks = two four-weekly periods), not calendar months. Quarterly and yearly rent
     * (paragraphs (c) and (d) of the old ground) are not taken by this service: its tenancies' rent periods are
     * at most a month.
     */
    public String ground8TestInWords(LocalDate servedOn) {
        LegalParameters.Ground8 g8 = ground8Law(servedOn);
        String test = switch (facts.tenancy().rentFrequency()) {
            case MONTHLY -> "rent payable monthly: " + g8.months() + " months' rent unpaid";
            case WEEKLY -> "rent payable weekly: " + g8.weeks() + " weeks' rent unpaid";
            case FORTNIGHTLY -> "rent payable fortnightly: " + g8.weeks() + " weeks' rent unpaid";
            case FOUR_WEEKLY -> "rent payable four-weekly is rent by periods of weeks, so the weeks test applies: "
                    + g8.weeks() + " weeks' rent unpaid, not " + g8.months() + " calendar months";
        };
        return test + (g8.disregardUniversalCreditNotYetPaid()
                ? "; rent unpaid only because Universal Credit housing costs have not yet been paid is left out" : "");
    }

    /**
     * The arrears Ground 8 counts on the date: the balance, less the technical arrears of a UC tenant where the
     * law in force leaves out rent unpaid only because the UC award has not yet been paid.
     */
    public BigDecimal ground8Arrears(LocalDate on) {
        if (ground8Law(on).disregardUniversalCreditNotYetPaid() && housingCostSupport() == HousingCostSupport.UNIVERSAL_CREDIT) {
            return realArrears;
        }
        return balance();
    }

    public List<Ground> availableGrounds(LocalDate on) {
        List<Ground> grounds = new ArrayList<>();
        TenancyType type = tenancyStatusOn(on).type();
        boolean arrears = balance().signum() > 0;
        if (formerTenancyOn(on)) {
            return grounds;
        }
        if (type.isSecure() && arrears) {
            grounds.add(Ground.GROUND_1);
        }
        if (type.isAssured()) {
            if (arrears && ground8Arrears(on).compareTo(ground8Threshold(on)) >= 0) {
                grounds.add(Ground.GROUND_8);
            }
            if (arrears) {
                grounds.add(Ground.GROUND_10);
            }
            if (persistentLatePayment()) {
                grounds.add(Ground.GROUND_11);
            }
        }
        return grounds;
    }

    /** Ground 11 evidence: arrears at three or more recorded points, or persistent underpayment. */
    public boolean persistentLatePayment() {
        if (benefitFlag(CaseFacts.Benefits::persistentUnderpayment)) {
            return true;
        }
        List<CaseFacts.BalancePoint> history = facts.account().balanceHistory();
        return history != null && history.stream().filter(p -> p.balance().signum() > 0).count() >= 3;
    }

    /**
     * The arrears a bankruptcy or DRO covers, no more than the balance (null without an insolvency):
     * {@code arrearsCovered} when given; otherwise, when the unpaid charges are listed, only those that
     * fell due on or before the order's date (rent due later is neither provable in the bankruptcy,
     * s.285(3) IA 1986, nor "the debt" of the DRO, s.251G); with no charges listed, the whole balance.
     */
    public static BigDecimal insolvencyCoveredAmount(CaseFacts facts) {
        CaseFacts.Insolvency ins = facts.insolvency();
        if (ins == null) {
            return null;
        }
        BigDecimal balance = facts.account().balance().max(BigDecimal.ZERO);
        if (ins.arrearsCovered() != null) {
            return ins.arrearsCovered().min(balance);
        }
        List<CaseFacts.UnpaidCharge> charges = facts.account().unpaidCharges();
        if (charges == null || charges.isEmpty()) {
            return balance;
        }
        return charges.stream().filter(c -> !c.dueDate().isAfter(ins.date())).map(CaseFacts.UnpaidCharge::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add).min(balance);
    }

    public BigDecimal statuteBarredAmount(LocalDate on) {
        return limitation().barredAmount(on);
    }

    /**
     * The last day each unpaid charge can be sued for, decided once per case by the limitation rules
     * (rules/limitation), under the law in force on asOf and the case's Breathing Space.
     */
    public LimitationSchedule limitation() {
        if (limitation == null) {
            CaseFacts.BreathingSpace given = facts.breathingSpace();
            // The moratorium's own dates, worked out under the scheme in force when it started.
            BreathingSpaceStatus bs = given == null ? BreathingSpaceStatus.NONE : breathingSpaceOn(given.startDate());
            limitation = LimitationReview.schedule(facts, bs.start(), bs.lastDay());
        }
        return limitation;
    }

    public LegalPosition positionOn(LocalDate on) {
        return positionOn(on, breathingSpaceOn(on));
    }

    /**
     * The position for a step planned for a later date. A moratorium in force today holds the step
     * even if it is planned for after the moratorium's expected end: a moratorium can be replaced
     * or followed by another, so the step is to be planned again once it has actually ended.
     */
    public LegalPosition positionForPlannedStep(LocalDate planned) {
        BreathingSpaceStatus today = breathingSpaceOn(facts.asOf());
        return positionOn(planned, today.active() ? today : breathingSpaceOn(planned));
    }

    private LegalPosition positionOn(LocalDate on, BreathingSpaceStatus bs) {
        TenancyStatus status = tenancyStatusOn(on);
        TenancyType type = status.type();
        boolean former = formerTenancyOn(on);
        BigDecimal barred = statuteBarredAmount(on);
        var insolvency = insolvencyOn(on);
        return new LegalPosition(on, balance(),
                new LegalPosition.Tenancy(type, former, status.explanation()),
                new LegalPosition.Moratorium(bs.active(), bs.type(), bs.lastDay(), bs.courtPermission()),
                noticeOn(on),
                new LegalPosition.Ground8(ground8Threshold(on), ground8Law(on).reference() + " (" + ground8TestInWords(on) + ")",
                        ground8Arrears(on)),
                insolvency,
                judgmentOn(on, insolvency),
                new LegalPosition.Limitation(barred, balance().signum() > 0 && barred.compareTo(balance()) >= 0),
                courtOn(on),
                new LegalPosition.Protocol(PROTOCOL_CONTACT.stream().anyMatch(lastTaken::containsKey),
                        lastTaken.containsKey(ActionType.OFFER_REPAYMENT_ARRANGEMENT) || arrangementStatus() != ArrangementStatus.NONE,
                        arrangementStatus() == ArrangementStatus.KEPT,
                        BENEFITS_HELP.stream().anyMatch(lastTaken::containsKey),
                        pendingBenefitBar(on), contactAfterNotice(), benefitPaymentStep(on),
                        notice() == null ? null : notice().servedOn()),
                new LegalPosition.Vulnerability(vulnerable(), assessment(),
                        RoutingFacts.complexCaseTriggers(facts, bs.active() && bs.type() == BreathingSpaceType.MENTAL_HEALTH_CRISIS)),
                new LegalPosition.Benefits(housingCostSupport(),
                        housingCostSupport() != HousingCostSupport.NONE || benefitClaimPending(),
                        housingCostSupport() != HousingCostSupport.NONE && !former,
                        hbRentAllowance(), apaArrearsThresholdMet(), apaTier1Need(), tpdArrearsThresholdMet(),
                        hbDirectPaymentThresholdMet(), tpdEarningsBar()));
    }

    /**
     * A bankruptcy, DRO or IVA made on or before the date. An IVA binds the landlord as a creditor for the
     * debts it covers (IA 1986 s.260(2)), so, like a bankruptcy or DRO, it stops money remedies for them.
     */
    private LegalPosition.Insolvency insolvencyOn(LocalDate on) {
        var ins = facts.insolvency();
        if (ins == null || ins.date().isAfter(on)) {
            return new LegalPosition.Insolvency(null, null, false);
        }
        return new LegalPosition.Insolvency(ins.type(), ins.date(), balance().compareTo(insolvencyCoveredAmount(facts)) <= 0);
    }

    private LegalPosition.Judgment judgmentOn(LocalDate on, LegalPosition.Insolvency insolvency) {
        var judgment = facts.recovery() == null ? null : facts.recovery().judgment();
        if (judgment == null) {
            return new LegalPosition.Judgment(null, false, false);
        }
        return new LegalPosition.Judgment(judgment.date(),
                !on.isBefore(judgment.date().plusYears(law.fixed("judgmentEnforcementYears"))),
                insolvency.date() != null && judgment.date().isBefore(insolvency.date()));
    }

    /**
     * The claim and the possession order on the date. A postponed order gives no date for possession: after
     * a breach the landlord must apply for one to be fixed (CPR PD 55A para 10) and only then is there
     * something to enforce by warrant. A warrant six years or more after the order needs permission
     * (CPR 83.2(3)(a)).
     */
    private LegalPosition.Court courtOn(LocalDate on) {
        CourtOrderType order = courtOrderType();
        var given = facts.recovery() == null ? null : facts.recovery().courtOrder();
        LocalDate madeOn = given == null ? null : given.madeOn();
        LocalDate possessionDate = given == null ? null : given.possessionDate();
        boolean breached = courtOrderBreached();
        boolean awaitingDate = order == CourtOrderType.POSTPONED && breached && possessionDate == null;
        boolean enforceable = order == CourtOrderType.OUTRIGHT
                || (order == CourtOrderType.SUSPENDED && breached)
                || (order == CourtOrderType.POSTPONED && breached && possessionDate != null && !on.isBefore(possessionDate));
        boolean oldOrder = order != null && madeOn != null
                && !on.isBefore(madeOn.plusYears(law.fixed("judgmentEnforcementYears")));
        return new LegalPosition.Court(claimIssued(), enforceable, order, madeOn, possessionDate, awaitingDate, oldOrder);
    }

    /**
     * The notice this tenancy needs and the one on file, with its grounds and which of them still
     * stand on the date (domain brief 2.2): Ground 8 needs the threshold in force on the service date
     * both at service (arrearsAtService) and now (the balance, as the hearing proxy); Ground 10 needs
     * rent unpaid at service (when given) and now; Ground 11 may stand without arrears; Ground 1
     * (secure) needs rent unpaid now and at service when given. A ground of the other Act never stands.
     */
    private LegalPosition.Notice noticeOn(LocalDate on) {
        TenancyType type = tenancyStatusOn(on).type();
        ActionType requiredAction = NoticeAssessment.noticeAction(type);
        boolean neededBeforeClaim = NoticeAssessment.requiredNotice(type) != null;
        NoticeAssessment.Standing standing = NoticeAssessment.standing(facts, type, on, moratoriumWindow());
        List<Ground> available = availableGrounds(on);
        CaseFacts.Notice notice = notice();
        if (notice == null || notice.grounds() == null || notice.grounds().isEmpty()
                || (notice.type() != NoticeType.SECTION_8 && notice.type() != NoticeType.NOSP)) {
            return new LegalPosition.Notice(requiredAction, neededBeforeClaim, standing, available, List.of(), List.of(),
                    null, null, null);
        }
        BigDecimal atService = notice.arrearsAtService();
        BigDecimal threshold = ground8Threshold(notice.servedOn());
        boolean unpaidNow = balance().signum() > 0;
        boolean unpaidAtService = atService == null || atService.signum() > 0;
        List<Ground> standingGrounds = new ArrayList<>();
        for (Ground g : notice.grounds()) {
            boolean stands = switch (g) {
                case GROUND_1 -> type.isSecure() && notice.type() == NoticeType.NOSP && unpaidNow && unpaidAtService;
                case GROUND_8 -> type.isAssured() && notice.type() == NoticeType.SECTION_8 && atService != null
                        && atService.compareTo(threshold) >= 0 && ground8Arrears(notice.servedOn()).compareTo(threshold) >= 0;
                case GROUND_10 -> type.isAssured() && notice.type() == NoticeType.SECTION_8 && unpaidNow && unpaidAtService;
                case GROUND_11 -> type.isAssured() && notice.type() == NoticeType.SECTION_8;
            };
            if (stands && !standingGrounds.contains(g)) {
                standingGrounds.add(g);
            }
        }
        return new LegalPosition.Notice(requiredAction, neededBeforeClaim, standing, available, notice.grounds(),
                standingGrounds, atService, threshold, ground8Law(notice.servedOn()).reference());
    }

    public NoticeType requiredNotice() {
        return NoticeAssessment.requiredNotice(tenancyStatusOn(facts.asOf()).type());
    }

    /** The case's moratorium, as the notice rules read it (SI 2020/1311 reg 7, reg 9); null if none. */
    public NoticeAssessment.MoratoriumWindow moratoriumWindow() {
        CaseFacts.BreathingSpace given = facts.breathingSpace();
        if (given == null) {
            return null;
        }
        BreathingSpaceStatus bs = breathingSpaceOn(given.startDate());
        if (bs.start() == null) {
            return null; // before the scheme commenced: no moratorium in law
        }
        return new NoticeAssessment.MoratoriumWindow(bs.start(), bs.lastDay(), bs.courtPermission(),
                law.fixed("breathingSpaceNoticeExtensionWeeks"));
    }

    /** The tenancy's type on a date, and why, where the law changes it over time. */
    public record TenancyStatus(TenancyType type, String explanation) {
    }

    /**
     * An introductory tenancy becomes secure at the end of its trial period (Housing Act 1996 s.125): one
     * year from tenancy.startDate, or 18 months where a notice of extension was served at least 8 weeks
     * before the original expiry date (s.125A). Proceedings begun in the trial period keep it introductory
     * until they are determined (s.130). docs/law.md#introductory-tenancies.
     */
    public TenancyStatus tenancyStatusOn(LocalDate on) {
        TenancyType type = facts.tenancy().type();
        if (type != TenancyType.INTRODUCTORY) {
            return new TenancyStatus(type, null);
        }
        LocalDate start = facts.tenancy().startDate();
        if (start == null) {
            return new TenancyStatus(type, "No tenancy.startDate is given, so the end of the introductory trial period cannot be"
                    + " worked out: the tenancy is treated as introductory. Give the start date: after the trial period it is"
                    + " secure (Housing Act 1996 s.125; docs/law.md#introductory-tenancies).");
        }
        LocalDate originalExpiry = start.plusYears(1).minusDays(1);
        LocalDate trialEnd = originalExpiry;
        StringBuilder why = new StringBuilder();
        LocalDate extension = facts.tenancy().trialExtensionNoticeServedOn();
        if (extension != null && !extension.isAfter(on)) {
            LocalDate latestNotice = originalExpiry.minusWeeks(law.fixed("introductoryExtensionNoticeWeeks"));
            if (extension.isAfter(latestNotice)) {
                why.append("The notice of extension served on ").append(extension).append(" came less than 8 weeks before the")
                        .append(" original expiry date ").append(originalExpiry).append(" (the latest day was ").append(latestNotice)
                        .append("): it does not extend the trial period (s.125A(2)). ");
            } else {
                trialEnd = originalExpiry.plusMonths(law.fixed("introductoryExtensionMonths"));
                why.append("The notice of extension served on ").append(extension).append(" extends the trial period by 6 months,")
                        .append(" from ").append(originalExpiry).append(" to ").append(trialEnd).append(" (s.125A). ");
            }
        }
        if (!on.isAfter(trialEnd)) {
            return new TenancyStatus(type, why + "The tenancy is introductory on " + on + ": its trial period, from " + start
                    + ", runs to " + trialEnd + " (Housing Act 1996 s.125" + (trialEnd.equals(originalExpiry) ? "" : ", s.125A")
                    + "; docs/law.md#introductory-tenancies).");
        }
        LocalDate issued = claimIssued() ? facts.recovery().claim().issuedOn() : null;
        if (issued != null && !issued.isAfter(trialEnd)) {
            return new TenancyStatus(type, why + "The trial period ended on " + trialEnd + ", but possession proceedings begun on "
                    + issued + " within it keep the tenancy introductory until they are determined (Housing Act 1996 s.130;"
                    + " docs/law.md#introductory-tenancies).");
        }
        return new TenancyStatus(TenancyType.SECURE, why + "The introductory trial period ended on " + trialEnd
                + " with no possession proceedings begun in it: from " + trialEnd.plusDays(1) + " the tenancy is secure"
                + " (Housing Act 1996 s.125(1); docs/law.md#introductory-tenancies). Arrears possession now needs a notice of"
                + " seeking possession on Ground 1 (Housing Act 1985 s.83, Sch 2), not a notice of proceedings.");
    }
}
