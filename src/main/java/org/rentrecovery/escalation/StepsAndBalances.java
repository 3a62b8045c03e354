package org.rentrecovery.escalation;

import java.util.Map;

import org.rentrecovery.analysis.BalanceTrend;
import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.analysis.EpisodeSteps;
import org.rentrecovery.contract.ActionCategory;

/**
 * The episode's recorded steps and the balance over time for one decision, each made the first time a group of
 * {@link LadderInputs} asks for it: {@link StepHistory}, {@link ArrearsSinceSteps} and {@link BalanceWindows} read the
 * same ones (a ladder such as Northfield's reads two of those groups), and a ladder reading none of them makes neither.
 * One decision's, on one thread.
 */
final class StepsAndBalances {
    private final CaseAnalysis analysis;
    private final Map<String, ActionCategory> landlordCodes;
    private EpisodeSteps steps;
    private BalanceTrend balances;

    /** @param landlordCodes the policy's own action codes and their categories, for the recorded steps */
    StepsAndBalances(CaseAnalysis analysis, Map<String, ActionCategory> landlordCodes) {
        this.analysis = analysis;
        this.landlordCodes = landlordCodes;
    }

    CaseAnalysis analysis() {
        return analysis;
    }

    /** The steps recorded since the account was last clear, newest first. */
    EpisodeSteps steps() {
        if (steps == null) {
            steps = new EpisodeSteps(analysis.facts(), analysis.episodeStart(), landlordCodes);
        }
        return steps;
    }

    /** Today's balance and account.balanceHistory before it, newest first. */
    BalanceTrend balances() {
        if (balances == null) {
            balances = new BalanceTrend(analysis.facts());
        }
        return balances;
    }
}
