package org.rentrecovery.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Run folders go a set number of days after their run finished; the latest finished run and active runs stay. */
class PortfolioRetentionTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 5, 12, 0, 0, 0, ZoneOffset.UTC);

    @TempDir
    Path work;

    private Path finished(String folder, String runId, OffsetDateTime at) throws Exception {
        Path dir = Files.createDirectories(work.resolve(folder));
        MAPPER.writeValue(dir.resolve(RunDirectory.SUMMARY).toFile(), new RunSummary(runId, RunSummary.DONE, "upload", "0/1", at,
                at, at, 1, 0, 1, 0, 1.0, 1.0, 1.0, null, null));
        Files.writeString(dir.resolve(RunDirectory.RESULTS), "{}\n");
        return dir;
    }

    private Path unfinished(String runId, OffsetDateTime lastWritten) throws Exception {
        Path dir = Files.createDirectories(work.resolve(runId));
        Path input = Files.writeString(dir.resolve("input.ndjson"), "{}\n");
        Files.setLastModifiedTime(input, FileTime.from(lastWritten.toInstant()));
        Files.setLastModifiedTime(dir, FileTime.from(lastWritten.toInstant()));
        return dir;
    }

    private PortfolioRetention retention(Set<String> active, String latest) {
        return new PortfolioRetention(work, MAPPER, 35, active::contains, () -> Optional.ofNullable(latest));
    }

    @Test
    void aRunFolderGoesOnceItFinishedMoreThanTheRetentionPeriodAgo() throws Exception {
        String latest = UUID.randomUUID().toString();
        Path latestRun = finished(latest, latest, NOW.minusDays(1));
        Path justKept = finished("a", UUID.randomUUID().toString(), NOW.minusDays(35).plusMinutes(1));
        Path justExpired = finished("b", UUID.randomUUID().toString(), NOW.minusDays(35).minusMinutes(1));

        assertThat(retention(Set.of(), latest).purgeExpired(NOW)).isEqualTo(1);

        assertThat(justExpired).doesNotExist();
        assertThat(justKept.resolve(RunDirectory.RESULTS)).exists();
        assertThat(latestRun).exists();
    }

    @Test
    void theLatestFinishedRunStaysWithEveryPartitionHoweverOld() throws Exception {
        String latest = UUID.randomUUID().toString();
        Path part0 = finished("part-0", latest, NOW.minusDays(400));
        Path part1 = finished("part-1", latest, NOW.minusDays(399));
        Path older = finished("older", UUID.randomUUID().toString(), NOW.minusDays(500));

        assertThat(retention(Set.of(), latest).purgeExpired(NOW)).isEqualTo(1);

        assertThat(part0).exists();
        assertThat(part1).exists();
        assertThat(older).doesNotExist();
    }

    @Test
    void anUnfinishedFolderIsAgedByWhenItWasLastWrittenAndAnActiveRunIsNeverDeleted() throws Exception {
        String abandoned = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        String queued = UUID.randomUUID().toString();
        Path abandonedRun = unfinished(abandoned, NOW.minusDays(36));
        Path recentRun = unfinished(recent, NOW.minusDays(34));
        Path queuedRun = unfinished(queued, NOW.minusDays(90));

        assertThat(retention(Set.of(queued), null).purgeExpired(NOW)).isEqualTo(1);

        assertThat(abandonedRun).doesNotExist();
        assertThat(recentRun).exists();
        assertThat(queuedRun).exists();
    }

    @Test
    void aMissingFolderIsNothingToDoAndTheRetentionMustBeADayOrMore() {
        PortfolioRetention none = new PortfolioRetention(work.resolve("none"), MAPPER, 1, id -> false, Optional::empty);
        assertThat(none.purgeExpired(NOW)).isZero();
        assertThatThrownBy(() -> new PortfolioRetention(work, MAPPER, 0, id -> false, Optional::empty))
                .hasMessageContaining("rentrecovery.portfolio.retention-days");
    }
}
