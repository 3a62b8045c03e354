package org.rentrecovery.escalation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rentrecovery.contract.ActionCategory;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.engine.ActionName;
import org.rentrecovery.engine.Evaluation;
import org.rentrecovery.engine.Fired;
import org.rentrecovery.engine.ModelContract;
import org.rentrecovery.engine.ModelContracts;
import org.rentrecovery.engine.ModelContract.Output;
import org.rentrecovery.engine.ModelSet;
import org.rentrecovery.engine.PolicyModels;
import org.rentrecovery.engine.RuleTrace;
import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.analysis.LegalPosition;

/**
 * The landlord's escalation ladder (decision-tables/escalation/escalation-ladder.dmn): which rung
 * the case is on and which steps that rung calls for. Policy only; the law is applied afterwards.
 */
@ApplicationScoped
public class EscalationPolicy {
    public static final String MODEL_LOCATION = "decision-tables/escalation/escalation-ladder.dmn";
    /** The project's page on the default ladder, cited while a version's ladder is the packaged one. */
    static final String OWN_PAGE = "docs/policy.md#escalation-ladder: " + MODEL_LOCATION;

    /** A row of EscalationStep. */
    public record StepRow(String step, Integer stage, String explanation) {
    }

    /** A row of EscalationActions; action is one of the service's ActionType names or a landlord's own code. */
    public record ActionRow(@ActionName String action, int priority, String owner, Integer dueInDays, String approval,
            String reason, String reference) {
    }

    /**
     * The rung when the ladder gives no answer for a case (no row matched, or a table failed): not a rung
     * of any ladder, so routing and the worklists see that the case needs a person (docs/policy-authoring.md).
     */
    public static final String MANUAL_REVIEW = "MANUAL_REVIEW";
    /** Where an officer reads what the safe answer means. */
    static final String SAFE_ANSWER_REFERENCE = "docs/policy-authoring.md#when-a-table-has-no-answer";

    public static final Output<StepRow> STEP = Output.row("EscalationStep", StepRow.class)
            .orSafe(failure -> new StepRow(MANUAL_REVIEW, null, failure.sentence()));
    /** In place of the ladder's steps: one, an officer's review, which no guard holds (ADMIN). */
    public static final Output<ActionRow> ACTIONS = Output.rows("EscalationActions", ActionRow.class)
            .orSafeRows(failure -> List.of(new ActionRow(ActionType.REFER_FOR_MANUAL_REVIEW.name(), 1, "STAGE_2_OFFICER", 0, null,
                    "Review the case by hand: " + failure.sentence(), SAFE_ANSWER_REFERENCE)));
    public static final ModelContract<LadderInputs> LADDER = ModelContract.of("EscalationLadder", LadderInputs.class, STEP, ACTIONS);

    /** Lets the engine check this capability's models on every compile (listed in META-INF/services). */
    public static final class Contracts implements ModelContracts {
        @Override
        public List<ModelContract<?>> contracts() {
            return List.of(LADDER);
        }
    }

    private final PolicyModels models;

    @Inject
    public EscalationPolicy(PolicyModels models) {
        this.models = models;
    }

    /** Outside a CDI container (plain unit tests): the packaged tables. */
    public EscalationPolicy() {
        this(PolicyModels.seeded());
    }

    public EscalationOutcome decide(CaseAnalysis analysis) {
        return decide(models.forDate(analysis.asOf()), analysis, analysis.positionOn(analysis.asOf()));
    }

    /**
     * @param policy the policy version the whole decision uses
     * @param today  the legal position on asOf, already derived by the caller
     */
    public EscalationOutcome decide(ModelSet policy, CaseAnalysis analysis, LegalPosition today) {
        Evaluation evaluation = policy.evaluate(LADDER,
                LadderInputs.of(analysis, today, policy.landlordActions(), policy.inputGroups(LADDER)));
        Fired<StepRow> step = evaluation.row(STEP);
        // Without a rung, whatever EscalationActions matched (rows for any step) is not the ladder's answer: an officer reviews.
        List<Fired<ActionRow>> rows = evaluation.failures().isEmpty() ? evaluation.rows(ACTIONS)
                : ACTIONS.safe().apply(evaluation.failures().get(0)).stream()
                        .map(row -> new Fired<>(row, evaluation.failures().get(0).rowId())).toList();
        List<PolicyAction> actions = new ArrayList<>();
        for (Fired<ActionRow> fired : rows) {
            ActionRow row = fired.value();
            actions.add(policyAction(policy, row, fired.row()));
        }
        actions.sort(Comparator.comparing(PolicyAction::priority));
        if (actions.size() > 1) {
            // Two rows naming one step for the same case (an author's slip) would list it twice: the first by priority stands.
            Set<String> listed = new HashSet<>();
            actions.removeIf(action -> !listed.add(action.code()));
        }
        List<String> rowsMatched = new ArrayList<>();
        List<EscalationOutcome.HelperRow> helperRows = new ArrayList<>(2);
        for (RuleTrace.Hit hit : evaluation.rowsSelected()) {
            String cited = hit.id();
            rowsMatched.add(cited);
            if (!hit.container().equals(STEP.decision()) && !hit.container().equals(ACTIONS.decision())) {
                helperRows.add(new EscalationOutcome.HelperRow(cited, policy.rowNote(cited)));
            }
        }
        return new EscalationOutcome(step.value().step(), step.value().stage(), step.value().explanation(), step.row(), actions,
                rowsMatched, helperRows, policy.reference(LADDER, OWN_PAGE));
    }

    /** The service's own action, or a landlord's code with the category the policy set declares for it. */
    private static PolicyAction policyAction(ModelSet policy, ActionRow row, String citedRow) {
        ActionCategory landlords = policy.landlordActions().get(row.action());
        if (landlords != null) {
            return new PolicyAction(ActionType.LANDLORD_ACTION, row.priority(), row.owner(), row.dueInDays(), row.approval(),
                    row.reason(), row.reference(), citedRow, row.action(), landlords);
        }
        return new PolicyAction(ActionType.valueOf(row.action()), row.priority(), row.owner(), row.dueInDays(), row.approval(),
                row.reason(), row.reference(), citedRow);
    }
}
