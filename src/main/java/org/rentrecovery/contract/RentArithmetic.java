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
    private static final long[] LONG_TEN_POWERS = java.util.stream.LongStream.iterate(1, p -> p * 10).limit(19).toArray();

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

    /**
     * Arrears as a multiple of a rent amount, exact to 34 significant digits: {@code amount.divide(rent, DECIMAL128)},
     * the same value at the same scale. Arrears of whole weeks divide exactly, and for an exact quotient the JDK works
     * it out to 34 digits and then strips the trailing zeros one division by ten of a 34-digit number at a time (a
     * twentieth of a decision's CPU for the four multiples a decision needs); such a quotient is worked out here in
     * {@code long}s instead, and every other one (a recurring quotient, amounts beyond a {@code long}) by the JDK.
     */
    public static BigDecimal multipleOf(BigDecimal amount, BigDecimal rent) {
        BigDecimal exact = terminatingQuotient(amount, rent);
        return exact != null ? exact : amount.divide(rent, PRECISION);
    }

    /**
     * The quotient when it terminates and fits a {@code long}, at the scale {@code divide(rent, mc)} gives an exact
     * quotient (the one nearest the preferred scale, {@code amount.scale() - rent.scale()}); otherwise null.
     */
    static BigDecimal terminatingQuotient(BigDecimal amount, BigDecimal rent) {
        if (rent.signum() == 0 || amount.precision() > 18 || rent.precision() > 18) {
            return null;
        }
        long dividend = amount.unscaledValue().longValue();
        long divisor = rent.unscaledValue().longValue();
        long common = gcd(Math.abs(dividend), Math.abs(divisor));
        dividend /= common;
        divisor /= common;
        if (divisor < 0) {
            dividend = -dividend;
            divisor = -divisor;
        }
        // The quotient terminates when what is left of the divisor is 2^twos x 5^fives; dividing by it is then
        // multiplying by 10^max(twos, fives) / divisor and moving the point that many places.
        int twos = Long.numberOfTrailingZeros(divisor);
        long odd = divisor >> twos;
        int fives = 0;
        while (odd % 5 == 0) {
            odd /= 5;
            fives++;
        }
        int places = Math.max(twos, fives);
        if (odd != 1 || places > 18) {
            return null;
        }
        long unscaled;
        try {
            unscaled = Math.multiplyExact(dividend, LONG_TEN_POWERS[places] / divisor);
        } catch (ArithmeticException overflow) {
            return null;
        }
        long preferredScale = (long) amount.scale() - rent.scale();
        long scale = preferredScale + places;
        while (scale > preferredScale && unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        return scale == (int) scale ? BigDecimal.valueOf(unscaled, (int) scale) : null;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
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
