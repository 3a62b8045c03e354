package org.rentrecovery.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.analysis.LegalPosition;
import org.rentrecovery.analysis.NoticeAssessment;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.PolicyVersion;
import org.rentrecovery.contract.Reason;
import org.rentrecovery.contract.RentArithmetic;
import org.rentrecovery.contract.Vocabulary.NoticeType;
import org.rentrecovery.escalation.EscalationOutcome;
import org.rentrecovery.guards.GuardBlock;
import org.rentrecovery.guards.StepUnderReview;
import org.rentrecovery.routing.RoutingOutcome;

/** Puts the answer together from what the other steps of the decision found: no decision is taken here. */
final class DecisionAssembler {
    private DecisionAssembler() {
    }

    static Decision assemble(CaseAnalysis analysis, LegalPosition today, PolicyVersion version, PolicyEvaluation.Reading policy,
            GuardedSteps.Review review, ActionPlan plan, List<Reason> reasons) {
        LocalDate asOf = analysis.asOf();
        EscalationOutcome ladder = policy.ladder();
        return new Decision(DecisionIds.next(), analysis.facts().caseRef(), asOf, OffsetDateTime.now(ZoneOffset.UTC),
                version, new Decision.Escalation(ladder.step(), ladder.stage(), ladder.explanation()),
                plan.nextAction(ladder, asOf), plan.permitted(), plan.blocked(), arrears(analysis), legal(analysis, today),
                proposedCheck(review, plan, analysis), routing(policy.route()), policy.writeOff().decision(),
                policy.cap().benefitCap(), policy.cap().repaymentPlan(), reasons);
    }

    /** Whether the proposed step is lawful on its planned date, and what the law requires of it; null when none was proposed. */
    private static Decision.ProposedActionCheck proposedCheck(GuardedSteps.Review review, ActionPlan plan, CaseAnalysis analysis) {
        StepUnderReview proposal = review.proposal();
        if (proposal == null) {
            return null;
        }
        List<GuardBlock> blocks = review.findings().blocksFor(proposal);
        ActionType judgedAs = proposal.getAction();
        LocalDate planned = proposal.getPosition().date();
        // A landlord's code is answered as asked (LANDLORD_ACTION and its code), though the guards judged it by its category.
        String code = analysis.facts().proposedAction().code();
        ActionType type = code == null ? judgedAs : ActionType.LANDLORD_ACTION;
        return new Decision.ProposedActionCheck(type, planned, blocks.isEmpty(), code == null ? plan.permits(type) : plan.permitsCode(code),
                blocks.stream().map(ActionPlan::block).toList(), NoticeConditions.forAction(judgedAs, analysis, planned),
                code == null ? type.name() : code, review.proposalCategory());
    }

    static Decision.Routing routing(RoutingOutcome r) {
        return new Decision.Routing(r.team(), r.decidingTrigger(), r.triggers(), r.escalationPaused(), r.instruction(),
                r.reference(), r.teamRow(), r.triggerRow());
    }

    private static Decision.Arrears arrears(CaseAnalysis a) {
        var technical = a.facts().account().technicalArrears();
        return new Decision.Arrears(a.balance(), RentArithmetic.pounds(a.weeklyRent()), RentArithmetic.pounds(a.monthlyRent()),
                RentArithmetic.twoPlaces(a.weeksOfRent()), RentArithmetic.twoPlaces(a.monthsOfRent()),
                technical == null ? BigDecimal.ZERO.setScale(2) : technical, RentArithmetic.pounds(a.realArrears()),
                RentArithmetic.twoPlaces(a.realWeeksOfRent()), a.episodeStart());
    }

    /** For a NoSP or notice of proceedings, the first date that is also the first or last day of a rent period. */
    private static LocalDate earliestDateToSpecify(NoticeType required, CaseAnalysis a) {
        return NoticeAssessment.earliestDateToSpecify(required, a.asOf(), a.facts());
    }

    private static Decision.Legal legal(CaseAnalysis a, LegalPosition today) {
        var required = a.requiredNotice();
        return new Decision.Legal(
                a.formerTenancy(),
                required == null ? null : required.name(),
                required == null ? null : NoticeAssessment.minimumWeeks(required, a.asOf(), NoticeAssessment.socialHousing(a.facts())),
                required == null ? null : earliestDateToSpecify(required, a),
                today.ground8ThresholdMet(),
                today.tenancy().assured() ? RentArithmetic.threshold(today.ground8().threshold()) : null,
                today.notice().availableGrounds(),
                today.notice().status().name(),
                today.notice().inForce(),
                today.notice().standing().expiresOn(),
                today.noticeExplanation(),
                today.limitation().barredAmount(),
                today.protocol().pendingBenefitBar(),
                today.moratorium().active(),
                today.moratorium().active() ? today.moratorium().until() : null,
                !today.tenancy().interimLicence(),
                today.tenancy().type(),
                today.tenancy().statusExplanation());
    }
}
