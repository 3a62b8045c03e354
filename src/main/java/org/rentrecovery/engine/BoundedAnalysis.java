package org.rentrecovery.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.kie.dmn.api.core.DMNMessage;

/**
 * The KIE validator's decision-table analysis with a budget of CPU per table. Its gap and overlap search grows with
 * the product of a table's columns' intervals, so one wide table uploaded by policy staff (22 inputs and 28 rows was
 * enough) can search for hours while holding the compiler's lock, and every other upload waits behind it. The
 * analyser checks no interruption, but it analyses table by table and turns anything a table's analysis throws into
 * "analysis skipped" for that table alone. So when the analysing thread has spent the budget since the last table
 * was stopped, it is stopped: the table it was on is reported as not analysed, and the analysis goes on with the
 * next. A table not analysed is refused unless it has a catch-all row ({@link TableCoverage}); {@link #STOPPED_CODE}
 * names it. Where the JVM can no longer stop a thread (JDK 20 and later), the analysis runs to its end as before.
 */
final class BoundedAnalysis {
    static final String STOPPED_CODE = "DECISION_TABLE_ANALYSIS_STOPPED";
    private static final long POLL_MILLIS = 50;

    /** What the analysis reported, and how many tables were stopped (0 when it ran to its end). */
    record Outcome(List<DMNMessage> messages, int tablesStopped) {
    }

    private BoundedAnalysis() {
    }

    /** The CPU seconds one table's analysis may take: {@code rentrecovery.dmn.analysis-cpu-seconds}, 10 by default. */
    static double budgetSeconds() {
        return Double.parseDouble(System.getProperty("rentrecovery.dmn.analysis-cpu-seconds", "10"));
    }

    static Outcome run(Supplier<List<DMNMessage>> analysis, double budgetSeconds) {
        AtomicReference<List<DMNMessage>> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                result.set(analysis.get());
            } catch (Throwable t) { // ThreadDeath included: a stop that fell outside a table's analysis
                failure.set(t);
            }
        }, "dmn-table-analysis");
        worker.setDaemon(true);
        worker.start();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long budgetNanos = (long) (budgetSeconds * 1_000_000_000L);
        long spentAtLastStop = spent(threads, worker);
        int stopped = 0;
        boolean canStop = true;
        while (worker.isAlive()) {
            join(worker);
            long spent = spent(threads, worker);
            if (canStop && worker.isAlive() && spent - spentAtLastStop > budgetNanos) {
                canStop = stop(worker);
                if (canStop) {
                    stopped++;
                    spentAtLastStop = spent;
                }
            }
        }
        if (failure.get() != null) {
            throw new AnalysisStoppedException(failure.get(), stopped);
        }
        return new Outcome(result.get(), stopped);
    }

    /** The analysis broke off outside a table's analysis (or failed by itself): nothing it found is known. */
    static final class AnalysisStoppedException extends RuntimeException {
        private final int tablesStopped;

        AnalysisStoppedException(Throwable cause, int tablesStopped) {
            super(cause);
            this.tablesStopped = tablesStopped;
        }

        int tablesStopped() {
            return tablesStopped;
        }
    }

    /** The analyser's "analysis skipped" for a table it was stopped on, as policy staff need to read it; else the problem. */
    static ModelProblem explained(ModelProblem problem, Outcome outcome) {
        // The analyser words a table whose analysis threw as "... because: <the throwable's message>", and a stop's has none.
        if (outcome.tablesStopped() == 0 || problem.table() == null || !"DECISION_TABLE_ANALYSIS_ERROR".equals(problem.code())
                || !problem.message().contains("because: null")) {
            return problem;
        }
        return new ModelProblem(problem.file(), problem.model(), problem.table(), null, null, null, ModelProblem.Severity.WARNING,
                STOPPED_CODE, "the analysis of " + problem.table() + " was stopped after " + seconds(budgetSeconds())
                        + " of CPU, so its rows were not checked for gaps, overlaps or hidden rows: the analyser's search grows"
                        + " with every input column a row constrains. Split it into smaller tables (a table per group of inputs,"
                        + " whose outputs this table reads), or end it with a catch-all row (- in every input), without which it"
                        + " is refused");
    }

    static String setMessage(double budgetSeconds) {
        return "the model validation and decision-table analysis did not finish: stopped after " + seconds(budgetSeconds)
                + " of CPU outside a table. Split the widest decision tables into smaller ones and upload again";
    }

    private static String seconds(double seconds) {
        return (seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds)) + " s";
    }

    private static void join(Thread worker) {
        try {
            worker.join(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the decision tables were analysed", e);
        }
    }

    private static long spent(ThreadMXBean threads, Thread worker) {
        long cpu = threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(worker.getId()) : -1;
        return cpu >= 0 ? cpu : System.nanoTime();
    }

    // Thread.stop is the one way to end a computation that never looks at its interrupt flag; the analyser catches
    // what it throws per table, and its objects are its own, so nothing shared is left half-changed.
    @SuppressWarnings({"deprecation", "removal"})
    private static boolean stop(Thread worker) {
        try {
            worker.stop();
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}
