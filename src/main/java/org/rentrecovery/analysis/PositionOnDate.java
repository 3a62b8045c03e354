package org.rentrecovery.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.rentrecovery.contract.ActionCategory;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.TenantProtections;
import org.rentrecovery.contract.Vocabulary.ArrangementStatus;
import org.rentrecovery.contract.Vocabulary.BreathingSpaceType;
import org.rentrecovery.contract.Vocabulary.CourtOrderType;
import org.rentrecovery.contract.Vocabulary.HousingCostSupport;
import org.rentrecovery.law.LegalParameters;

/**
 * The {@link LegalPosition} of a case on one date: each area of law's record worked out from the case's
 * facts under the law in force that day. A new legal fact is one component on its area's record and the
 * line here (or in the area's own class: {@link Grounds}, {@link BenefitEligibility}) that works it out.
 */
final class PositionOnDate {
    private static final Set<ActionType> PROTOCOL_CONTACT = EnumSet.of(ActionType.CONTACT_TENANT, ActionType.HOME_VISIT);
    /**
     * A landlord's own code counts as the protocol's contact when its policy declares it a CONTACT or a
     * VISIT: the categories of CONTACT_TENANT and HOME_VISIT, as the guards judge a proposed code (LandlordSteps).
     */
    private static final Set<ActionCategory> PROTOCOL_CONTACT_KINDS = EnumSet.of(ActionCategory.CONTACT, ActionCategory.VISIT);
    private static final Set<ActionType> BENEFITS_HELP = EnumSet.of(ActionType.OFFER_HELP_WITH_BENEFIT_CLAIM,
            ActionType.REFER_MONEY_ADVICE, ActionType.REFER_DHP_APPLICATION, ActionType.REQUEST_HB_DIRECT_PAYMENT,
            ActionType.REQUEST_UC_MANAGED_PAYMENT, ActionType.REQUEST_UC_THIRD_PARTY_DEDUCTION);

    private final CaseAnalysis a;
    private final ArrearsEpisode episode;
    private final CaseFacts facts;
    private final LegalParameters law;
    private final Grounds grounds;
    private final BenefitEligibility benefits;

    PositionOnDate(CaseAnalysis analysis, ArrearsEpisode episode, LegalParameters law, Grounds grounds, BenefitEligibility benefits) {
        this.a = analysis;
        this.episode = episode;
        this.facts = analysis.facts();
        this.law = law;
        this.grounds = grounds;
        this.benefits = benefits;
    }

    LegalPosition on(LocalDate on, BreathingSpaces.Status bs) {
        CaseAnalysis.TenancyStatus status = a.tenancyStatusOn(on);
        boolean former = a.formerTenancyOn(on);
        BigDecimal barred = a.statuteBarredAmount(on);
        var insolvency = insolvencyOn(on);
        return new LegalPosition(on, a.balance(),
                new LegalPosition.Tenancy(status.type(), former, status.explanation(), Section21.on(facts, status.type(), on, law)),
                new LegalPosition.Moratorium(bs.active(), bs.type(), bs.lastDay(), bs.courtPermission()),
                grounds.noticeOn(on),
                new LegalPosition.Ground8(grounds.ground8Threshold(on),
                        grounds.ground8Law(on).reference() + " (" + grounds.ground8TestInWords(on) + ")", grounds.ground8Arrears(on)),
                insolvency,
                judgmentOn(on, insolvency),
                new LegalPosition.Limitation(barred, a.balance().signum() > 0 && barred.compareTo(a.balance()) >= 0),
                courtOn(on),
                protocolOn(on),
                new LegalPosition.Vulnerability(a.vulnerable(), a.assessment(),
                        RoutingFacts.complexCaseTriggers(facts, bs.active() && bs.type() == BreathingSpaceType.MENTAL_HEALTH_CRISIS)),
                benefitsOn(former));
    }

