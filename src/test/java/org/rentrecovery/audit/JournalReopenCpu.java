package org.rentrecovery.audit;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import org.rentrecovery.support.TestCases;

/**
 * Thread CPU and allocation of opening a large decision journal, which rebuilds its index from every record (not a
 * test: run it by hand, see docs/benchmarks.md). Writes the journal through the store once if the file is missing
 * (records of about 800 bytes, a portfolio of 20,000 cases), then opens it {@code rounds} times in this JVM: the first
 * open is the cold one a service start pays.
 * <pre>java -cp target/classes:target/test-classes:DEPS org.rentrecovery.audit.JournalReopenCpu FILE [records] [rounds]</pre>
 */
final class JournalReopenCpu {
    private static final int CASES = 20_000;

    private JournalReopenCpu() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        if (!Files.exists(file)) {
            write(file, records);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long allocated = threads.getCurrentThreadAllocatedBytes();
            JournalAuditStore store = new JournalAuditStore(file, TestCases.MAPPER, 1000, 100);
            long cpuTaken = threads.getCurrentThreadCpuTime() - cpu;
            long allocatedTaken = threads.getCurrentThreadAllocatedBytes() - allocated;
            long opened = store.recovery().records();
            store.close();
            System.out.printf("open %d: %,d records, %,d bytes: %.2f us CPU a record (%.0f ms), %.0f bytes allocated a record%n",
                    round, opened, Files.size(file), cpuTaken / 1000.0 / opened, cpuTaken / 1e6,
                    allocatedTaken / (double) opened);
        }
    }

    private static void write(Path file, int records) throws Exception {
        JournalAuditStore store = new JournalAuditStore(file, TestCases.MAPPER, 10_000, 1000);
        OffsetDateTime start = OffsetDateTime.of(2026, 11, 23, 9, 0, 0, 0, ZoneOffset.UTC);
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < records; i++) {
            UUID id = UUID.randomUUID();
            String caseRef = "HRA-" + (100_000_000 + i % CASES);
            StringBuilder noise = new StringBuilder(); // about 500 bytes deflate cannot shrink, as a real answer's differences
            for (int j = 0; j < 64; j++) {
                noise.append(Long.toHexString(random.nextLong()));
            }
            AuditRecord record = new AuditRecord(id, caseRef, "next-action", start.plusNanos(1_000_000L * i),
                    LocalDate.of(2026, 11, 23), "2026.11.0", "bench", 100, List.of("facts#arrears", "action#letter"),
                    "{\"caseRef\":\"" + caseRef + "\"}", "{\"decisionId\":\"" + id + "\",\"note\":\"" + noise + "\"}");
            pending.add(store.append(record));
            if (pending.size() == 5000) {
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get();
                pending.clear();
            }
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get();
        store.close();
    }
}
