package org.rentrecovery.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rentrecovery.support.TestCases;

/**
 * The journal survives {@code kill -9} mid-write (issue 17 item 8): a separate JVM appends through
 * the real journal ({@link JournalWriterMain}, four threads, 2 MB records) and is killed with SIGKILL
 * while it writes; the real journal then opens the file. Every record whose append had completed (so
 * its request would have been answered) is served, and a torn tail is detected exactly when the file
 * ends mid-record.
 *
 * <p>On Linux a SIGKILL does not interrupt a write(2) to a local file: in this test's first runs 15
 * kills out of 15 left whole records (unacknowledged complete records at most). A torn record comes from a
 * crash of the machine (part of a batch reached the disk) or a full disk, so the second half writes
 * what such a crash leaves after the killed writer's last record: the first part of a real journal
 * record. The real journal must report it, cut it off and serve everything before it.
 */
class JournalKillTest {
    private static final int RECORD_BYTES = 2_000_000;
    private static final int KILLS = 3;

    @TempDir
    Path dir;

    @Test
    void shouldServeEveryAcknowledgedRecordAfterKill9AndReportAndCutATornLastLine() throws Exception {
        List<String> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(String.valueOf(record.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        // The log manager the service logs through (jboss-logging), as AuditFailureLogTest listens to it.
        Logger journalLog = org.jboss.logmanager.LogContext.getLogContext().getLogger(JournalAuditStore.class.getName());
        journalLog.addHandler(capture);
        try {
            for (int kill = 1; kill <= KILLS; kill++) {
                Path file = dir.resolve("journal-" + kill + ".ndjson");
                Set<UUID> acknowledged = killMidWrite(file, 2 + kill);
                assertServedAfterOpening(file, acknowledged, !JournalFileWalk.of(file).endsOnARecord(), warnings);

                // What a machine crash can leave: the start of the next record, never fsynced.
                byte[] record = JournalFrame.of(JournalAuditStoreTest.record("TORN", java.time.OffsetDateTime.now()));
                Files.write(file, java.util.Arrays.copyOf(record, 1 + ThreadLocalRandom.current().nextInt(record.length - 1)),
                        java.nio.file.StandardOpenOption.APPEND);
                assertServedAfterOpening(file, acknowledged, true, warnings);
            }
        } finally {
            journalLog.removeHandler(capture);
        }
    }

    private static void assertServedAfterOpening(Path file, Set<UUID> acknowledged, boolean tornTail, List<String> warnings)
            throws Exception {
        long size = Files.size(file);
        int warningsBefore = warnings.size();
        try (JournalAuditStore store = new JournalAuditStore(file, TestCases.MAPPER, 10, 10)) {
            JournalAuditStore.Recovery recovery = store.recovery();
            assertThat(recovery.torn()).as("a torn tail is detected exactly when there is one").isEqualTo(tornTail);
            assertThat(recovery.tornAt() + recovery.tornBytes()).isEqualTo(size);
            assertThat(Files.size(file)).as("cut off after the last complete record").isEqualTo(recovery.tornAt());
            for (UUID id : acknowledged) {
                assertThat(store.find(id)).as("acknowledged record %s", id).isPresent();
            }
            assertThat(recovery.records()).isGreaterThanOrEqualTo(acknowledged.size());
            if (tornTail) {
                assertThat(warnings.subList(warningsBefore, warnings.size()))
                        .anySatisfy(w -> assertThat(w).contains("did not finish").contains("never acknowledged"));
            }
        }
        try (JournalAuditStore reopened = new JournalAuditStore(file, TestCases.MAPPER, 10, 10)) {
            assertThat(reopened.recovery().torn()).as("clean after the cut").isFalse();
            for (UUID id : acknowledged) {
                assertThat(reopened.find(id)).isPresent();
            }
        }
    }

    /** Starts the writer, waits for a few acknowledgements, kills it with SIGKILL and answers the ids it acknowledged before. */
    private static Set<UUID> killMidWrite(Path file, int acknowledgementsFirst) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                JournalWriterMain.class.getName(), file.toString(), Integer.toString(RECORD_BYTES))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Set<UUID> acknowledged = new HashSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            while (acknowledged.size() < acknowledgementsFirst) {
                String line = out.readLine();
                assertThat(line).as("the writer died before acknowledging anything (exit %s)", writer.isAlive() ? "-" : writer.exitValue())
                        .isNotNull();
                acknowledged.add(UUID.fromString(line.strip()));
            }
            Thread.sleep(ThreadLocalRandom.current().nextInt(0, 20));
            // SIGKILL: no shutdown hook, no close, no flush. It also closes our end of the pipe, so ids
            // acknowledged after the last one read go unchecked; every id read is checked.
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        return acknowledged;
    }
}
