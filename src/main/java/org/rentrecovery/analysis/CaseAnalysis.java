package org.rentrecovery.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.TenantProtections;
import org.rentrecovery.contract.RentArithmetic;
import org.rentrecovery.contract.Vocabulary.ArrangementStatus;
import org.rentrecovery.contract.Vocabulary.AssessmentStatus;
import org.rentrecovery.contract.Vocabulary.CourtOrderType;
import org.rentrecovery.contract.Vocabulary.Ground;
import org.rentrecovery.contract.Vocabulary.HousingCostSupport;
import org.rentrecovery.contract.Vocabulary.NoticeType;
import org.rentrecovery.contract.Vocabulary.TenancyType;
import org.rentrecovery.law.LegalParameters;
import org.rentrecovery.limitation.LimitationReview;
import org.rentrecovery.limitation.LimitationSchedule;

/**
 * Facts derived from a case in plain Java: arrears as weeks and months of rent, real against
 * technical arrears, the current arrears episode and the days since each recovery step in it,
 * benefit thresholds, and the legal position on any date. Deterministic: depends only on the case.
 * The entry point for tables, guards and answers; each area has its own class: ArrearsEpisode,
 * BenefitEligibility, Grounds, BreathingSpaces, IntroductoryTrial, PositionOnDate (the legal position).
 */
public final class CaseAnalysis {
    private final CaseFacts facts;
    private final LegalParameters law = LegalParameters.current();
    private final BigDecimal weeklyRent, monthlyRent, realArrears;
    private final ArrearsEpisode episode;
    private final BenefitEligibility benefits;
    private final Grounds grounds;
    private final PositionOnDate positions;
    private LimitationSchedule limitation;
    // Divisions to 34 digits are read by several tables and sentences per decision: worked out once each.
    private BigDecimal weeksOfRent, monthsOfRent, realWeeksOfRent, realMonthsOfRent;

    public CaseAnalysis(CaseFacts facts) {
        this(facts, Map.of());
    }

    /** @param landlordCodes the policy's categories of its own action codes: a recorded one counts as its category's step */
    public CaseAnalysis(CaseFacts facts, Map<String, org.rentrecovery.contract.ActionCategory> landlordCodes) {
        this.facts = facts;
        var tenancy = facts.tenancy();
        this.weeklyRent = RentArithmetic.weeklyRent(tenancy.rentFrequency(), tenancy.rentPerPeriod());
        this.monthlyRent = RentArithmetic.monthlyRent(tenancy.rentFrequency(), tenancy.rentPerPeriod());
        BigDecimal balance = facts.account().balance();
        BigDecimal technical = facts.account().technicalArrears() == null ? BigDecimal.ZERO : facts.account().technicalArrears();
        this.realArrears = balance.signum() > 0 ? balance.subtract(technical).max(BigDecimal.ZERO) : balance;
        this.episode = new ArrearsEpisode(facts, landlordCodes);
        this.benefits = new BenefitEligibility(this, law);
        this.grounds = new Grounds(this, law);
        this.positions = new PositionOnDate(this, episode, law, grounds, benefits);
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
        return formerTenancyOn(facts.asOf());
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
        return episode.start();
    }

    public LocalDate lastTaken(ActionType type) {
        return episode.lastTaken(type);
    }

    /** Whole days from the last time the step was taken in this arrears episode to asOf; null if never. */
    public Long daysSince(ActionType type) {
        LocalDate last = episode.lastTaken(type);
        return last == null ? null : ChronoUnit.DAYS.between(last, facts.asOf());
    }

    /** Whole days from the latest recovery step of any type in this arrears episode to asOf; null if none. */
    public Long daysSinceLastAction() {
        LocalDate last = episode.lastStep();
        return last == null ? null : ChronoUnit.DAYS.between(last, facts.asOf());
    }

    public boolean anyRecoveryStepThisEpisode() {
        return episode.anyStep();
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
        return benefits.housingCostSupport();
    }

