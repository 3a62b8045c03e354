package org.rentrecovery.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.rentrecovery.security.LogSafe;

/**
 * Group commit: requests hand their record to a writer thread and wait; a writer takes every
 * record waiting at that moment, writes them as one batch in one transaction (or one fsync), and
 * only then completes each request's future. Concurrent requests therefore share a commit, and a
 * failed batch fails every request in it, so no answer leaves without its record. With more than
 * one writer (each with its own connection), one batch is filled and inserted while another waits
 * for its commit to reach the disk. What is queued ({@code E}) is a record, or a record with what its store already
 * made of it on the request's thread (PostgreSQL: the compressed payload), so that work is not done one record after
 * another on the writer's thread while the batch's requests wait.
 */
final class GroupCommitQueue<E extends GroupCommitQueue.Identified> implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GroupCommitQueue.class);

    /** What a queued element is named by in the log when it cannot be written ({@link AuditRecord} is one). */
    interface Identified {
        UUID decisionId();

        String caseRef();
    }

    /** Writes one batch durably, or throws; called only from the writer thread. */
    interface BatchWriter<E> {
        void write(List<E> batch) throws Exception;
    }

    /**
     * Thrown by a writer that committed part of a batch: the records at {@code failed} (indexes into
     * the batch) were refused by the store for their own content; every other record is durable.
     */
    static final class PartlyWritten extends Exception {
        final java.util.Map<Integer, Exception> failed;

        PartlyWritten(java.util.Map<Integer, Exception> failed) {
            super(failed.size() + " record(s) of the batch were refused");
            this.failed = failed;
        }
    }

    /**
     * Told of every batch a writer finished, for the metrics (batch sizes, failures); called on the
     * writer's thread, so it must not block.
     */
    interface BatchListener {
        BatchListener NONE = new BatchListener() {
            @Override
            public void written(int size) {
            }

            @Override
            public void failed(int size) {
            }
        };

        /** A batch of {@code size} records is durable (possibly with some records refused, counted by {@link #failed}). */
        void written(int size);

        /** {@code size} records could not be recorded; their requests answer 503. */
        void failed(int size);

        /** Given once, at construction: how many records wait for a writer (the audit queue depth). */
        default void attached(java.util.function.IntSupplier depth) {
        }
    }

    private record Pending<E>(E record, CompletableFuture<Void> done) {
    }

    private final BlockingQueue<Pending<E>> queue;
    private final int maxBatch;
    private final BatchListener listener;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    /** One writer thread per element of {@code writers}; a writer is only ever called from its own thread. */
    GroupCommitQueue(String name, int capacity, int maxBatch, List<? extends BatchWriter<E>> writers) {
        this(name, capacity, maxBatch, writers, BatchListener.NONE);
    }

    GroupCommitQueue(String name, int capacity, int maxBatch, List<? extends BatchWriter<E>> writers, BatchListener listener) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.listener = listener;
        listener.attached(queue::size);
        for (int i = 0; i < writers.size(); i++) {
            BatchWriter<E> writer = writers.get(i);
            Thread thread = new Thread(() -> run(writer), name + "-" + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    CompletableFuture<Void> submit(E record) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new AuditUnavailableException("The decision audit is shutting down."));
        } else if (!queue.offer(new Pending<>(record, done))) {
            // A full queue means the store has fallen far behind; refusing keeps memory bounded.
            listener.failed(1);
            done.completeExceptionally(new AuditUnavailableException(
                    "The decision audit is saturated: " + queue.size() + " records are waiting to be written."));
        }
        return done;
    }

    private void run(BatchWriter<E> writer) {
        List<Pending<E>> batch = new ArrayList<>(maxBatch);
        List<E> records = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending<E> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                for (Pending<E> p : batch) {
                    records.add(p.record());
                }
                write(writer, batch, records);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                batch.clear();
                records.clear();
            }
        }
        AuditUnavailableException stopped = new AuditUnavailableException("The decision audit stopped.");
        Pending<E> left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(stopped);
        }
    }

    /** Writes one batch in one go and answers each of its requests: recorded, or a 503 naming no personal data. */
    private void write(BatchWriter<E> writer, List<Pending<E>> batch, List<E> records) {
        try {
            writer.write(records);
            batch.forEach(p -> p.done().complete(null));
            listener.written(batch.size());
        } catch (PartlyWritten partly) {
            completePartly(batch, partly);
        } catch (Exception | Error e) {
            LOG.warnf("Could not record %d decision(s) (first %s, %s); their requests answer 503: %s", batch.size(),
                    batch.get(0).record().decisionId(), LogSafe.caseRefHash(batch.get(0).record().caseRef()),
                    LogSafe.describe(e));
            AuditUnavailableException failure = new AuditUnavailableException(
                    "The decision could not be recorded: " + LogSafe.describe(e), e);
            batch.forEach(p -> p.done().completeExceptionally(failure));
            listener.failed(batch.size());
        }
    }

    /** Completes the records the store took and fails, with a 503 each, the ones it refused. */
    private void completePartly(List<Pending<E>> batch, PartlyWritten partly) {
        listener.written(batch.size());
        listener.failed(partly.failed.size());
        for (int i = 0; i < batch.size(); i++) {
            Exception refused = partly.failed.get(i);
            if (refused == null) {
                batch.get(i).done().complete(null);
            } else {
                // Never the exception's message: the driver puts the failed row's values in it.
                LOG.errorf("Decision %s (%s) could not be recorded and is not answered: %s",
                        batch.get(i).record().decisionId(), LogSafe.caseRefHash(batch.get(i).record().caseRef()),
                        LogSafe.describe(refused));
                batch.get(i).done().completeExceptionally(new AuditUnavailableException(
                        "The decision could not be recorded: " + LogSafe.describe(refused), refused));
            }
        }
    }

    /** Lets the writer finish what is queued, then stops it. */
    @Override
    public void close() {
        running = false;
        try {
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
