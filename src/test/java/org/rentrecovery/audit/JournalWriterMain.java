package org.rentrecovery.audit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.rentrecovery.support.TestCases;

/**
 * Run by {@link JournalKillTest} in a JVM of its own, to be killed: appends records through the
 * real journal from several threads, as the service's requests do, and prints each decision id on
 * stdout once its append has completed (the moment the service would answer). Records are large
 * (args[1] bytes of request each) so that batches take many pages to write and a kill often lands
 * in the middle of one.
 */
public final class JournalWriterMain {
    private JournalWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String padding = "x".repeat(Integer.parseInt(args[1]));
        JournalAuditStore store = new JournalAuditStore(file, TestCases.MAPPER, 1000, 20);
        PrintStream acknowledged = System.out;
        AtomicLong sequence = new AtomicLong();
        int writers = 4;
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        for (int t = 0; t < writers; t++) {
            threads.submit(() -> {
                while (true) {
                    long n = sequence.incrementAndGet();
                    UUID id = UUID.randomUUID();
                    AuditRecord record = new AuditRecord(id, "KILL-" + n, "next-action", OffsetDateTime.now(ZoneOffset.UTC),
                            LocalDate.of(2026, 11, 23), "2026.11.0", "test", 100, List.of("facts#arrears"),
                            "{\"caseRef\":\"KILL-" + n + "\",\"padding\":\"" + padding + "\"}",
                            "{\"decisionId\":\"" + id + "\"}");
                    store.append(record).get();
                    synchronized (acknowledged) {
                        acknowledged.println(id);
                        acknowledged.flush();
                    }
                }
            });
        }
        threads.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
    }
}
