package org.rentrecovery.decision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.analysis.LegalPosition;
import org.rentrecovery.analysis.NoticeAssessment;
import org.rentrecovery.benefitcap.BenefitCapAssessment;
import org.rentrecovery.benefitcap.BenefitCapDecision;
import org.rentrecovery.benefitcap.IncomeFirst;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.InvalidRequestException;
import org.rentrecovery.contract.Reason;
import org.rentrecovery.contract.RentArithmetic;
import org.rentrecovery.engine.ModelSet;
import org.rentrecovery.engine.PolicyModels;
import org.rentrecovery.engine.PolicyVersionInfo;
import org.rentrecovery.engine.UnknownPolicyVersionException;
import org.rentrecovery.escalation.EscalationOutcome;
import org.rentrecovery.escalation.EscalationPolicy;
import org.rentrecovery.escalation.PolicyAction;
import org.rentrecovery.guards.GuardBlock;
import org.rentrecovery.guards.GuardFindings;
import org.rentrecovery.guards.GuardReview;
import org.rentrecovery.guards.LandlordSteps;
import org.rentrecovery.guards.StepUnderReview;
import org.rentrecovery.routing.RoutingOutcome;
import org.rentrecovery.routing.TeamRouting;
import org.rentrecovery.writeoff.WriteOffAssessment;

/**
 * Composes one decision: derived facts, then the landlord's policy tables, then the legal guards,
 * which can only remove or hold steps. The next action is the highest-priority step the law permits.
 */
@ApplicationScoped
public class DecisionService {
    static final String GUARD_RULE_PREFIX = "LegalGuards: ";

    private final EscalationPolicy escalation;
    private final GuardReview guards;
    private final PolicyVersionInfo version;
    private final TeamRouting routing;
    private final WriteOffAssessment writeOffs;
    private final BenefitCapAssessment benefitCap;
    private final PolicyModels policies;

    /** Outside a CDI container (plain unit tests): the other rule units and tables are built from the same files. */
    public DecisionService(EscalationPolicy escalation, GuardReview guards, PolicyVersionInfo version) {
        this(escalation, guards, version, new TeamRouting(), WriteOffAssessment.standalone(), BenefitCapAssessment.standalone(),
                PolicyModels.seeded(version.current().version()));
    }

    @Inject
    public DecisionService(EscalationPolicy escalation, GuardReview guards, PolicyVersionInfo version, TeamRouting routing,
            WriteOffAssessment writeOffs, BenefitCapAssessment benefitCap, PolicyModels policies) {
        this.policies = policies;
        this.escalation = escalation;
        this.guards = guards;
        this.version = version;
        this.routing = routing;
        this.writeOffs = writeOffs;
        this.benefitCap = benefitCap;
    }

    /** The policy timeline this service decides under (what else a caller scores with the same decision's policy reads). */
    public PolicyModels policies() {
        return policies;
    }

    /** A decision under the policy version the request pins, else the one in force on the case's asOf. */
    public Decision decide(CaseFacts facts) {
        return decide(facts, modelsFor(facts));
    }

    /** The one policy version every table of this decision is read from. */
    public ModelSet modelsFor(CaseFacts facts) {
        if (facts.policyVersion() == null || facts.policyVersion().isBlank()) {
            return policies.forDate(facts.asOf());
        }
        try {
            return policies.pinned(facts.policyVersion());
        } catch (UnknownPolicyVersionException e) {
            throw new InvalidRequestException("policyVersion", "names no policy version this service can use ("
                    + facts.policyVersion() + "); leave it out to use the version in force on asOf, or see GET /api/policies");
        }
    }

