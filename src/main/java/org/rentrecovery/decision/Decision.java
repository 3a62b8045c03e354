package org.rentrecovery.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rentrecovery.contract.ActionCategory;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.DecisionAnswer;
import org.rentrecovery.contract.DecisionFields;
import org.rentrecovery.contract.PolicyVersion;
import org.rentrecovery.contract.Reason;
import org.rentrecovery.contract.Vocabulary.Ground;
import org.rentrecovery.writeoff.WriteOffDecision;

/** The answer for one case: what to do next, what the law holds back, and why. */
@Schema(name = "Decision", description = "What the officer should do next, what the law holds back and until when, and why")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(
        @Schema(description = DecisionFields.DECISION_ID) String decisionId,
        @Schema(description = DecisionFields.CASE_REF) String caseRef,
        @Schema(description = DecisionFields.AS_OF) LocalDate asOf,
        @Schema(description = DecisionFields.DECIDED_AT) OffsetDateTime decidedAt,
        @Schema(description = DecisionFields.POLICY) PolicyVersion policy,
        @Schema(description = "The rung of the escalation ladder the case is on") Escalation escalation,
        @Schema(description = "The one step to take next: the highest-priority recommended action the law permits") NextAction nextAction,
        @Schema(description = "Every step the policy recommends that the law permits today, priority 1 first") List<RecommendedAction> recommendedActions,
        @Schema(description = "Steps the policy recommends that the law forbids or holds on asOf, each with the guards that block it") List<BlockedAction> blockedActions,
        @Schema(description = "The arrears in money, weeks and months of rent") Arrears arrears,
        @Schema(description = "The legal position on asOf: notice, grounds, thresholds, Breathing Space, limitation") Legal legal,
        @Schema(description = "Whether the request's proposedAction is lawful on its planned date (absent without one)") ProposedActionCheck proposedActionCheck,
        @Schema(description = "The team that should have the case") Routing routing,
        @Schema(description = "Whether any of the debt may be written off, and why") WriteOffDecision writeOff,
        @Schema(description = "Benefit cap exemption, early-intervention priority and income steps") org.rentrecovery.benefitcap.BenefitCap benefitCap,
        @Schema(description = "An affordable repayment arrangement, from the household's income and spending") org.rentrecovery.benefitcap.RepaymentPlan repaymentPlan,
        @Schema(description = "Every reason behind the answer, in order: derived facts, table rows, then legal rules") List<Reason> reasons)
        implements DecisionAnswer {

    @Schema(description = "The rung of the escalation ladder the case is on")
    public record Escalation(
            @Schema(description = "The rung, e.g. LETTER_2, SERVE_NOTICE, or a pause such as ARRANGEMENT_KEPT") String step,
            @Schema(description = "The rung's stage in the landlord's policy, 0 (first reminder) upwards") Integer stage,
            @Schema(description = "Why the case is on this rung, from the EscalationStep row that matched") String explanation) {
    }

    public record NextAction(
            @Schema(description = "The action to take") ActionType type,
            @Schema(description = "Who should take it, e.g. STAGE_2_OFFICER") String owner,
            @Schema(description = "The day by which it should be taken") LocalDate dueBy,
            @Schema(description = "Whose approval it needs first, when the policy requires one") String approval,
            @Schema(description = "Why, in a sentence") String reason,
            @Schema(description = "The step's name: type's name, or the landlord's own code when type is LANDLORD_ACTION") String code,
            @Schema(description = "The kind of step in the law's terms; the guards judge a landlord's code by it") ActionCategory category) {
    }

    public record RecommendedAction(
            @Schema(description = "The action") ActionType type,
            @Schema(description = "Its priority among the recommended actions, 1 first") int priority,
            @Schema(description = "Who should take it, e.g. STAGE_1_OFFICER") String owner,
            @Schema(description = "The day by which it should be taken") LocalDate dueBy,
            @Schema(description = "Whose approval it needs first, when the policy requires one") String approval,
            @Schema(description = "Why, in a sentence") String reason,
            @Schema(description = "The legal or policy references behind it") List<String> references,
            @Schema(description = "For a notice or claim: the possession grounds the arrears support") List<Ground> grounds,
            @Schema(description = "What must hold for the step to be lawful, e.g. the earliest date a notice may specify") List<String> conditions,
            @Schema(description = "The step's name: type's name, or the landlord's own code when type is LANDLORD_ACTION") String code,
            @Schema(description = "The kind of step in the law's terms; the guards judge a landlord's code by it") ActionCategory category) {
    }

    public record BlockedAction(
            @Schema(description = "The action held back") ActionType type,
            @Schema(description = "Who would take it") String owner,
            @Schema(description = "Each legal guard that blocks it") List<Block> blockedBy,
            @Schema(description = "The step's name: type's name, or the landlord's own code when type is LANDLORD_ACTION") String code,
            @Schema(description = "The kind of step in the law's terms") ActionCategory category) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Block(
            @Schema(description = "The guard, e.g. BREATHING_SPACE, GROUND_8_THRESHOLD") String guard,
            @Schema(description = "The legal rule that applied it") String rule,
            @Schema(description = "Why the step is blocked, in a sentence") String text,
            @Schema(description = "The law behind it, e.g. SI 2020/1311 reg 7(2)(b)") String reference,
            @Schema(description = "The last day the block lasts, when the law sets one (null: until the facts change)") LocalDate until,
            @Schema(description = "Steps that must be taken first for the block to lift")
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ActionType> requires) {
    }

    public record Arrears(
            @Schema(description = "The balance sent: what the tenant owes (negative: in credit)") BigDecimal balance,
            @Schema(description = "The rent for one week, from the rent per period and its frequency") BigDecimal weeklyRent,
            @Schema(description = "The rent for one month (weekly rent x 52 / 12, or the monthly rent)") BigDecimal monthlyRent,
            @Schema(description = "The balance in weeks of rent") BigDecimal weeksOfRent,
            @Schema(description = "The balance in months of rent") BigDecimal monthsOfRent,
            @Schema(description = "The part that is only a timing difference (e.g. Housing Benefit paid in arrears)") BigDecimal technicalArrears,
            @Schema(description = "The balance less technical arrears: what escalation is decided on") BigDecimal realArrears,
            @Schema(description = "The real arrears in weeks of rent") BigDecimal realWeeksOfRent,
            @Schema(description = "When the current spell of arrears began, from the balance history (absent when unknown)") LocalDate episodeStart) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Legal(
            @Schema(description = "True when the tenancy ended on or before asOf (former tenant arrears)") boolean formerTenancy,
            @Schema(description = "The notice this tenancy type needs before a possession claim: NOSP, SECTION_8, NOTICE_OF_PROCEEDINGS or NOTICE_TO_QUIT") String requiredNotice,
            @Schema(description = "The shortest notice period the law allows for it, in weeks") Integer minimumNoticeWeeks,
            @Schema(description = "The earliest date a notice served on asOf could specify") LocalDate earliestDateSpecifiedIfServedToday,
            @Schema(description = "Whether the arrears meet the Ground 8 threshold on asOf (assured tenancies)") boolean ground8ThresholdMet,
            @Schema(description = "The Ground 8 threshold in pounds for this rent on asOf (assured tenancies; null otherwise)") BigDecimal ground8Threshold,
            @Schema(description = "The rent-arrears possession grounds the facts support") List<Ground> availableGrounds,
            @Schema(description = "The served notice's state on asOf: NONE, PENDING, IN_FORCE, LAPSED, or why it is no good: WRONG_TYPE, "
                    + "PERIOD_TOO_SHORT, DATE_NOT_PERIOD_BOUNDARY, VOID_SERVED_IN_MORATORIUM") String noticeStatus,
            @Schema(description = "Whether a served notice can support a claim on asOf") boolean noticeInForce,
            @Schema(description = "The day the served notice lapses, when the law sets one") LocalDate noticeExpiresOn,
            @Schema(description = "Why the notice has the state it has, in a sentence") String noticeExplanation,
            @Schema(description = "The part of the arrears too old to sue for (Limitation Act 1980 s.19)") BigDecimal statuteBarredAmount,
            @Schema(description = "Whether a pending benefit claim bars a possession claim (Pre-Action Protocol)") boolean pendingBenefitBar,
            @Schema(description = "Whether a Breathing Space moratorium is in force on asOf") boolean breathingSpaceActive,
            @Schema(description = "The moratorium's last day while one is in force") LocalDate breathingSpaceUntil,
            @Schema(description = "Whether eviction needs a court order (Protection from Eviction Act 1977): false only for an interim "
                    + "licence under s.188 Housing Act 1996") boolean courtOrderRequiredToEvict,
            @Schema(description = "The tenancy's type in law on asOf: an INTRODUCTORY tenancy past its trial period is SECURE (Housing Act 1996 s.125)")
            org.rentrecovery.contract.Vocabulary.TenancyType tenancyStatus,
            @Schema(description = "Why tenancyStatus is what it is, where the law changes it over time (null otherwise)")
            String tenancyStatusExplanation) {
    }

    public record ProposedActionCheck(
            @Schema(description = "The action proposed") ActionType type,
            @Schema(description = "The day it is planned for; the law in force that day applies") LocalDate plannedDate,
            @Schema(description = "Whether the law permits it on that day") boolean permitted,
            @Schema(description = "Whether the landlord's policy recommends it for this case") boolean recommendedByPolicy,
            @Schema(description = "Each guard that blocks it (empty when permitted)") List<Block> blockedBy,
            @Schema(description = "What must hold when it is taken, e.g. the notice's earliest date specified") List<String> conditions,
            @Schema(description = "The step's code: the type's name, or the landlord's own code for type LANDLORD_ACTION") String code,
            @Schema(description = "The step's category, by which the guards judged it: LETTER, CONTACT, VISIT, NOTICE, COURT, ENFORCEMENT, ADMIN or SUPPORT") ActionCategory category) {
    }

    @Schema(description = "The team that has the case and whether its escalation is paused (docs/routing.md)")
    public record Routing(
            @Schema(description = "The team") org.rentrecovery.routing.Team team,
            @Schema(description = "The trigger that decided the team; also first in triggers") org.rentrecovery.analysis.RoutingTrigger decidedBy,
            @Schema(description = "Every complex-case trigger present, the deciding one first") List<org.rentrecovery.analysis.RoutingTrigger> triggers,
            @Schema(description = "True while the team must not escalate: a complex case not yet assessed, or a Breathing Space") boolean escalationPaused,
            @Schema(description = "What the officer should do, in a sentence") String instruction,
            @Schema(description = "The policy or legal reference for the routing") String reference,
            @Schema(description = "The routing table row that decided the team, e.g. RoutingTeam/complex-case") String rule,
            @Schema(description = "The complex-case table row, e.g. ComplexCaseTrigger/mental-health") String triggerRule) {
    }
}
