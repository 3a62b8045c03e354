package org.rentrecovery.guards;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.rentrecovery.analysis.LegalPosition;
import org.rentrecovery.contract.ActionType;
import org.rentrecovery.contract.Vocabulary.Ground;
import org.rentrecovery.law.LawSections;

/**
 * One step the guards must pass judgement on: a step the policy recommends on asOf, or the step
 * an officer proposes for its planned date, with the legal position on that date.
 */
public final class StepUnderReview {
    private final ActionType action;
    private final LegalPosition position;
    private final List<Ground> grounds;
    private final boolean proposal;
    private final List<GuardBlock> blocks = new ArrayList<>();

    public StepUnderReview(ActionType action, LegalPosition position, List<Ground> grounds, boolean proposal) {
        this.action = action;
        this.position = position;
        this.grounds = grounds == null ? List.of() : List.copyOf(grounds);
        this.proposal = proposal;
    }

    public ActionType getAction() { return action; }
    public LegalPosition getPosition() { return position; }
    public List<Ground> getGrounds() { return grounds; }
    public boolean isProposal() { return proposal; }
    public boolean isNotice() { return action.isNotice(); }
    public boolean isPossessionStep() { return action.isPossessionStep(); }
    public boolean isMoneyRemedy() { return action.isMoneyRemedy(); }
    public boolean isDemand() { return action.isDemand(); }
    public boolean isCourtStep() {
        return action == ActionType.ISSUE_POSSESSION_CLAIM || action == ActionType.APPLY_FOR_WARRANT
                || action == ActionType.END_LICENCE_WITHOUT_COURT_ORDER || action == ActionType.APPLY_TO_FIX_POSSESSION_DATE;
    }
    /** Contact that is about the arrears themselves, as opposed to current rent or support. */
    public boolean isArrearsContact() {
        return action == ActionType.CONTACT_TENANT || action == ActionType.HOME_VISIT
                || action == ActionType.OFFER_REPAYMENT_ARRANGEMENT || action == ActionType.REQUEST_UC_THIRD_PARTY_DEDUCTION;
    }
    public boolean hasGround(Ground ground) { return grounds.contains(ground); }

    /** Called by a guard rule's consequence: the law stops this step, for this reason. */
    public void block(String guard, String rule, String text, String reference, LocalDate until, ActionType... requires) {
        blocks.add(new GuardBlock(guard, rule, text, LawSections.cite(rule, text, reference), until, List.of(requires)));
    }

    public List<GuardBlock> blocks() {
        return List.copyOf(blocks);
    }

    @Override
    public String toString() {
        return action + (proposal ? " (proposed for " + position.date() + ")" : "");
    }
}
