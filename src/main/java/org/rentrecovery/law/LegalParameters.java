package org.rentrecovery.law;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Legal figures as effective-dated data ({@code law/legal-parameters.json}), so that a change in
 * the law is a new dated entry, not a code change, and a decision about a past or future date
 * uses the law in force on that date.
 */
public final class LegalParameters {

    /**
     * Which assured tenancies a dated entry applies to: SI 2026/421 reg 2 commenced the Renters' Rights Act
     * 2025 changes only for assured tenancies that are not social housing assured tenancies.
     */
    public enum Tenancies {
        ALL, SOCIAL, NON_SOCIAL;

        boolean covers(boolean socialHousing) {
            return this == ALL || (this == SOCIAL) == socialHousing;
        }
    }

    /**
     * The Ground 8 threshold; {@code disregardUniversalCreditNotYetPaid}: rent unpaid only because the tenant's UC
     * housing award has not yet been paid is left out of the arrears (the Renters' Rights Act 2025 wording).
     */
    public record Ground8(LocalDate from, Tenancies tenancies, int weeks, int months, boolean disregardUniversalCreditNotYetPaid,
            String reference) implements Dated, ForTenancies {
    }

    public record Section8Notice(LocalDate from, Tenancies tenancies, int weeks, String reference) implements Dated, ForTenancies {
    }

    /** Whether a section 21 notice can be given (Housing Act 1988 s.21; abolished by the Renters' Rights Act 2025 s.2 as commenced). */
    public record Section21Availability(LocalDate from, Tenancies tenancies, boolean available, String reference)
            implements Dated, ForTenancies {
    }

    interface ForTenancies {
        Tenancies tenancies();

        default boolean covers(boolean socialHousing) {
            return tenancies() == null || tenancies().covers(socialHousing);
        }
    }

    public record BreathingSpaceScheme(LocalDate from, int standardMaxDays, String reference) implements Dated {
    }

    /** Limitation Act 1980 period, and the Breathing Space extension of it (SI 2020/1311 reg 8) once in force. */
    public record LimitationPeriod(LocalDate from, int years, int breathingSpaceExtensionWeeks, String reference) implements Dated {
    }

    public record SmallClaimsTrack(LocalDate from, java.math.BigDecimal limit, String reference) implements Dated {
    }

    public interface Dated {
        LocalDate from();
    }

    @JsonIgnoreProperties({"_comment", "_commentTenancies"})
    record File(List<Ground8> ground8, List<Section8Notice> section8MinimumNoticeWeeks,
            List<BreathingSpaceScheme> breathingSpace, List<LimitationPeriod> limitation,
            List<SmallClaimsTrack> smallClaimsTrack, List<Section21Availability> section21, Map<String, Integer> fixed) {
    }

    private static final LegalParameters DEFAULT = load();

    private final File file;

    private LegalParameters(File file) {
        this.file = file;
    }

    public static LegalParameters current() {
        return DEFAULT;
    }

    private static LegalParameters load() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        try (InputStream in = LegalParameters.class.getResourceAsStream("/law/legal-parameters.json")) {
            if (in == null) {
                throw new IllegalStateException("law/legal-parameters.json is missing from the classpath");
            }
            return new LegalParameters(mapper.readValue(in, File.class));
        } catch (IOException e) {
            throw new UncheckedIOException("law/legal-parameters.json cannot be read", e);
        }
    }

    /** Ground 8 for a social housing assured tenancy (the landlords this service is for). */
    public Ground8 ground8On(LocalDate date) {
        return ground8On(date, true);
    }

    /** Ground 8 in force on the date for a social housing assured tenancy, or for any other assured tenancy. */
    public Ground8 ground8On(LocalDate date, boolean socialHousing) {
        return inForce(file.ground8(), g -> g.covers(socialHousing), date);
    }

    /** Section 8 notice for a social housing assured tenancy. */
    public Section8Notice section8NoticeOn(LocalDate date) {
        return section8NoticeOn(date, true);
    }

    public Section8Notice section8NoticeOn(LocalDate date, boolean socialHousing) {
        return inForce(file.section8MinimumNoticeWeeks(), g -> g.covers(socialHousing), date);
    }

    /** The Breathing Space scheme in force on the date, or null before it commenced. */
    public BreathingSpaceScheme breathingSpaceOn(LocalDate date) {
        return file.breathingSpace().stream().filter(p -> !p.from().isAfter(date))
                .max(Comparator.comparing(Dated::from)).orElse(null);
    }

    public LimitationPeriod limitationOn(LocalDate date) {
        return inForce(file.limitation(), p -> true, date);
    }

    public SmallClaimsTrack smallClaimsTrackOn(LocalDate date) {
        return inForce(file.smallClaimsTrack(), p -> true, date);
    }

    /** Section 21 on the date for a social housing tenancy or any other. */
    public Section21Availability section21On(LocalDate date, boolean socialHousing) {
        return inForce(file.section21(), g -> g.covers(socialHousing), date);
    }

    public int fixed(String name) {
        Integer value = file.fixed().get(name);
        if (value == null) {
            throw new IllegalStateException("legal parameter " + name + " is not defined");
        }
        return value;
    }

    /**
     * Of the entries that apply, the one in force on the date (the latest from on or before it; the first listed of
     * equal dates), else the earliest (the first listed of equal dates). A loop rather than two streams: ground 8 and
     * the notice periods are looked up several times a decision.
     */
    private static <T extends Dated> T inForce(List<T> entries, Predicate<? super T> applies, LocalDate date) {
        T latest = null;
        T earliest = null;
        for (T entry : entries) {
            if (!applies.test(entry)) {
                continue;
            }
            if (earliest == null || entry.from().isBefore(earliest.from())) {
                earliest = entry;
            }
            if (!entry.from().isAfter(date) && (latest == null || entry.from().isAfter(latest.from()))) {
                latest = entry;
            }
        }
        if (latest != null) {
            return latest;
        }
        if (earliest == null) {
            throw new NoSuchElementException("No value present");
        }
        return earliest;
    }
}
