package org.rentrecovery.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, from the JVM's own counters: {@code cpu.thread} is what the benchmark's worker threads
 * spent (the decision itself), {@code cpu.process} what the whole JVM spent (adding the garbage collector's and the
 * JIT's threads). On a machine whose cores are shared, throughput measures the share of a core the benchmark got;
 * CPU time per operation measures the work, and {@code 1 s / cpu.thread} is what one free core would do. Use with
 * {@code -prof org.rentrecovery.jmh.CpuTimeProfiler} (docs/benchmarks.md).
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private static final String WORKER = "jmh-worker";

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean system =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long workersBefore;
    private long processBefore;

    @Override
    public String getDescription() {
        return "CPU time per operation: the benchmark's worker threads and the whole process";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        workersBefore = workerCpuNanos();
        processBefore = system.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration,
            IterationResult result) {
        long workers = workerCpuNanos() - workersBefore;
        long process = system.getProcessCpuTime() - processBefore;
        long ops = result.getMetadata().getAllOps();
        if (ops == 0) {
            return List.of();
        }
        return List.of(
                new ScalarResult("cpu.thread", workers / 1_000.0 / ops, "µs/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.process", process / 1_000.0 / ops, "µs/op", AggregationPolicy.AVG),
                new ScalarResult("load", system.getSystemLoadAverage(), "1-min avg", AggregationPolicy.AVG));
    }

    /** The CPU time of the live worker threads; JMH keeps the same workers across the iterations of a fork. */
    private long workerCpuNanos() {
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(WORKER)) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    total += cpu;
                }
            }
        }
        return total;
    }
}
