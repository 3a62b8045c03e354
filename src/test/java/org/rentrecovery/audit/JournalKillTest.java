package org.rentrecovery.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
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
 * the real journal ({@link JournalWriterMain}) and is killed with SIGKILL while it writes; the real
 * journal then opens the file. Every record whose append had completed (so its request would have
 * been answered) is served; a torn last line is detected, reported in the log and cut off, and only
 * that. A kill can also land between writes or during an fsync (no tear): each attempt checks what it
 * finds, and attempts repeat until one has torn a line, which large batches make likely at once.
 */
class JournalKillTest {
    private static final int RECORD_BYTES = 2_000_000;
    private static final int ATTEMPTS = 15;

    @TempDir
    Path dir;

    @Test
    void shouldServeEveryAcknowledgedRecordAndReportTheTornLastLineAfterAKillMidWrite() throws Exception {
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
        Logger journalLog = Logger.getLogger(JournalAuditStore.class.getName());
        journalLog.addHandler(capture);
        int torn = 0;
        try {
            for (int attempt = 1; attempt <= ATTEMPTS && torn == 0; attempt++) {
                Path file = dir.resolve("journal-" + attempt + ".ndjson");
                Set<UUID> acknowledged = killMidWrite(file, 2 + attempt);
                long size = Files.size(file);
                boolean endsInTheMiddleOfALine = size > 0 && lastByte(file) != '\n';
                int warningsBefore = warnings.size();

                try (JournalAuditStore store = new JournalAuditStore(file, TestCases.MAPPER, 10, 10)) {
                    JournalAuditStore.Recovery recovery = store.recovery();
                    assertThat(recovery.torn()).as("attempt %d: a torn tail is detected exactly when there is one", attempt)
                            .isEqualTo(endsInTheMiddleOfALine);
                    assertThat(recovery.tornAt() + recovery.tornBytes()).isEqualTo(size);
                    assertThat(Files.size(file)).as("cut off after the last complete record").isEqualTo(recovery.tornAt());
                    for (UUID id : acknowledged) {
                        assertThat(store.find(id)).as("acknowledged record %s", id).isPresent();
                    }
                    assertThat(recovery.records()).isGreaterThanOrEqualTo(acknowledged.size());
                    if (recovery.torn()) {
                        torn++;
                        assertThat(warnings.subList(warningsBefore, warnings.size()))
                                .anySatisfy(w -> assertThat(w).contains("did not finish").contains("never acknowledged"));
                    }
                    // The journal takes new records after the cut, on a line of their own.
                    AuditRecord next = JournalAuditStoreTest.record("AFTER-KILL", java.time.OffsetDateTime.now());
                    store.append(next).get(10, TimeUnit.SECONDS);
                    assertThat(store.list("AFTER-KILL", 0, 1).records()).containsExactly(next);
                }
                try (JournalAuditStore reopened = new JournalAuditStore(file, TestCases.MAPPER, 10, 10)) {
                    assertThat(reopened.recovery().torn()).as("clean after the cut").isFalse();
                }
            }
        } finally {
            journalLog.removeHandler(capture);
        }
        assertThat(torn).as("one of %d kills landed mid-write", ATTEMPTS).isPositive();
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

    private static int lastByte(Path file) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(raf.length() - 1);
            return raf.read();
        }
    }
}
