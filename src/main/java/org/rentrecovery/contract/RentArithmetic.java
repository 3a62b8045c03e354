package org.rentrecovery.contract;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.rentrecovery.contract.Vocabulary.RentFrequency;

/**
 * Rent conversions (docs/policy.md and docs/law.md "Arrears"): weekly rent from the charge per period, monthly rent =
 * weekly x 52 / 12. Comparisons with thresholds use the exact amounts, not the rounded figures
 * shown to officers, so "at least" holds exactly when the value equals the threshold.
 */
public final class RentArithmetic {
    static final MathContext PRECISION = MathContext.DECIMAL128;
    private static final BigDecimal WEEKS_PER_YEAR = BigDecimal.valueOf(52);
    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);

    private RentArithmetic() {
    }

    public static BigDecimal weeklyRent(RentFrequency frequency, BigDecimal rentPerPeriod) {
        return switch (frequency) {
            case WEEKLY -> rentPerPeriod;
            case FORTNIGHTLY -> rentPerPeriod.divide(BigDecimal.valueOf(2), PRECISION);
            case FOUR_WEEKLY -> rentPerPeriod.divide(BigDecimal.valueOf(4), PRECISION);
            case MONTHLY -> rentPerPeriod.multiply(MONTHS_PER_YEAR).divide(WEEKS_PER_YEAR, PRECISION);
        };
    }

    public static BigDecimal monthlyRent(RentFrequency frequency, BigDecimal rentPerPeriod) {
        if (frequency == RentFrequency.MONTHLY) {
            return rentPerPeriod;
        }
        return weeklyRent(frequency, rentPerPeriod).multiply(WEEKS_PER_YEAR).divide(MONTHS_PER_YEAR, PRECISION);
    }

    /** Arrears as a multiple of a rent amount, exact to 34 significant digits. */
    public static BigDecimal multipleOf(BigDecimal amount, BigDecimal rent) {
        return amount.divide(rent, PRECISION);
    }

    public static BigDecimal pounds(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * A threshold shown to officers: the smallest sum in pounds and pence that meets it, so the figure
     * quoted is always one that qualifies (one month of £100 a week is £433.333..., quoted £433.34).
     */
    public static BigDecimal threshold(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.CEILING);
    }

    public static BigDecimal twoPlaces(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
