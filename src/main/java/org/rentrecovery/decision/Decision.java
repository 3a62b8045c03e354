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
import org.rentrecovery.contract.PolicyVersion;
import org.rentrecovery.contract.Reason;
import org.rentrecovery.contract.Vocabulary.Ground;
import org.rentrecovery.writeoff.WriteOffDecision;

/** The answer for one case: what to do next, what the law holds back, and why. */
@Schema(name = "Decision")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(
        String decisionId,
        String caseRef,
        LocalDate asOf,
        OffsetDateTime decidedAt,
        PolicyVersion policy,
        Escalation escalation,
        NextAction nextAction,
        List<RecommendedAction> recommendedActions,
        List<BlockedAction> blockedActions,
        Arrears arrears,
        Legal legal,
        ProposedActionCheck proposedActionCheck,
        Routing routing,
        WriteOffDecision writeOff,
        org.rentrecovery.benefitcap.BenefitCap benefitCap,
        org.rentrecovery.benefitcap.RepaymentPlan repaymentPlan,
        List<Reason> reasons) implements DecisionAnswer {

    @Schema(description = "The rung of the escalation ladder the case is on")
    public record Escalation(String step, Integer stage, String explanation) {
    }

    public record NextAction(ActionType type, String owner, LocalDate dueBy, String approval, String reason,
            @Schema(description = "The step's name: type's name, or the landlord's own code when type is LANDLORD_ACTION") String code,
            @Schema(description = "The kind of step in the law's terms; the guards judge a landlord's code by it") ActionCategory category) {
    }

    public record RecommendedAction(ActionType type, int priority, String owner, LocalDate dueBy, String approval,
            String reason, List<String> references, List<Ground> grounds, List<String> conditions,
            @Schema(description = "The step's name: type's name, or the landlord's own code when type is LANDLORD_ACTION") String code,
            @Schema(description = "The kind of step in the law's terms; the guards judge a landlord's code by it") ActionCategory category) {
    }

    public record BlockedAction(ActionType type, String owner, List<Block> blockedBy,
            @Schema(description = "The step's name: type's name, or the landlord's own code when type is LANDLORD_ACTION") String code,
            @Schema(description = "The kind of step in the law's terms") ActionCategory category) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Block(String guard, String rule, String text, String reference, LocalDate until,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ActionType> requires) {
    }

    public record Arrears(BigDecimal balance, BigDecimal weeklyRent, BigDecimal monthlyRent, BigDecimal weeksOfRent,
            BigDecimal monthsOfRent, BigDecimal technicalArrears, BigDecimal realArrears, BigDecimal realWeeksOfRent,
            LocalDate episodeStart) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Legal(
            boolean formerTenancy,
            String requiredNotice,
            Integer minimumNoticeWeeks,
            LocalDate earliestDateSpecifiedIfServedToday,
            boolean ground8ThresholdMet,
            BigDecimal ground8Threshold,
            List<Ground> availableGrounds,
            String noticeStatus,
            boolean noticeInForce,
            LocalDate noticeExpiresOn,
            String noticeExplanation,
            BigDecimal statuteBarredAmount,
            boolean pendingBenefitBar,
            boolean breathingSpaceActive,
            LocalDate breathingSpaceUntil,
            boolean courtOrderRequiredToEvict,
            @Schema(description = "The tenancy's type in law on asOf: an INTRODUCTORY tenancy past its trial period is SECURE (Housing Act 1996 s.125)")
            org.rentrecovery.contract.Vocabulary.TenancyType tenancyStatus,
            @Schema(description = "Why tenancyStatus is what it is, where the law changes it over time (null otherwise)")
            String tenancyStatusExplanation) {
    }

    public record ProposedActionCheck(ActionType type, LocalDate plannedDate, boolean permitted,
            boolean recommendedByPolicy, List<Block> blockedBy, List<String> conditions) {
    }

    @Schema(description = "The team that has the case and whether its escalation is paused (docs/routing.md)")
    public record Routing(
            org.rentrecovery.routing.Team team,
            @Schema(description = "The trigger that decided the team; also first in triggers") org.rentrecovery.analysis.RoutingTrigger decidedBy,
            List<org.rentrecovery.analysis.RoutingTrigger> triggers,
            @Schema(description = "True while the team must not escalate: a complex case not yet assessed, or a Breathing Space") boolean escalationPaused,
            @Schema(description = "What the officer should do, in a sentence") String instruction,
            String reference,
            @Schema(description = "The routing table row that decided the team, e.g. RoutingTeam/complex-case") String rule,
            @Schema(description = "The complex-case table row, e.g. ComplexCaseTrigger/mental-health") String triggerRule) {
    }
}
