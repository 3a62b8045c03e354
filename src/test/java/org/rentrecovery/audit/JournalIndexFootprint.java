package org.rentrecovery.audit;

import java.lang.management.ManagementFactory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.rentrecovery.audit.JournalIndex.Position;

/**
 * Live heap a journal index holds a record, the packed index against the map-based one it replaced (not a test: run
 * it by hand, see docs/benchmarks.md). Two shapes: every decision of one case (the benchmarks post one case again and
 * again) and one case per decision (a portfolio run). Random ids, UTC times a millisecond apart, as the service writes.
 * <pre>java -Xmx3g -cp target/classes:target/test-classes org.rentrecovery.audit.JournalIndexFootprint [records]</pre>
 */
final class JournalIndexFootprint {
    private static final OffsetDateTime START = OffsetDateTime.of(2026, 12, 2, 9, 0, 0, 0, ZoneOffset.UTC);

    private interface Index {
        void remember(UUID decisionId, String caseRef, OffsetDateTime decidedAt, Position at);
    }

    public static void main(String[] args) {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        for (boolean casePerDecision : new boolean[] {false, true}) {
            String shape = casePerDecision ? "one case per decision" : "one case";
            measure("map-based index, " + shape, records, casePerDecision, () -> {
                MapJournalIndex index = new MapJournalIndex();
                return index::remember;
            });
            measure("packed index, " + shape, records, casePerDecision, () -> {
                JournalIndex index = new JournalIndex();
                return index::remember;
            });
        }
    }

    private static void measure(String name, int records, boolean casePerDecision, java.util.function.Supplier<Index> make) {
        long before = liveHeap();
        Index index = make.get();
        for (int i = 0; i < records; i++) {
            String caseRef = casePerDecision ? "HRA-" + (100_000_000 + i) : "HRA-100000001";
            index.remember(UUID.randomUUID(), caseRef, START.plusNanos(1_000_000L * i), new Position(830L * i, 830, true));
        }
        long after = liveHeap();
        System.out.printf("%-40s %,d records: %,d bytes live, %.1f bytes a record%n", name, records, after - before,
                (after - before) / (double) records);
        java.lang.ref.Reference.reachabilityFence(index);
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
