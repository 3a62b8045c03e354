package org.rentrecovery.escalation;

import java.math.BigDecimal;

import org.rentrecovery.analysis.BalanceTrend;
import org.rentrecovery.engine.InputDoc;

/**
 * The balance at the standard windows a landlord's ladder compares with (1, 2, 8 and 26 weeks back; 4 and 13
 * are in {@link StepHistory}), and how far the arrears moved since each: "a week's rent cleared since last week",
 * "arrears grew over the last 8 weeks". Numbers a cell compares without list filters, so any ladder reads them;
 * balanceHistory stays the general form for any other window. Part of {@link LadderInputs}, a group whose
 * every component is an input of its own.
 */
public record BalanceWindows(
        @InputDoc(value = "The balance on the latest account.balanceHistory day at least 1 week (7 days) before the decision date; null if none is recorded.", example = "> balance")
        BigDecimal balance1WeekAgo,
        @InputDoc(value = "The balance on the latest account.balanceHistory day at least 2 weeks (14 days) before the decision date; null if none is recorded.", example = "> balance")
        BigDecimal balance2WeeksAgo,
        @InputDoc(value = "The balance on the latest account.balanceHistory day at least 8 weeks (56 days) before the decision date; null if none is recorded.", example = "< balance")
        BigDecimal balance8WeeksAgo,
        @InputDoc(value = "The balance on the latest account.balanceHistory day at least 26 weeks (182 days) before the decision date; null if none is recorded.", example = "<= 0")
        BigDecimal balance26WeeksAgo,
        @InputDoc(value = "The balance less balance1WeekAgo, in pounds: positive when the arrears grew; null when not known.", example = "< 0")
        BigDecimal arrearsChange1Week,
        @InputDoc(value = "The balance less balance2WeeksAgo, in pounds: positive when the arrears grew; null when not known.", example = "< 0")
        BigDecimal arrearsChange2Weeks,
        @InputDoc(value = "The balance less balance8WeeksAgo, in pounds: positive when the arrears grew; null when not known.", example = "<= -200")
        BigDecimal arrearsChange8Weeks,
        @InputDoc(value = "The balance less balance13WeeksAgo, in pounds: positive when the arrears grew; null when not known.", example = "> 4 * weeklyRent")
        BigDecimal arrearsChange13Weeks,
        @InputDoc(value = "The balance less balance26WeeksAgo, in pounds: positive when the arrears grew; null when not known.", example = "> 0")
        BigDecimal arrearsChange26Weeks) {

    static BalanceWindows of(BalanceTrend trend) {
        return new BalanceWindows(trend.weeksAgo(1), trend.weeksAgo(2), trend.weeksAgo(8), trend.weeksAgo(26),
                trend.changeOver(1), trend.changeOver(2), trend.changeOver(8), trend.changeOver(13), trend.changeOver(26));
    }
}
