package org.rentrecovery.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.kie.dmn.api.core.DMNMessage;

/**
 * The KIE validator's decision-table analysis with a budget of CPU. Its gap and overlap search grows with the product
 * of a table's columns' intervals, so one wide table uploaded by policy staff (22 inputs and 28 rows was enough) can
 * search for hours while holding the compiler's lock, and every other upload waits behind it. The analyser checks no
 * interruption, but it analyses table by table and turns anything a table's analysis throws into "analysis skipped"
 * for that table alone. So the analysing thread is sampled: once the time it has spent inside tables' analysis (not
 * checking or compiling models) passes the budget, it is stopped at a point inside a table where a stop unwinds only
 * the analyser's own objects ({@link #safeToStop}); the table it was on is reported as not analysed, and the analysis
 * goes on with the next with the budget anew. A whole set's tables take seconds; a runaway table takes the budget.
 * A table not analysed is refused unless it has a catch-all row and selects its first match ({@link TableCoverage});
 * {@link #STOPPED_CODE} names it. Where the JVM can no longer stop a thread (JDK 20 and later), the analysis runs to
 * its end as before.
 */
final class BoundedAnalysis {
    static final String STOPPED_CODE = "DECISION_TABLE_ANALYSIS_STOPPED";
    private static final long POLL_MILLIS = 50;
    /** The analyser's method that analyses one table and records what it throws for that table alone. */
    static final TableFrame KIE_TABLE_ANALYSIS = new TableFrame("org.kie.dmn.validation.dtanalysis.DMNDTAnalyser", "dmnDTAnalysis");

    /** The frame of an analyser's work on one table. */
    record TableFrame(String className, String method) {
        boolean is(StackTraceElement frame) {
            return frame.getClassName().equals(className) && frame.getMethodName().equals(method);
        }
    }

    /** What the analysis reported, how many tables were stopped (0 when it ran to its end), and the budget it had. */
    record Outcome(List<DMNMessage> messages, int tablesStopped, double budgetSeconds) {
    }

    private BoundedAnalysis() {
    }

    /**
     * The CPU seconds the analysis may spend on tables before the table it is on is stopped (and again after each
     * stop): {@code rentrecovery.dmn.analysis-cpu-seconds}, 60 by default. A whole set's tables take a few seconds.
     */
    static double budgetSeconds() {
        return Double.parseDouble(System.getProperty("rentrecovery.dmn.analysis-cpu-seconds", "60"));
    }

    static Outcome run(Supplier<List<DMNMessage>> analysis, double budgetSeconds) {
        return run(analysis, budgetSeconds, KIE_TABLE_ANALYSIS);
    }

    static Outcome run(Supplier<List<DMNMessage>> analysis, double budgetSeconds, TableFrame table) {
        AtomicReference<List<DMNMessage>> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = started(analysis, result, failure);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long budgetNanos = (long) (budgetSeconds * 1_000_000_000L);
        long spentInTables = 0;
        long spentBefore = spent(threads, worker);
        int stopped = 0;
        boolean canStop = true;
        boolean interrupted = false;
        while (worker.isAlive()) {
            interrupted |= waitFor(worker);
            long spent = spent(threads, worker);
            StackTraceElement[] stack = worker.getStackTrace();
            // Only the time spent analysing tables counts: checking and compiling the models is not bounded here.
            if (inTableAnalysis(stack, table)) {
                spentInTables += spent - spentBefore;
            }
            spentBefore = spent;
            if (canStop && spentInTables > budgetNanos && safeToStop(stack, table) && worker.isAlive()) {
                canStop = stop(worker);
                if (canStop) {
                    stopped++;
                    spentInTables = 0;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw new AnalysisFailedException(failure.get());
        }
        return new Outcome(result.get(), stopped, budgetSeconds);
    }

    private static Thread started(Supplier<List<DMNMessage>> analysis, AtomicReference<List<DMNMessage>> result,
            AtomicReference<Throwable> failure) {
        Thread worker = new Thread(() -> {
            try {
                result.set(analysis.get());
            } catch (Throwable t) { // an analyser's own failure, passed on as it was
                failure.set(t);
            }
        }, "dmn-table-analysis");
        worker.setDaemon(true);
        worker.start();
        return worker;
    }

    /** Inside the analyser's work on one table, where whatever is thrown is caught and recorded for that table alone. */
    private static boolean inTableAnalysis(StackTraceElement[] stack, TableFrame table) {
        for (StackTraceElement frame : stack) {
            if (table.is(frame)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A point where a stop unwinds only the analyser's own objects: inside a table's analysis, and neither initialising
     * a class (which would leave it unusable for the JVM's life) nor in the FEEL compiler and its parser's shared caches.
     */
    static boolean safeToStop(StackTraceElement[] stack, TableFrame table) {
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            if (frame.getMethodName().equals("<clinit>") || type.startsWith("org.antlr.") || type.startsWith("org.kie.dmn.feel.")
                    || type.startsWith("java.lang.ClassLoader") || type.startsWith("jdk.internal.loader.")) {
                return false;
            }
            if (table.is(frame)) {
                return true;
            }
        }
        return false;
    }

    /** The analysis failed by itself, or broke off outside a table's analysis: nothing it found is known. */
    static final class AnalysisFailedException extends RuntimeException {
        AnalysisFailedException(Throwable cause) {
            super(cause);
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
                STOPPED_CODE, "the analysis of " + problem.table() + " was stopped after " + seconds(outcome.budgetSeconds())
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

    /** Waits a while for the worker; an interrupt does not end the wait (the caller would leave the worker running). */
    private static boolean waitFor(Thread worker) {
        try {
            worker.join(POLL_MILLIS);
            return false;
        } catch (InterruptedException e) {
            return true;
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