    /** DWP guidance: APA at 2 months' rent arrears, or 1 month with persistent underpayment (docs/law.md#benefit-requests). */
    public boolean apaEligibleToRequest() {
        return benefits.apaEligibleToRequest(facts.asOf());
    }

    /** UC C&P Regs 2013 Sch 6 para 7 and DWP guidance: 2 months' rent, occupying the home (docs/law.md#benefit-requests). */
    public boolean tpdEligibleToRequest() {
        return benefits.tpdEligibleToRequest(facts.asOf());
    }

    /** HB Regs 2006 reg 95: direct payment of a rent allowance is mandatory at 8 weeks' arrears. */
    public boolean hbDirectPaymentMandatory() {
        return benefits.hbDirectPaymentMandatory(facts.asOf());
    }

    public boolean benefitClaimPending() {
        return benefits.benefitClaimPending();
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

    public boolean vulnerabilityAssessmentNeeded() {
        return vulnerable() && assessment() == AssessmentStatus.NONE;
    }

    /** Every named tenant has died: no living tenant is liable, so recovery is from the estate (docs/law.md#deceased-tenants-and-estates). */
    public boolean allTenantsDeceased() {
        var tenants = facts.tenancy().tenants();
        return tenants != null && !tenants.isEmpty() && tenants.stream().allMatch(t -> Boolean.TRUE.equals(t.deceased()));
    }

    BreathingSpaces.Status breathingSpaceOn(LocalDate on) {
        return BreathingSpaces.on(facts, law, on);
    }

    /** The case's moratorium, as the notice rules read it (SI 2020/1311 reg 7, reg 9); null if none. */
    public MoratoriumWindow moratoriumWindow() {
        return BreathingSpaces.window(facts, law);
    }

    /** Ground 8's threshold for a notice served on the date (weeks or months of rent, as the statute counts them). */
    public BigDecimal ground8Threshold(LocalDate servedOn) {
        return grounds.ground8Threshold(servedOn);
    }

    /** Which Ground 8 test applies to this rent and why, in words. */
    public String ground8TestInWords(LocalDate servedOn) {
        return grounds.ground8TestInWords(servedOn);
    }

    public List<Ground> availableGrounds(LocalDate on) {
        return grounds.availableGrounds(on);
    }

    /** The arrears a bankruptcy, DRO or IVA covers, no more than the balance; null without an insolvency. */
    public static BigDecimal insolvencyCoveredAmount(CaseFacts facts) {
        return PositionOnDate.insolvencyCoveredAmount(facts);
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
            TenantProtections.BreathingSpace given = facts.breathingSpace();
            // The moratorium's own dates, worked out under the scheme in force when it started.
            BreathingSpaces.Status bs = given == null ? BreathingSpaces.Status.NONE : breathingSpaceOn(given.startDate());
            limitation = LimitationReview.schedule(facts, bs.start(), bs.lastDay());
        }
        return limitation;
    }

    public LegalPosition positionOn(LocalDate on) {
        return positions.on(on, breathingSpaceOn(on));
    }

    /**
     * The position for a step planned for a later date. A moratorium in force today holds the step
     * even if it is planned for after the moratorium's expected end: a moratorium can be replaced
     * or followed by another, so the step is to be planned again once it has actually ended.
     */
    public LegalPosition positionForPlannedStep(LocalDate planned) {
        BreathingSpaces.Status today = breathingSpaceOn(facts.asOf());
        return positions.on(planned, today.active() ? today : breathingSpaceOn(planned));
    }

    public NoticeType requiredNotice() {
        return NoticeAssessment.requiredNotice(tenancyStatusOn(facts.asOf()).type());
    }

    /** The tenancy's type on a date, and why, where the law changes it over time. */
    public record TenancyStatus(TenancyType type, String explanation) { }

    /** The tenancy's type on the date: an introductory tenancy past its trial period is secure ({@link IntroductoryTrial}). */
    public TenancyStatus tenancyStatusOn(LocalDate on) {
        return IntroductoryTrial.statusOn(facts, law, claimIssued() ? facts.recovery().claim().issuedOn() : null, on);
    }
}
