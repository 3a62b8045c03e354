package org.rentrecovery.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The command behind {@code bench/rate-p99.sh}: one open-loop run ({@link OpenLoopLoad}) at a fixed rate, printed as
 * one line with the service's CPU a request and the load generator's own, both over exactly the measured window.
 * <pre>
 * java -cp target/bench-classes org.rentrecovery.bench.RateP99 \
 *     URL RATE_PER_SECOND MEASURED_SECONDS CONNECTIONS WARM_UP_SECONDS BODY [SERVICE_PID]
 * </pre>
 * BODY is the JSON itself, or {@code @file}. With {@code RENTRECOVERY_TOKEN} set, each request carries it as a bearer
 * token. SERVICE_PID names the process whose CPU (utime + stime from /proc) is counted against the answers.
 */
public final class RateP99 {
    private static final double CLOCK_TICKS_A_SECOND = 100;

    private RateP99() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: RateP99 URL RATE_PER_SECOND MEASURED_SECONDS CONNECTIONS WARM_UP_SECONDS BODY|@FILE [SERVICE_PID]");
            System.exit(2);
        }
        long rate = Long.parseLong(args[1]);
        long measured = rate * Long.parseLong(args[2]);
        long warmUp = rate * Long.parseLong(args[4]);
        Path serviceStat = args.length > 6 ? Path.of("/proc", args[6], "stat") : null;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong serviceTicks = new AtomicLong();
        AtomicLong ownNanos = new AtomicLong();
        AtomicLong windowStartMillis = new AtomicLong();
        OpenLoopSummary summary;
        try (OpenLoopLoad load = new OpenLoopLoad(URI.create(args[0]), headers(), body(args[5]),
                Integer.parseInt(args[3]))) {
            summary = load.run(rate, warmUp, measured, () -> {
                windowStartMillis.set(System.currentTimeMillis());
                serviceTicks.set(-cpuTicks(serviceStat));
                ownNanos.set(-os.getProcessCpuTime());
            }, () -> {
                serviceTicks.addAndGet(cpuTicks(serviceStat));
                ownNanos.addAndGet(os.getProcessCpuTime());
            });
        }
        String timelineFile = System.getProperty("bench.timeline-file");
        if (timelineFile != null) {
            writeTimeline(Path.of(timelineFile), summary.timeline());
        }
        String windowFile = System.getProperty("bench.window-file");
        if (windowFile != null) {
            Files.writeString(Path.of(windowFile), windowStartMillis.get() + " " + System.currentTimeMillis() + "\n");
        }
        long answers = Math.max(summary.answers(), 1);
        System.out.println(summary.describe(rate) + String.format(Locale.ROOT,
                "  CPU a request: service %s, generator %s  load %.2f",
                serviceStat == null ? "-" : String.format(Locale.ROOT, "%.3fms",
                        serviceTicks.get() * 1000 / CLOCK_TICKS_A_SECOND / answers),
                String.format(Locale.ROOT, "%.3fms", ownNanos.get() / 1e6 / answers), os.getSystemLoadAverage()));
    }

    /**
     * One line a slice: its start in epoch milliseconds, its answers and its longest latency in milliseconds, to lay
     * beside a service log stamped with the wall clock ({@code -Xlog:gc:file=F:timemillis}, as
     * bench/tail-timeline.sh does). The slices are stamped by the monotonic clock; the wall clock is read once, now,
     * to place them.
     */
    private static void writeTimeline(Path file, long[][] slices) throws java.io.IOException {
        long epochNanosAtNanoZero = System.currentTimeMillis() * 1_000_000 - System.nanoTime();
        StringBuilder text = new StringBuilder();
        for (long[] slice : slices) {
            text.append(String.format(Locale.ROOT, "%d %d %.2f%n", (epochNanosAtNanoZero + slice[0]) / 1_000_000,
                    slice[1], slice[2] / 1e6));
        }
        Files.writeString(file, text);
    }

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        String token = System.getenv("RENTRECOVERY_TOKEN");
        if (token != null && !token.isBlank()) {
            headers.put("Authorization", "Bearer " + token);
        }
        return headers;
    }

    private static byte[] body(String argument) throws java.io.IOException {
        return argument.startsWith("@") ? Files.readAllBytes(Path.of(argument.substring(1)))
                : argument.getBytes(StandardCharsets.UTF_8);
    }

    /** utime + stime of a process, in clock ticks: fields 14 and 15 of /proc/PID/stat, counted after the command's ")". */
    private static long cpuTicks(Path stat) {
        if (stat == null) {
            return 0;
        }
        try {
            String text = Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