    private LegalPosition.Protocol protocolOn(LocalDate on) {
        ArrangementStatus arrangement = a.arrangementStatus();
        return new LegalPosition.Protocol(contactDates().findAny().isPresent(),
                taken(ActionType.OFFER_REPAYMENT_ARRANGEMENT) || arrangement != ArrangementStatus.NONE,
                arrangement == ArrangementStatus.KEPT,
                BENEFITS_HELP.stream().anyMatch(this::taken) || episode.lastLandlordStep(ActionCategory.SUPPORT) != null,
                benefits.pendingBenefitBar(on), contactAfterNotice(), benefits.benefitPaymentStep(on),
                a.notice() == null ? null : a.notice().servedOn());
    }

    private LegalPosition.Benefits benefitsOn(boolean former) {
        HousingCostSupport support = benefits.housingCostSupport();
        return new LegalPosition.Benefits(support,
                support != HousingCostSupport.NONE || benefits.benefitClaimPending(),
                support != HousingCostSupport.NONE && !former,
                benefits.hbRentAllowance(), benefits.apaArrearsThresholdMet(), benefits.apaTier1Need(),
                benefits.tpdArrearsThresholdMet(), benefits.hbDirectPaymentThresholdMet(), benefits.tpdEarningsBar());
    }

    private boolean taken(ActionType type) {
        return a.lastTaken(type) != null;
    }

    /**
     * Pre-Action Protocol (after service of statutory notices): a contact with the tenant on or after the day
     * the notice on file was served; true when no notice is on file.
     */
    boolean contactAfterNotice() {
        CaseFacts.Notice notice = a.notice();
        if (notice == null) {
            return true;
        }
        return contactDates().anyMatch(d -> !d.isBefore(notice.servedOn()));
    }

    /**
     * The last day of each kind of contact with the tenant in this arrears episode: the service's call or
     * visit, and a landlord's own code declared as contact or a visit. A failed attempt counts: the protocol
     * asks the landlord to try (after the notice, "reasonable attempts"), not to succeed.
     */
    private Stream<LocalDate> contactDates() {
        return Stream.concat(PROTOCOL_CONTACT.stream().map(a::lastTaken), PROTOCOL_CONTACT_KINDS.stream().map(episode::lastLandlordStep))
                .filter(Objects::nonNull);
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
        return new LegalPosition.Insolvency(ins.type(), ins.date(),
                a.balance().compareTo(insolvencyCoveredAmount(facts)) <= 0);
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
        CourtOrderType order = a.courtOrderType();
        var given = facts.recovery() == null ? null : facts.recovery().courtOrder();
        LocalDate madeOn = given == null ? null : given.madeOn();
        LocalDate possessionDate = given == null ? null : given.possessionDate();
        boolean breached = a.courtOrderBreached();
        boolean awaitingDate = order == CourtOrderType.POSTPONED && breached && possessionDate == null;
        boolean enforceable = order == CourtOrderType.OUTRIGHT
                || (order == CourtOrderType.SUSPENDED && breached)
                || (order == CourtOrderType.POSTPONED && breached && possessionDate != null && !on.isBefore(possessionDate));
        boolean oldOrder = order != null && madeOn != null
                && !on.isBefore(madeOn.plusYears(law.fixed("judgmentEnforcementYears")));
        FixDateNotice notice = FixDateNotice.givenOn(given == null ? null : given.fixDateNoticeGivenOn(), law);
        return new LegalPosition.Court(a.claimIssued(), enforceable, order, madeOn, possessionDate, awaitingDate, oldOrder,
                notice == null ? null : notice.defectOn(on),
                notice == null || !on.isBefore(notice.applyFrom()) ? null : notice.applyFrom());
    }

    /**
     * The arrears a bankruptcy or DRO covers, no more than the balance (null without an insolvency):
     * {@code arrearsCovered} when given; otherwise, when the unpaid charges are listed, only those that
     * fell due on or before the order's date (rent due later is neither provable in the bankruptcy,
     * s.285(3) IA 1986, nor "the debt" of the DRO, s.251G); with no charges listed, the whole balance.
     */
    static BigDecimal insolvencyCoveredAmount(CaseFacts facts) {
        TenantProtections.Insolvency ins = facts.insolvency();
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
}
