package org.rentrecovery.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link RentArithmetic#multipleOf} gives exactly what {@code divide(rent, DECIMAL128)} gives: value and scale. */
class RentArithmeticTest {

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({
            "1200.00, 120.00", "1200.00, 115.384615384615384615384615384615", "0.00, 120.00", "0, 1E+3", "-240.50, 120.25",
            "240.50, -120.25", "1000, 10.00", "1E+30, 1", "1, 1E-30", "123.45, 0.5", "7, 3", "100.00, 0.01",
            "999999999999999999, 7", "999999999999999999, 0.000000000000000001", "12345678901234567890.12, 2.5",
            "1, 1099511627776", "1, 3814697265625", "1, 1525878906250000000", "520.00, 520.00", "433.34, 86.666666666666666"})
    void dividesAsTheJdkDoes(String amount, String rent) {
        assertSameAsJdk(new BigDecimal(amount), new BigDecimal(rent));
    }

    @Test
    void dividesGeneratedAmountsAsTheJdkDoes() {
        Random random = new Random(20261202);
        List<BigDecimal> rents = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rents.add(BigDecimal.valueOf(random.nextInt(200_000) - 20_000, random.nextInt(5) - 1));
            rents.add(BigDecimal.valueOf(1L << random.nextInt(40)).multiply(BigDecimal.valueOf(5).pow(random.nextInt(12)))
                    .movePointLeft(random.nextInt(8)));
        }
        for (BigDecimal rent : rents) {
            for (int i = 0; i < 40; i++) {
                BigDecimal amount = random.nextInt(4) == 0
                        ? rent.multiply(BigDecimal.valueOf(random.nextInt(60) - 5))
                        : new BigDecimal(BigInteger.valueOf(random.nextLong()).shiftRight(random.nextInt(64)), random.nextInt(6) - 2);
                assertSameAsJdk(amount, rent);
            }
        }
    }

    private static void assertSameAsJdk(BigDecimal amount, BigDecimal rent) {
        if (rent.signum() == 0) {
            return;
        }
        BigDecimal expected = amount.divide(rent, MathContext.DECIMAL128);
        BigDecimal actual = RentArithmetic.multipleOf(amount, rent);
        assertThat(actual.toString()).as(amount + " / " + rent).isEqualTo(expected.toString());
        assertThat(actual.scale()).as(amount + " / " + rent).isEqualTo(expected.scale());
    }
}
