package org.rentrecovery.escalation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.rentrecovery.analysis.BalanceTrend;
import org.rentrecovery.analysis.CaseAnalysis;
import org.rentrecovery.analysis.EpisodeSteps;
import org.rentrecovery.contract.ActionCategory;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.Vocabulary.AgreementState;
import org.rentrecovery.contract.Vocabulary.ArrangementStatus;
import org.rentrecovery.contract.Vocabulary.StepOutcome;
import org.rentrecovery.engine.InputDoc;

/**
 * What a landlord's ladder counts and compares over time: the steps of this arrears episode (the
 * service's and the landlord's own codes, with their outcomes), broken arrangements, and the balance
 * weeks ago. Part of {@link LadderInputs}, a group whose every component is an input of its own.
 */
public record StepHistory(
        @InputDoc(value = "Every step recorded in this arrears episode, newest first, each a context: code (the service's action name or the landlord's own code), category (LETTER, CONTACT, VISIT, NOTICE, COURT, ENFORCEMENT, ADMIN or SUPPORT), date, daysAgo and outcome (SUCCEEDED, FAILED or null). Declare it typeRef Any; filter it in an input expression.", example = "count(steps[category = \"LETTER\" and daysAgo <= 28])")
        List<Step> steps,
        @InputDoc(value = "Days since each code (the service's or the landlord's own) was last recorded in this arrears episode, a context by code; a code not recorded gives null. Declare it typeRef Any and read it with get value.", example = "get value(daysSinceStep, \"UPDATE_COURT_OUTCOME\")")
        Map<String, Long> daysSinceStep,
        @InputDoc(value = "How many times each code was recorded in this arrears episode, a context by code; a code not recorded gives null (none).", example = "get value(timesTaken, \"SEND_SMS_REMINDER\")")
        Map<String, Long> timesTaken,
        @InputDoc(value = "How many times each code was recorded with outcome FAILED in this arrears episode, a context by code; a code never failed gives null (none).", example = "get value(timesFailed, \"CONTACT_TENANT\")")
        Map<String, Long> timesFailed,
        @InputDoc(value = "Letters and texts (category LETTER, the landlord's own codes included) recorded in this arrears episode.", example = ">= 2")
        long lettersThisEpisode,
        @InputDoc(value = "Failed attempts to reach the tenant in a row: contact and visit steps recorded FAILED, counted back from the latest until one that did not fail (succeeded, or its outcome not given); 0 if none.", example = ">= 2")
        long failedContactAttempts,
        @InputDoc(value = "Repayment arrangements broken in this episode: arrangement.previouslyBroken, plus 1 when the current one is BROKEN or BREACHED.", example = ">= 2")
        long brokenArrangements,
        @InputDoc(value = "Days since the account was last clear (the latest balanceHistory entry at or below 0); null when none is recorded.", example = "> 28")
        Long daysInArrears,
        @InputDoc(value = "The balance on the decision date then each account.balanceHistory entry before it, newest first, each a context: date, balance (pounds) and daysAgo. Declare it typeRef Any.", example = "balanceHistory[daysAgo >= 42][1].balance")
        List<BalanceTrend.Point> balanceHistory,
        @InputDoc(value = "The balance on the latest account.balanceHistory day at least 4 weeks (28 days) before the decision date; null if none is recorded.", example = "< balance")
        BigDecimal balance4WeeksAgo,
        @InputDoc(value = "The balance on the latest account.balanceHistory day at least 13 weeks (91 days) before the decision date; null if none is recorded.", example = "< balance")
        BigDecimal balance13WeeksAgo,
        @InputDoc(value = "The balance less balance4WeeksAgo, in pounds: positive when the arrears grew; null when not known.", example = "> weeklyRent")
        BigDecimal arrearsChange4Weeks,
        @InputDoc(value = "Which way the balance went over 4 weeks: RISING, FALLING, FLAT, or NOT_KNOWN without a balance recorded 4 weeks before.", example = "\"RISING\"", alsoValues = {"RISING", "FALLING", "FLAT", "NOT_KNOWN"})
        String arrearsTrend,
        @InputDoc(value = "Who set the officer's pause (pause.setBy), as sent; null without one.", example = "\"officer-1042\"")
        String pauseSetBy) {

    /** One step of the episode as a table sees it (a context). */
    public record Step(String code, String category, java.time.LocalDate date, long daysAgo, String outcome) {
    }

    static StepHistory of(StepsAndBalances shared) {
        CaseAnalysis a = shared.analysis();
        CaseFacts facts = a.facts();
        EpisodeSteps episode = shared.steps();
        BalanceTrend trend = shared.balances();
        List<Step> steps = episode.steps().stream().map(s -> new Step(s.code(), s.category() == null ? null : s.category().name(),
                s.date(), s.daysAgo(), s.outcome() == null ? null : s.outcome().name())).toList();
        return new StepHistory(steps, episode.daysSinceEach(), episode.timesEach(null), episode.timesEach(StepOutcome.FAILED),
                episode.count(ActionCategory.LETTER), episode.failedContactAttemptsInARow(), brokenArrangements(facts.arrangement()),
                a.episodeStart() == null ? null : java.time.temporal.ChronoUnit.DAYS.between(a.episodeStart(), a.asOf()),
                trend.points(), trend.weeksAgo(4), trend.weeksAgo(13), trend.changeOver(4), trend.direction(4),
                facts.pause() == null ? null : facts.pause().setBy());
    }

    private static long brokenArrangements(CaseFacts.Arrangement arrangement) {
        if (arrangement == null) {
            return 0;
        }
        long before = arrangement.previouslyBroken() == null ? 0 : arrangement.previouslyBroken();
        boolean brokenNow = arrangement.status() == ArrangementStatus.BROKEN || arrangement.state() == AgreementState.BREACHED;
        return before + (brokenNow ? 1 : 0);
    }
}
