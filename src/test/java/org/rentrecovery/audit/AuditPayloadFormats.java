package org.rentrecovery.audit;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU and bytes a payload by format and level, through {@link AuditPayload} itself (pools, the id left out, the pieces),
 * on the real decisions of a binary decision journal: what the stores wrote before 2026-12-02 (format 3 at deflate
 * level 9, PostgreSQL's; format 4 at level 3, the journal's) against format 5 (zstd, the stores' from 2026-12-02) and
 * format 6 (zstd, a dictionary trained on 2026-12-06's answers) at a few levels, each record also read back and
 * compared. CPU is the thread's own counter; formats alternate within each pass. Run:
 * {@code java -cp target/test-classes:target/classes:… org.rentrecovery.audit.AuditPayloadFormats JOURNAL [records] [passes]}
 * (docs/benchmarks.md, "Audit payload in zstd").
 */
public final class AuditPayloadFormats {
    private static final int[][] FORMAT_AND_LEVEL = {{3, 9}, {4, 3}, {5, 3}, {6, 1}, {6, 3}, {6, 6}};

    private AuditPayloadFormats() {
    }

    public static void main(String[] args) throws Exception {
        List<byte[]> frames = JournalFileWalk.of(Path.of(args[0])).binaryRecords();
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<AuditRecord> records = new ArrayList<>();
        for (byte[] frame : frames.subList(0, Math.min(limit, frames.size()))) {
            records.add(JournalFrame.read(frame));
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int pass = -1; pass < passes; pass++) { // pass -1 warms the JIT up
            for (int[] format : FORMAT_AND_LEVEL) {
                long bytes = 0;
                long cpu = threads.getCurrentThreadCpuTime();
                List<byte[]> stored = new ArrayList<>(records.size());
                for (AuditRecord r : records) {
                    byte[] payload = AuditPayload.encodeWith(format[0], format[1], r.decisionId(), r.requestJson(),
                            r.responseJson(), r.rulesFired());
                    stored.add(payload);
                    bytes += payload.length;
                }
                long written = threads.getCurrentThreadCpuTime() - cpu;
                cpu = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < records.size(); i++) {
                    if (!AuditPayload.decode(stored.get(i), records.get(i).decisionId()).responseJson()
                            .equals(records.get(i).responseJson())) {
                        throw new IllegalStateException("record " + i + " did not read back");
                    }
                }
                long read = threads.getCurrentThreadCpuTime() - cpu;
                if (pass >= 0) {
                    System.out.printf("pass %d: format %d level %d: %6.1f µs CPU to write, %5.1f µs to read, %6.1f bytes a payload%n",
                            pass, format[0], format[1], written / 1000.0 / records.size(), read / 1000.0 / records.size(),
                            (double) bytes / records.size());
                }
            }
        }
    }
}
