package org.rentrecovery.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** A worklist says which partitions of its run have not finished, so a list built from part of a run is never taken for all of it. */
class RunPartitionsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @TempDir
    Path work;

    private void finished(String folder, String runId, String partition, int minute) throws Exception {
        Path dir = Files.createDirectories(work.resolve(folder));
        OffsetDateTime at = OffsetDateTime.of(2026, 12, 5, 7, minute, 0, 0, ZoneOffset.UTC);
        MAPPER.writeValue(dir.resolve(RunDirectory.SUMMARY).toFile(), new RunSummary(runId, RunSummary.DONE, "upload", partition, at,
                at, at, 1, 0, 1, 0, 1.0, 1.0, 1.0, null, null));
        Files.writeString(dir.resolve(RunDirectory.RESULTS), "");
    }

    @Test
    void theMissingPartitionsAreThoseOfTheCountNotFinished() {
        assertThat(RunWorklists.missing(List.of("0/1"))).isEmpty();
        assertThat(RunWorklists.missing(List.of("1/3"))).containsExactly("0/3", "2/3");
        assertThat(RunWorklists.missing(List.of("0/2", "1/2"))).isEmpty();
        assertThat(RunWorklists.missing(List.of("0/1000"))).hasSize(11).startsWith("1/1000", "2/1000").endsWith("and 989 more of 1000");
    }

    @Test
    void theLatestRunSaysWhichOfItsPartitionsHaveNotFinished() throws Exception {
        RunWorklists worklists = new RunWorklists(work, MAPPER, null, null);
        finished("a", "11111111-1111-1111-1111-111111111111", "0/1", 1);
        finished("b-0", "22222222-2222-2222-2222-222222222222", "0/3", 2);
        finished("b-2", "22222222-2222-2222-2222-222222222222", "2/3", 3);
        RunWorklists.FinishedRun latest = worklists.latest().orElseThrow();
        assertThat(latest.runId()).isEqualTo("22222222-2222-2222-2222-222222222222");
        assertThat(latest.results()).hasSize(2);
        assertThat(latest.partitionsMissing()).containsExactly("1/3");
        finished("b-1", "22222222-2222-2222-2222-222222222222", "1/3", 4);
        assertThat(worklists.latest().orElseThrow().partitionsMissing()).isEmpty();
    }
}
