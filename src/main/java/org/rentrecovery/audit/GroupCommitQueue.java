package org.rentrecovery.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * Group commit: requests hand their record to one writer thread and wait; the writer takes every
 * record waiting at that moment, writes them as one batch in one transaction (or one fsync), and
 * only then completes each request's future. Concurrent requests therefore share a commit, and a
 * failed batch fails every request in it, so no answer leaves without its record.
 */
final class GroupCommitQueue implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GroupCommitQueue.class);

    /** Writes one batch durably, or throws; called only from the writer thread. */
    interface BatchWriter {
        void write(List<AuditRecord> batch) throws Exception;
    }

    private record Pending(AuditRecord record, CompletableFuture<Void> done) {
    }

    private final BlockingQueue<Pending> queue;
    private final int maxBatch;
    private final BatchWriter writer;
    private final Thread thread;
    private volatile boolean running = true;

    GroupCommitQueue(String name, int capacity, int maxBatch, BatchWriter writer) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.writer = writer;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    CompletableFuture<Void> submit(AuditRecord record) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new AuditUnavailableException("The decision audit is shutting down."));
        } else if (!queue.offer(new Pending(record, done))) {
            // A full queue means the store has fallen far behind; refusing keeps memory bounded.
            done.completeExceptionally(new AuditUnavailableException(
                    "The decision audit is saturated: " + queue.size() + " records are waiting to be written."));
        }
        return done;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        List<AuditRecord> records = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                for (Pending p : batch) {
                    records.add(p.record());
                }
                try {
                    writer.write(records);
                    batch.forEach(p -> p.done().complete(null));
                } catch (Exception | Error e) {
                    LOG.warnf("Could not record %d decision(s); their requests answer 503: %s", batch.size(), e.toString());
                    AuditUnavailableException failure = new AuditUnavailableException(
                            "The decision could not be recorded: " + e.getMessage(), e);
                    batch.forEach(p -> p.done().completeExceptionally(failure));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                batch.clear();
                records.clear();
            }
        }
        AuditUnavailableException stopped = new AuditUnavailableException("The decision audit stopped.");
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(stopped);
        }
    }

    /** Lets the writer finish what is queued, then stops it. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
