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

    public record BenefitYear(LocalDate from, String label, List<CapAmount> caps, BigDecimal earningsThresholdMonthly,
            String reference) implements Dated {
        public CapAmount cap(String region, CapHouseholdType household) {
            return caps.stream().filter(c -> c.region().equals(region) && c.household() == household).findFirst()
                    .orElseThrow(() -> new IllegalStateException("law/benefit-cap.json has no cap for " + region + "/"
                            + household + " in " + label));
        }
    }

    public record GracePeriod(LocalDate from, int months, String reference) implements Dated {
    }

    public record ThirdPartyDeduction(LocalDate from, int minPercentOfStandardAllowance,
            int maxPercentOfStandardAllowance, String reference) implements Dated {
    }

    public interface Dated {
        LocalDate from();
    }

    @JsonIgnoreProperties({"_comment"})
    record File(List<BenefitYear> benefitYears, List<GracePeriod> gracePeriod, List<ThirdPartyDeduction> thirdPartyDeduction) {
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

    public GracePeriod gracePeriodOn(LocalDate date) {
        return inForce(file.gracePeriod(), date);
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