    /** A decision under the given policy version: every table of the decision is read from this one set. */
    public Decision decide(CaseFacts facts, ModelSet models) {
        CaseAnalysis analysis = new CaseAnalysis(facts);
        LocalDate asOf = facts.asOf();
        LegalPosition today = analysis.positionOn(asOf);
        EscalationOutcome policy = escalation.decide(models, analysis, today);
        WriteOffAssessment.Outcome writeOff = writeOffs.assess(models, analysis, today);
        if (analysis.formerTenancy()) {
            // The ladder hands a former tenancy to the former tenant pathway (its FORMER_TENANCY row),
            // whose table decides the step from here.
            policy = formerTenantPathway(policy, writeOffs.pathwayStep(models, analysis, writeOff.decision()));
        }
        RoutingOutcome route = routing.route(models, analysis, today, policy.step());
        BenefitCapAssessment.Result cap = benefitCap.assess(models, analysis);
        // Income-maximisation steps join the ladder's, ahead of enforcement where the cap policy says so.
        List<PolicyAction> policyActions = IncomeFirst.merge(policy.actions(), cap.benefitCap().incomeActions(), cap.repaymentPlan());

        Map<StepUnderReview, PolicyAction> recommended = new LinkedHashMap<>();
        for (PolicyAction action : policyActions) {
            if (action.action() != ActionType.NO_ACTION) {
                // A landlord's own code is put to the guards as the step of its category (LandlordSteps).
                ActionType judgedAs = action.landlords() ? LandlordSteps.judgedAs(action.category(), today) : action.action();
                recommended.put(new StepUnderReview(judgedAs, today, null, false), action);
            }
        }
        StepUnderReview proposal = null;
        if (facts.proposedAction() != null) {
            var proposed = facts.proposedAction();
            LocalDate planned = proposed.plannedDate() == null ? asOf : proposed.plannedDate();
            proposal = new StepUnderReview(proposed.type(), planned.equals(asOf) ? today : analysis.positionForPlannedStep(planned),
                    proposed.grounds(), true);
        }
        List<StepUnderReview> firstPass = new ArrayList<>(recommended.keySet());
        if (proposal != null) {
            firstPass.add(proposal);
        }
        GuardFindings findings = guards.review(firstPass);

        // Steps the law needs first (protocol steps, assessments) are recommended in place of the
        // step they unlock, when doing them would unlock it, and are themselves put to the guards.
        Map<StepUnderReview, PolicyAction> prerequisites = new LinkedHashMap<>();
        Set<ActionType> alreadyRecommended = EnumSet.noneOf(ActionType.class);
        recommended.forEach((s, a) -> {
            if (!a.landlords()) {
                alreadyRecommended.add(s.getAction());
            }
        });
        for (Map.Entry<StepUnderReview, PolicyAction> entry : List.copyOf(recommended.entrySet())) {
            List<GuardBlock> blocks = findings.blocksFor(entry.getKey());
            if (blocks.stream().anyMatch(b -> b.requires().isEmpty())) {
                continue; // held for a reason no step of ours can cure: doing the prerequisites now would not unblock it
            }
            for (GuardBlock block : blocks) {
                for (ActionType required : block.requires()) {
                    if (!alreadyRecommended.add(required)) {
                        promote(recommended, required, entry.getValue().priority());
                    } else {
                        PolicyAction unlocks = entry.getValue();
                        prerequisites.put(new StepUnderReview(required, today, null, false),
                                new PolicyAction(required, unlocks.priority(), unlocks.owner(), unlocks.dueInDays(), null,
                                        "Needed before " + unlocks.action() + ": " + block.text(), block.reference(),
                                        GUARD_RULE_PREFIX + block.rule()));
                    }
                }
            }
        }
        GuardFindings prerequisiteFindings = prerequisites.isEmpty() ? null
                : guards.review(new ArrayList<>(prerequisites.keySet()));

        List<Candidate> candidates = new ArrayList<>();
        int order = 0;
        for (Map.Entry<StepUnderReview, PolicyAction> e : prerequisites.entrySet()) {
            candidates.add(new Candidate(e.getValue(), prerequisiteFindings.blocksFor(e.getKey()), order++));
        }
        for (Map.Entry<StepUnderReview, PolicyAction> e : recommended.entrySet()) {
            candidates.add(new Candidate(e.getValue(), findings.blocksFor(e.getKey()), order++));
        }
        candidates.sort(Comparator.comparing((Candidate c) -> c.action.priority()).thenComparing(c -> c.order));

        List<Decision.RecommendedAction> permitted = new ArrayList<>();
        List<Decision.BlockedAction> blocked = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.blocks.isEmpty()) {
                permitted.add(recommendation(c.action, analysis, asOf));
            } else {
                blocked.add(new Decision.BlockedAction(c.action.action(), c.action.owner(),
                        c.blocks.stream().map(DecisionService::block).toList(), c.action.code(), c.action.category()));
            }
        }

        List<Reason> reasons = new ArrayList<>();
        reasons.add(new Reason("facts#arrears", arrearsSentence(analysis), "docs/law.md#thresholds"));
        if (today.tenancy().statusExplanation() != null) {
            reasons.add(new Reason("facts#tenancy-status", today.tenancy().statusExplanation(),
                    "Housing Act 1996 s.125, s.125A, s.130; docs/law.md#introductory-tenancies"));
        }
        reasons.add(new Reason(policy.stepRow(), policy.explanation(), "docs/policy.md#escalation-ladder: " + EscalationPolicy.MODEL_LOCATION));
        for (PolicyAction action : policy.actions()) {
            reasons.add(new Reason(action.row(), action.code() + ": " + action.reason(), action.reference()));
        }
        reasons.addAll(routingReasons(route));
        cap.explanations().forEach(e -> reasons.add(new Reason(e.rule(), e.text(), e.reference())));
        addGuardReasons(reasons, findings);
        if (prerequisiteFindings != null) {
            addGuardReasons(reasons, prerequisiteFindings);
        }
        writeOff.reasons().forEach(r -> reasons.add(new Reason(r.rule(), r.text(), r.reference())));

        Decision.ProposedActionCheck proposedCheck = null;
        if (proposal != null) {
            List<GuardBlock> proposalBlocks = findings.blocksFor(proposal);
            ActionType type = proposal.getAction();
            proposedCheck = new Decision.ProposedActionCheck(type, proposal.getPosition().date(), proposalBlocks.isEmpty(),
                    permitted.stream().anyMatch(r -> r.type() == type),
                    proposalBlocks.stream().map(DecisionService::block).toList(),
                    NoticeConditions.forAction(type, analysis, proposal.getPosition().date()));
        }

        return new Decision(UUID.randomUUID().toString(), facts.caseRef(), asOf, OffsetDateTime.now(ZoneOffset.UTC),
                version.of(models), new Decision.Escalation(policy.step(), policy.stage(), policy.explanation()),
                nextAction(permitted, blocked, policy, asOf), permitted, blocked, arrears(analysis), legal(analysis, today),
                proposedCheck, routingPart(route), writeOff.decision(), cap.benefitCap(), cap.repaymentPlan(), reasons);
    }

    static Decision.Routing routingPart(RoutingOutcome r) {
        return new Decision.Routing(r.team(), r.decidingTrigger(), r.triggers(), r.escalationPaused(), r.instruction(),
                r.reference(), r.teamRow(), r.triggerRow());
    }

    /** The routing rows that fired: the complex-case trigger (when any is present) and the team. */
    static List<Reason> routingReasons(RoutingOutcome r) {
        List<Reason> out = new ArrayList<>();
        List<String> complex = r.triggers().stream().filter(org.rentrecovery.analysis.RoutingTrigger::isComplexCase)
                .map(t -> t.name() + (t.hactPersonAlert() == null ? " (no HACT person alert)" : " (HACT person alert " + t.hactPersonAlert() + ")"))
                .toList();
        if (!complex.isEmpty()) {
            out.add(new Reason(r.triggerRow(), "Complex-case triggers present: " + String.join(", ", complex)
                    + ". They need a person's judgement before any enforcement.", "docs/policy.md#team-routing: " + TeamRouting.MODEL_LOCATION));
        }
        out.add(new Reason(r.teamRow(), "Routed to " + r.team() + " by " + r.decidingTrigger()
                + (r.escalationPaused() ? ", escalation paused" : "") + ": " + r.instruction(), r.reference()));
        return out;
    }

    /** The escalation part alone (POST /api/decisions/escalation). */
    public Decision decideEscalation(CaseFacts facts) {
        Decision full = decide(facts);
        return new Decision(full.decisionId(), full.caseRef(), full.asOf(), full.decidedAt(), full.policy(),
                full.escalation(), full.nextAction(), full.recommendedActions(), full.blockedActions(), full.arrears(),
                null, full.proposedActionCheck(), null, null, null, null, full.reasons());
    }

    /** The routing part alone (POST /api/decisions/routing), with the table rows that decided it. */
    public Decision decideRouting(CaseFacts facts) {
        Decision full = decide(facts);
        var reasons = full.reasons().stream().filter(r -> fromTable(r, "EscalationStep") || fromTable(r, "ComplexCaseTrigger")
                || fromTable(r, "RoutingTeam")).toList();
        return new Decision(full.decisionId(), full.caseRef(), full.asOf(), full.decidedAt(), full.policy(),
                null, null, null, null, null, null, null, full.routing(), null, null, null, reasons);
    }

    /** A row of the table, cited by name ({@code Table/row-name}). */
    private static boolean fromTable(Reason reason, String table) {
        String rule = reason.rule();
        return rule != null && rule.startsWith(table + "/");
    }

    /** The benefit cap and repayment parts alone (POST /api/decisions/benefit-cap). */
    public BenefitCapDecision decideBenefitCap(CaseFacts facts) {
        ModelSet models = modelsFor(facts);
        BenefitCapAssessment.Result result = benefitCap.assess(models, new CaseAnalysis(facts));
        return new BenefitCapDecision(UUID.randomUUID().toString(), facts.caseRef(), facts.asOf(),
                OffsetDateTime.now(ZoneOffset.UTC), version.of(models), result.benefitCap(), result.repaymentPlan(),
                result.explanations().stream().map(e -> new Reason(e.rule(), e.text(), e.reference())).toList());
    }

    /** The write-off part alone (POST /api/decisions/write-off): the same facts and rules, nothing else. */
    public Decision decideWriteOff(CaseFacts facts) {
        CaseAnalysis analysis = new CaseAnalysis(facts);
        ModelSet models = modelsFor(facts);
        WriteOffAssessment.Outcome writeOff = writeOffs.assess(models, analysis, analysis.positionOn(facts.asOf()));
        List<Reason> reasons = new ArrayList<>();
        reasons.add(new Reason("facts#arrears", arrearsSentence(analysis), "docs/law.md#thresholds"));
        writeOff.reasons().forEach(r -> reasons.add(new Reason(r.rule(), r.text(), r.reference())));
        return new Decision(UUID.randomUUID().toString(), facts.caseRef(), facts.asOf(), OffsetDateTime.now(ZoneOffset.UTC),
                version.of(models), null, null, null, null, null, null, null, null, writeOff.decision(), null, null, reasons);
    }

    /** The ladder's step for a former tenancy, with the pathway's step in place of the ladder's actions. */
    private static EscalationOutcome formerTenantPathway(EscalationOutcome ladder, PolicyAction step) {
        return new EscalationOutcome(ladder.step(), ladder.stage(), ladder.explanation(), ladder.stepRow(), List.of(step),
                ladder.rowsMatched());
    }

    /** A step the policy already recommends, needed before a more urgent one, moves up to it. */
    private static void promote(Map<StepUnderReview, PolicyAction> recommended, ActionType type, int priority) {
        recommended.replaceAll((step, a) -> a.action() == type && a.priority() > priority ? a.withPriority(priority) : a);
    }

    private record Candidate(PolicyAction action, List<GuardBlock> blocks, int order) {
    }

    /** One reason per guard rule that fired, worded as its first block (rules fire once per step). */
    private static void addGuardReasons(List<Reason> reasons, GuardFindings findings) {
        Set<String> seen = new java.util.HashSet<>();
        reasons.stream().map(Reason::rule).forEach(seen::add);
        for (GuardBlock block : findings.allBlocks()) {
            if (seen.add(GUARD_RULE_PREFIX + block.rule())) {
                reasons.add(new Reason(GUARD_RULE_PREFIX + block.rule(), block.text(), block.reference()));
            }
        }
    }

    private static Decision.Block block(GuardBlock b) {
        return new Decision.Block(b.guard(), b.rule(), b.text(), b.reference(), b.until(), b.requires());
    }

    /** The row that sends rent statements for the hearing: its due date is held to the protocol's deadline. */
    static final String RENT_STATEMENTS_ROW = "EscalationActions/claim-issued-contact";
    /** Pre-Action Protocol for Possession Claims by Social Landlords: rent statements at least 10 days before the hearing. */
    static final int RENT_STATEMENT_DAYS_BEFORE_HEARING = 10;

    private static Decision.RecommendedAction recommendation(PolicyAction a, CaseAnalysis analysis, LocalDate asOf) {
        boolean notice = a.action().isNotice();
        LocalDate dueBy = a.dueInDays() == null ? null : asOf.plusDays(a.dueInDays());
        String reason = a.reason();
        var claim = analysis.facts().recovery() == null ? null : analysis.facts().recovery().claim();
        if (RENT_STATEMENTS_ROW.equals(a.row()) && claim != null && claim.hearingDate() != null) {
            LocalDate deadline = claim.hearingDate().minusDays(RENT_STATEMENT_DAYS_BEFORE_HEARING);
            if (dueBy == null || dueBy.isAfter(deadline)) {
                dueBy = deadline.isBefore(asOf) ? asOf : deadline;
            }
            reason += " Rent statements must reach the tenant and the court at least " + RENT_STATEMENT_DAYS_BEFORE_HEARING
                    + " days before the hearing on " + claim.hearingDate() + ", so by " + deadline
                    + (deadline.isBefore(asOf) ? ": that day has passed, so send them today and tell the court."
                            : " (Pre-Action Protocol for Possession Claims by Social Landlords; docs/law.md#pre-action-protocol).");
        }
        return new Decision.RecommendedAction(a.action(), a.priority(), a.owner(),
                dueBy, a.approval(), reason,
                a.reference() == null ? List.of() : List.of(a.reference()),
                notice ? analysis.availableGrounds(asOf) : null,
                notice ? NoticeConditions.forAction(a.action(), analysis, asOf) : null, a.code(), a.category());
    }

    private static Decision.NextAction nextAction(List<Decision.RecommendedAction> permitted,
            List<Decision.BlockedAction> blocked, EscalationOutcome policy, LocalDate asOf) {
        if (!permitted.isEmpty()) {
            Decision.RecommendedAction first = permitted.get(0);
            return new Decision.NextAction(first.type(), first.owner(), first.dueBy(), first.approval(), first.reason(),
                    first.code(), first.category());
        }
        String owner = policy.actions().isEmpty() ? "STAGE_1_OFFICER" : policy.actions().get(0).owner();
        if (!blocked.isEmpty()) {
            Decision.BlockedAction held = blocked.get(0);
            Decision.Block why = held.blockedBy().get(0);
            return new Decision.NextAction(ActionType.NO_ACTION, owner, why.until(), null,
                    "Nothing can be done yet: " + held.code() + " is held. " + why.text(), ActionType.NO_ACTION.name(),
                    ActionType.NO_ACTION.category());
        }
        String reason = policy.actions().isEmpty() ? policy.explanation() : policy.actions().get(0).reason();
        // A policy row that says "wait" may say until when (e.g. 28 days after the final account letter).
        Integer waitDays = policy.actions().isEmpty() ? null : policy.actions().get(0).dueInDays();
        return new Decision.NextAction(ActionType.NO_ACTION, owner, waitDays == null ? null : asOf.plusDays(waitDays), null, reason,
                ActionType.NO_ACTION.name(), ActionType.NO_ACTION.category());
    }

    private static Decision.Arrears arrears(CaseAnalysis a) {
        var technical = a.facts().account().technicalArrears();
        return new Decision.Arrears(a.balance(), RentArithmetic.pounds(a.weeklyRent()), RentArithmetic.pounds(a.monthlyRent()),
                RentArithmetic.twoPlaces(a.weeksOfRent()), RentArithmetic.twoPlaces(a.monthsOfRent()),
                technical == null ? java.math.BigDecimal.ZERO.setScale(2) : technical, RentArithmetic.pounds(a.realArrears()),
                RentArithmetic.twoPlaces(a.realWeeksOfRent()), a.episodeStart());
    }

    private static String arrearsSentence(CaseAnalysis a) {
        if (a.balance().signum() <= 0) {
            return "The balance is " + a.balance() + ": the account is clear or in credit.";
        }
        return "Arrears of " + a.balance() + " are " + RentArithmetic.twoPlaces(a.weeksOfRent()) + " weeks' rent ("
                + RentArithmetic.twoPlaces(a.monthsOfRent()) + " months') at a weekly rent of "
                + RentArithmetic.pounds(a.weeklyRent()) + "; real arrears, without technical arrears, are "
                + RentArithmetic.pounds(a.realArrears()) + ".";
    }

    /** For a NoSP, the first date that is also the first or last day of a rent period. */
    private static LocalDate earliestDateToSpecify(org.rentrecovery.contract.Vocabulary.NoticeType required, CaseAnalysis a) {
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
