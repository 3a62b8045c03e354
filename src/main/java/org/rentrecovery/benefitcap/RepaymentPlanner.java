package org.rentrecovery.benefitcap;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.RentArithmetic;
import org.rentrecovery.contract.Vocabulary.RentFrequency;

/**
 * The arithmetic of an affordable arrangement. Spare income = monthly income less essential spending
 * (which includes the current rent), as a weekly amount (x 12 / 52). The plan asks for the policy's
 * share of it, no more than the ceiling, raised to the floor only when the spare income covers the
 * floor, and never more than the arrears. Amounts are rounded DOWN to the penny, so the plan never
 * takes the household below its essential spending.
 */
public final class RepaymentPlanner {
    private static final MathContext PRECISION = MathContext.DECIMAL128;
    private static final BigDecimal WEEKS_PER_YEAR = BigDecimal.valueOf(52);
    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);

    private RepaymentPlanner() {
    }

    public static RepaymentPlan plan(CaseFacts.Household household, BigDecimal arrears, RentFrequency frequency,
            BenefitCapPolicy.RepaymentLimits limits) {
        BigDecimal income = household == null || household.monthlyIncome() == null ? null : RentArithmetic.pounds(household.monthlyIncome());
        BigDecimal spending = household == null || household.monthlyEssentialSpending() == null ? null
                : RentArithmetic.pounds(household.monthlyEssentialSpending());
        BigDecimal owed = RentArithmetic.pounds(arrears.max(BigDecimal.ZERO));
        if (arrears.signum() <= 0) {
            return new RepaymentPlan("NO_ARREARS", owed, income, spending, null, null, null, null, null, null,
                    null, frequency, null, null, "There are no arrears to repay.");
        }
        if (income == null || spending == null) {
            return new RepaymentPlan("NOT_KNOWN", owed, income, spending, null, null, null, null, null, null,
                    null, frequency, null, null,
                    "Monthly income and essential spending are needed to suggest an affordable amount: complete an income and expenditure assessment.");
        }
        BigDecimal surplusMonthly = income.subtract(spending);
        BigDecimal surplusWeekly = surplusMonthly.multiply(MONTHS_PER_YEAR).divide(WEEKS_PER_YEAR, PRECISION);
        StringBuilder why = new StringBuilder("Spare income is " + income + " - " + spending + " = " + RentArithmetic.pounds(surplusMonthly)
                + " a month, " + RentArithmetic.pounds(surplusMonthly) + " x 12 / 52 = " + down(surplusWeekly) + " a week");
        if (surplusWeekly.compareTo(new BigDecimal("0.01")) < 0) {
            why.append(": nothing is left after essential spending, so no arrangement can be asked for; refer to money advice.");
            return new RepaymentPlan("NO_SURPLUS", owed, income, spending, RentArithmetic.pounds(surplusMonthly), down(surplusWeekly),
                    limits.shareOfSurplus(), limits.floorPerWeek(), limits.ceilingPerWeek(), limits.row(), BigDecimal.ZERO.setScale(2),
                    frequency, BigDecimal.ZERO.setScale(2), null, why.toString());
        }
        Weekly limited = limited(surplusWeekly, owed, limits, why);
        BigDecimal perWeek = down(limited.amount());
        if (perWeek.signum() == 0) {
            why.append(": less than a penny a week, so no arrangement can be asked for; refer to money advice.");
            return new RepaymentPlan("NO_SURPLUS", owed, income, spending, RentArithmetic.pounds(surplusMonthly), down(surplusWeekly),
                    limits.shareOfSurplus(), limits.floorPerWeek(), limits.ceilingPerWeek(), limits.row(), perWeek,
                    frequency, perWeek, null, why.toString());
        }
        return suggested(limited.status(), owed, income, spending, surplusMonthly, surplusWeekly, limits, perWeek, frequency, why);
    }

    /** The weekly amount asked for and how it was reached (PLAN, CAPPED_AT_CEILING, RAISED_TO_FLOOR, BELOW_FLOOR, LIMITED_TO_ARREARS). */
    private record Weekly(BigDecimal amount, String status) {
    }

    /** The policy's share of the spare income, held between its floor and ceiling and to the arrears; {@code why} says how. */
    private static Weekly limited(BigDecimal surplusWeekly, BigDecimal owed, BenefitCapPolicy.RepaymentLimits limits, StringBuilder why) {
        BigDecimal share = surplusWeekly.multiply(limits.shareOfSurplus(), PRECISION);
        why.append("; the policy asks for ").append(limits.shareOfSurplus()).append(" of it = ").append(down(share));
        String status = "PLAN";
        BigDecimal weekly = share;
        if (weekly.compareTo(limits.ceilingPerWeek()) > 0) {
            weekly = limits.ceilingPerWeek();
            status = "CAPPED_AT_CEILING";
            why.append(", limited to the ceiling of ").append(limits.ceilingPerWeek());
        } else if (weekly.compareTo(limits.floorPerWeek()) < 0) {
            if (surplusWeekly.compareTo(limits.floorPerWeek()) >= 0) {
                weekly = limits.floorPerWeek();
                status = "RAISED_TO_FLOOR";
                why.append(", raised to the floor of ").append(limits.floorPerWeek()).append(" (the spare income covers it)");
            } else {
                weekly = surplusWeekly;
                status = "BELOW_FLOOR";
                why.append(", below the floor of ").append(limits.floorPerWeek())
                        .append(", which the spare income cannot cover: suggest all of the spare income and refer to money advice");
            }
        }
        if (weekly.compareTo(owed) > 0) {
            weekly = owed;
            status = "LIMITED_TO_ARREARS";
            why.append(", no more than the arrears of ").append(owed);
        }
        return new Weekly(weekly, status);
    }

    /** The suggested arrangement: a week's amount, the same per rent period (never more than is owed) and the weeks to clear. */
    private static RepaymentPlan suggested(String limitedStatus, BigDecimal owed, BigDecimal income, BigDecimal spending,
            BigDecimal surplusMonthly, BigDecimal surplusWeekly, BenefitCapPolicy.RepaymentLimits limits, BigDecimal perWeek,
            RentFrequency frequency, StringBuilder why) {
        String status = limitedStatus;
        BigDecimal converted = down(perPeriod(perWeek, frequency));
        BigDecimal perPeriod = converted.min(owed);
        int weeks = owed.divide(perWeek, 0, RoundingMode.CEILING).intValueExact();
        why.append(". Suggested: ").append(perWeek).append(" a week (").append(perPeriodText(perWeek, converted, frequency));
        if (perPeriod.compareTo(converted) < 0) {
            // The weekly figure converted to a longer rent period can exceed what is owed: no period asks for more.
            status = "LIMITED_TO_ARREARS";
            why.append(", limited to the arrears of ").append(owed).append(": no rent period asks for more than is owed");
        }
        why.append(") on top of the rent; ").append(owed).append(" / ").append(perWeek).append(" = ").append(weeks)
                .append(" weeks to clear.");
        return new RepaymentPlan(status, owed, income, spending, RentArithmetic.pounds(surplusMonthly), down(surplusWeekly),
                limits.shareOfSurplus(), limits.floorPerWeek(), limits.ceilingPerWeek(), limits.row(), perWeek, frequency,
                perPeriod, weeks, why.toString());
    }

    /** Monthly income less essential spending, as a weekly amount (x 12 / 52); null when either is not known. */
    public static BigDecimal spareIncomePerWeek(CaseFacts.Household household) {
        if (household == null || household.monthlyIncome() == null || household.monthlyEssentialSpending() == null) {
            return null;
        }
        return household.monthlyIncome().subtract(household.monthlyEssentialSpending()).multiply(MONTHS_PER_YEAR)
                .divide(WEEKS_PER_YEAR, PRECISION);
    }

    static BigDecimal perPeriod(BigDecimal perWeek, RentFrequency frequency) {
        return switch (frequency) {
            case WEEKLY -> perWeek;
            case FORTNIGHTLY -> perWeek.multiply(BigDecimal.valueOf(2));
            case FOUR_WEEKLY -> perWeek.multiply(BigDecimal.valueOf(4));
            case MONTHLY -> perWeek.multiply(WEEKS_PER_YEAR).divide(MONTHS_PER_YEAR, PRECISION);
        };
    }

    private static String perPeriodText(BigDecimal perWeek, BigDecimal perPeriod, RentFrequency frequency) {
        return switch (frequency) {
            case WEEKLY -> perPeriod + " a weekly rent period";
            case FORTNIGHTLY -> perWeek + " x 2 = " + perPeriod + " a fortnight";
            case FOUR_WEEKLY -> perWeek + " x 4 = " + perPeriod + " every four weeks";
            case MONTHLY -> perWeek + " x 52 / 12 = " + perPeriod + " a month";
        };
    }

    /** Rounded down, so a suggested amount never exceeds what the household can spare. */
    static BigDecimal down(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.DOWN);
    }
}
