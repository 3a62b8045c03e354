package org.rentrecovery.jmh;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import org.rentrecovery.contract.CaseFactsReader;
import org.rentrecovery.decision.DecisionService;
import org.rentrecovery.support.Scenarios;
import org.rentrecovery.support.TestCases;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The CPU time and the bytes one thread spends per full next-action decision (read, decide, write), measured by the
 * JVM's own per-thread counters rather than by the wall clock: on a machine whose cores are shared with other work,
 * the benchmark thread gets a varying share of a core and {@link NextActionBenchmark}'s throughput swings with it,
 * while the CPU a decision costs does not. {@code 1 s / CPU per decision} is what one free core would decide per second.
 * The warm-up is counted in decisions, not seconds: a thread that gets a small share of a core would otherwise be
 * measured before the JIT has compiled the decision. Run with the jmh profile's class path:
 * {@code java -cp … org.rentrecovery.jmh.CpuPerDecision [warm-up decisions, default 30000] [measured s, default 30]}.
 * The service's log levels are applied first ({@link ServiceLogLevels}); {@code -Dbench.logAll=true} leaves the log
 * manager at ALL, as every measurement before this switch was made.
 */
public final class CpuPerDecision {
    private CpuPerDecision() {
    }

    public static void main(String[] args) throws IOException {
        long warmUpDecisions = args.length > 0 ? Long.parseLong(args[0]) : 30_000;
        long measuredSeconds = args.length > 1 ? Long.parseLong(args[1]) : 30;
        if (!Boolean.getBoolean("bench.logAll")) {
            ServiceLogLevels.apply();
        }
        byte[] body = Files.readAllBytes(Path.of("bench/secure-notice-case.json"));
        ObjectMapper mapper = Scenarios.mapper();
        CaseFactsReader reader = Scenarios.reader();
        DecisionService decisions = TestCases.decisions();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();

        long sink = 0;
        for (long i = 0; i < warmUpDecisions; i++) {
            sink += mapper.writeValueAsBytes(decisions.decide(reader.read(body))).length;
        }
        for (int round = 1; round <= 3; round++) {
            long end = System.nanoTime() + measuredSeconds * 1_000_000_000L / 3;
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long bytesBefore = threads.getThreadAllocatedBytes(thread);
            long count = 0;
            while (System.nanoTime() < end) {
                sink += mapper.writeValueAsBytes(decisions.decide(reader.read(body))).length;
                count++;
            }
            double cpuMicros = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000.0 / count;
            double kilobytes = (threads.getThreadAllocatedBytes(thread) - bytesBefore) / 1_024.0 / count;
            System.out.printf("round %d: %d decisions, %.1f µs CPU a decision (%.0f decisions/s on one free core), "
                    + "%.1f KB allocated a decision, load average %.2f%n", round, count, cpuMicros, 1_000_000 / cpuMicros,
                    kilobytes, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        System.out.println("(answer bytes written: " + sink + ")");
    }
}
