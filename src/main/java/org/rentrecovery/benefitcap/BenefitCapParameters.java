package org.rentrecovery.benefitcap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The benefit cap figures as effective-dated data ({@code law/benefit-cap.json}): cap levels per
 * region and household, the earnings exemption threshold, the grace period and the third-party
 * deduction range. When the government uprates them, a new dated entry is added to the file; no
 * code changes. A date before the first entry uses the first entry (and {@link #knownOn} says so).
 */
public final class BenefitCapParameters {

    /** Which cap level applies: couples (with or without children) and lone parents share the higher one. */
    public enum CapHouseholdType { COUPLE_OR_LONE_PARENT, SINGLE }

    public record CapAmount(String region, CapHouseholdType household, BigDecimal perYear, BigDecimal perMonth,
            BigDecimal perWeek) {
    }

    public record BenefitYear(LocalDate from, String label, List<CapAmount> caps, String reference) implements Dated {
        public CapAmount cap(String region, CapHouseholdType household) {
            return caps.stream().filter(c -> c.region().equals(region) && c.household() == household).findFirst()
                    .orElseThrow(() -> new IllegalStateException("law/benefit-cap.json has no cap for " + region + "/"
                            + household + " in " + label));
        }
    }

    /**
     * The grace period for one benefit: UC counts calendar months (UC Regs 2013 reg 82(2)), HB weeks
     * (HB Regs 2006 reg 75E); {@code benefit} is a HousingCostSupport name.
     */
    public record GracePeriod(LocalDate from, String benefit, int months, int weeks, String reference) implements Dated {
        /**
         * The last day of a grace period that starts on the date: the day before the corresponding day after its months
         * and weeks. Where the last month has no corresponding day (9 months from 31 May), the period ends on that
         * month's last day, as a period of months counted in law does.
         */
        public LocalDate lastDay(LocalDate start) {
            LocalDate afterMonths = start.plusMonths(months);
            boolean noCorrespondingDay = afterMonths.getDayOfMonth() != start.getDayOfMonth();
            return (noCorrespondingDay ? afterMonths.plusDays(1) : afterMonths).plusWeeks(weeks).minusDays(1);
        }

        public String length() {
            return months > 0 ? months + " months" : weeks + " weeks";
        }
    }

    /**
     * The UC earnings exemption (UC Regs 2013 reg 82(1)(a)): earnings at the National Living Wage for
     * the hours a week, as a monthly amount (x 52 / 12), from the day the rate took effect.
     */
    public record EarningsExemption(LocalDate from, String label, BigDecimal hourlyRate, int hoursPerWeek, String reference)
            implements Dated {
        /** The statute's figure, exactly (it need not be a whole number of pence). */
        public BigDecimal thresholdExact() {
            return hourlyRate.multiply(BigDecimal.valueOf(hoursPerWeek)).multiply(BigDecimal.valueOf(52))
                    .divide(BigDecimal.valueOf(12), java.math.MathContext.DECIMAL128);
        }

        /** The first sum in pounds and pence that is equal to or exceeds the figure: what earnings must reach. */
        public BigDecimal thresholdMonthly() {
            return thresholdExact().setScale(2, java.math.RoundingMode.CEILING);
        }
    }

    public record ThirdPartyDeduction(LocalDate from, int minPercentOfStandardAllowance,
            int maxPercentOfStandardAllowance, String reference) implements Dated {
    }

    public interface Dated {
        LocalDate from();
    }

    @JsonIgnoreProperties({"_comment"})
    record File(List<BenefitYear> benefitYears, List<EarningsExemption> earningsExemption, List<GracePeriod> gracePeriod,
            List<ThirdPartyDeduction> thirdPartyDeduction) {
    }

    private static final BenefitCapParameters DEFAULT = load("/law/benefit-cap.json");

    private final File file;

    private BenefitCapParameters(File file) {
        this.file = file;
    }

    public static BenefitCapParameters current() {
        return DEFAULT;
    }

    static BenefitCapParameters load(String location) {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try (InputStream in = BenefitCapParameters.class.getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException(location + " is missing from the classpath");
            }
            return new BenefitCapParameters(mapper.readValue(in, File.class));
        } catch (IOException e) {
            throw new UncheckedIOException(location + " cannot be read", e);
        }
    }

    public BenefitYear benefitYearOn(LocalDate date) {
        return inForce(file.benefitYears(), date);
    }

    /** The grace period for the benefit (a HousingCostSupport name; UC's when neither HB nor UC). */
    public GracePeriod gracePeriodOn(LocalDate date, String benefit) {
        String which = "HOUSING_BENEFIT".equals(benefit) ? benefit : "UNIVERSAL_CREDIT";
        return inForce(file.gracePeriod().stream().filter(g -> g.benefit().equals(which)).toList(), date);
    }

    /** The earnings exemption in force on the date; null before the first figure loaded (nothing is assumed). */
    public EarningsExemption earningsExemptionOn(LocalDate date) {
        return file.earningsExemption().stream().filter(e -> !e.from().isAfter(date))
                .max(Comparator.comparing(Dated::from)).orElse(null);
    }

    /** The first date with an earnings figure loaded. */
    public LocalDate earliestEarningsExemption() {
        return file.earningsExemption().stream().map(Dated::from).min(Comparator.naturalOrder()).orElseThrow();
    }

    public ThirdPartyDeduction thirdPartyDeductionOn(LocalDate date) {
        return inForce(file.thirdPartyDeduction(), date);
    }

    /** False when the date is before the first benefit year this file knows (its figures are then a stand-in). */
    public boolean knownOn(LocalDate date) {
        return file.benefitYears().stream().anyMatch(y -> !y.from().isAfter(date));
    }

    private static <T extends Dated> T inForce(List<T> entries, LocalDate date) {
        return entries.stream().filter(p -> !p.from().isAfter(date)).max(Comparator.comparing(Dated::from))
                .orElseGet(() -> entries.stream().min(Comparator.comparing(Dated::from)).orElseThrow());
    }
}
