package org.rentrecovery.escalation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

import org.rentrecovery.analysis.BalanceTrend;
import org.rentrecovery.analysis.EpisodeSteps;
import org.rentrecovery.contract.ActionCategory;
import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.RentArithmetic;
import org.rentrecovery.engine.InputDoc;

/**
 * How the arrears moved since the landlord's own last steps, and the rent as a year's charge: what published
 * ladders test that the fixed windows of {@link BalanceWindows} cannot say ("the arrears have not gone down
 * since the warning letter", "no payment towards the arrears by the end of the notice", "arrears over 5% of
 * the annual rent", "at least 14 days since any letter"). Part of {@link LadderInputs}, a group whose every
 * component is an input of its own.
 */
public record ArrearsSinceSteps(
        @InputDoc(value = "The balance less the balance on the day each code (the service's or the landlord's own) was last recorded in this arrears episode, a context by code: positive when the arrears grew since, 0 or less when they did not. The day's balance is the latest account.balanceHistory entry on or before it (the decision date's balance for a step taken today); a code not recorded, or with no balance known on or before its day, gives null.", example = "get value(arrearsChangeSinceStep, \"SEND_REMINDER_LETTER_2\") >= 0")
        Map<String, BigDecimal> arrearsChangeSinceStep,
        @InputDoc(value = "The balance less the arrears when the notice on file was served: recovery.notice.arrearsAtService when given, else the balance on its servedOn day read as above; null without a notice or either figure.", example = ">= 0")
        BigDecimal arrearsChangeSinceNotice,
        @InputDoc(value = "Days since the latest letter or text (category LETTER, the landlord's own codes included) in this arrears episode; null if none.", example = ">= 14")
        Long daysSinceLastLetter,
        @InputDoc(value = "A year's rent in pounds, from the charge as it is made: rentPerPeriod x 52 (weekly), 26 (fortnightly), 13 (four-weekly) or 12 (monthly).", example = "balance >= 0.05 * annualRent")
        BigDecimal annualRent,
        @InputDoc(value = "The balance as a percentage of a year's rent (annualRent), to two places; 0 or less when not in arrears.", example = ">= 5")
        BigDecimal arrearsPercentOfAnnualRent,
        @InputDoc(value = "The rent for one week without service charges (tenancy.serviceChargePerPeriod), in pounds: weeklyRent when none are given.", example = "balance >= 4 * weeklyNetRent")
        BigDecimal weeklyNetRent,
        @InputDoc(value = "The balance in weeks of net rent (weeklyNetRent), for a ladder whose thresholds are in weeks of rent without service charges.", example = ">= 4")
        BigDecimal weeksOfNetRentOwed) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static ArrearsSinceSteps of(StepsAndBalances shared) {
        CaseFacts facts = shared.analysis().facts();
        BalanceTrend trend = shared.balances();
        EpisodeSteps episode = shared.steps();
        Map<String, BigDecimal> sinceStep = new TreeMap<>();
        Long daysSinceLastLetter = null;
        // Newest first: a code's first appearance is its latest.
        for (EpisodeSteps.Step step : episode.steps()) {
            BigDecimal change = trend.changeSince(step.date());
            if (change != null) {
                sinceStep.putIfAbsent(step.code(), change);
            }
            if (daysSinceLastLetter == null && step.category() == ActionCategory.LETTER) {
                daysSinceLastLetter = step.daysAgo();
            }
        }
        CaseFacts.Notice notice = facts.recovery() == null ? null : facts.recovery().notice();
        BigDecimal annualRent = annual(facts.tenancy());
        // The rent per period is validated as more than 0, so a year's rent never is 0.
        BigDecimal percent = facts.account().balance().multiply(HUNDRED).divide(annualRent, 2, RoundingMode.HALF_UP);
        CaseFacts.Tenancy t = facts.tenancy();
        BigDecimal netPerPeriod = t.serviceChargePerPeriod() == null ? t.rentPerPeriod() : t.rentPerPeriod().subtract(t.serviceChargePerPeriod());
        BigDecimal weeklyNetRent = RentArithmetic.weeklyRent(t.rentFrequency(), netPerPeriod);
        return new ArrearsSinceSteps(sinceStep, sinceNotice(notice, trend, facts.account().balance()), daysSinceLastLetter, annualRent, percent,
                weeklyNetRent, RentArithmetic.multipleOf(facts.account().balance(), weeklyNetRent));
    }

    /** The arrears the request gives for the day of service when it gives them, else the balance recorded by then. */
    private static BigDecimal sinceNotice(CaseFacts.Notice notice, BalanceTrend trend, BigDecimal balance) {
        if (notice == null) {
            return null;
        }
        return notice.arrearsAtService() != null ? balance.subtract(notice.arrearsAtService()) : trend.changeSince(notice.servedOn());
    }

    /** A year's rent from the charge as it is made: 52 weeks, 26 fortnights, 13 four-week periods or 12 months. */
    private static BigDecimal annual(CaseFacts.Tenancy t) {
        int periods = switch (t.rentFrequency()) {
            case WEEKLY -> 52;
            case FORTNIGHTLY -> 26;
            case FOUR_WEEKLY -> 13;
            case MONTHLY -> 12;
        };
        return t.rentPerPeriod().multiply(BigDecimal.valueOf(periods));
    }
}
