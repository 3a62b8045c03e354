package org.rentrecovery.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Group commit semantics: a request's future completes only after its batch is written, and fails with it. */
class GroupCommitQueueTest {

    private static AuditRecord record(int n) {
        return JournalAuditStoreTest.record("Q-" + n, OffsetDateTime.of(2026, 11, 23, 12, 0, n, 0, ZoneOffset.UTC));
    }

    @Test
    void recordsWaitingTogetherAreWrittenAsOneBatchAndReleasedOnlyAfterIt() throws Exception {
        CountDownLatch firstBatchEntered = new CountDownLatch(1);
        CountDownLatch releaseFirstBatch = new CountDownLatch(1);
        List<List<AuditRecord>> batches = new CopyOnWriteArrayList<>();
        GroupCommitQueue.BatchWriter<AuditRecord> writer = batch -> {
            batches.add(List.copyOf(batch));
            firstBatchEntered.countDown();
            releaseFirstBatch.await();
        };
        try (GroupCommitQueue<AuditRecord> queue = new GroupCommitQueue<>("test", 100, 50, List.of(writer))) {
            CompletableFuture<Void> first = queue.submit(record(0));
            assertThat(firstBatchEntered.await(5, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Void>> waiting = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                waiting.add(queue.submit(record(i)));
            }
            // The writer is still inside the first batch: nobody has been released yet.
            assertThat(first).isNotDone();
            assertThat(waiting).noneMatch(CompletableFuture::isDone);
            releaseFirstBatch.countDown();
            CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            assertThat(first).isCompleted();
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).hasSize(10); // the ten that queued meanwhile shared one write
    }

    @Test
    void aFailedWriteFailsEveryRequestInTheBatchAndTheNextBatchIsTriedAfresh() throws Exception {
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        GroupCommitQueue.BatchWriter<AuditRecord> writer = batch -> {
            attempts.add(batch.size());
            if (attempts.size() == 1) {
                throw new java.sql.SQLException("Connection refused", "08001");
            }
        };
        try (GroupCommitQueue<AuditRecord> queue = new GroupCommitQueue<>("test", 100, 50, List.of(writer))) {
            CompletableFuture<Void> failed = queue.submit(record(0));
            assertThat(failed).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(AuditUnavailableException.class);
            assertThat(queue.submit(record(1))).succeedsWithin(Duration.ofSeconds(5));
        }
        assertThat(attempts).containsExactly(1, 1);
    }

    @Test
    void aPartlyWrittenBatchReleasesTheWrittenRecordsAndFailsOnlyTheRefusedOne() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        GroupCommitQueue.BatchWriter<AuditRecord> writer = batch -> {
            hold.await();
            if (batch.size() == 3) {
                throw new GroupCommitQueue.PartlyWritten(Map.of(1, new java.sql.SQLException("refused", "22P05")));
            }
        };
        try (GroupCommitQueue<AuditRecord> queue = new GroupCommitQueue<>("test", 100, 3, List.of(writer))) {
            // The first record is taken alone while the writer is held; the next three then form one batch.
            CompletableFuture<Void> alone = queue.submit(record(0));
            Thread.sleep(200);
            CompletableFuture<Void> a = queue.submit(record(1));
            CompletableFuture<Void> refused = queue.submit(record(2));
            CompletableFuture<Void> c = queue.submit(record(3));
            hold.countDown();
            assertThat(alone).succeedsWithin(Duration.ofSeconds(5));
            assertThat(a).succeedsWithin(Duration.ofSeconds(5));
            assertThat(c).succeedsWithin(Duration.ofSeconds(5));
            assertThat(refused).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(AuditUnavailableException.class);
        }
    }

    @Test
    void aFullQueueRefusesAtOnceInsteadOfGrowing() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        GroupCommitQueue.BatchWriter<AuditRecord> writer = batch -> hold.await();
        try (GroupCommitQueue<AuditRecord> queue = new GroupCommitQueue<>("test", 2, 1, List.of(writer))) {
            CompletableFuture<Void> inWriter = queue.submit(record(0));
            Thread.sleep(200); // taken by the writer, which is held
            CompletableFuture<Void> queued1 = queue.submit(record(1));
            CompletableFuture<Void> queued2 = queue.submit(record(2));
            CompletableFuture<Void> overflow = queue.submit(record(3));
            assertThat(overflow).isCompletedExceptionally();
            hold.countDown();
            assertThat(inWriter).succeedsWithin(Duration.ofSeconds(5));
            assertThat(queued1).succeedsWithin(Duration.ofSeconds(5));
            assertThat(queued2).succeedsWithin(Duration.ofSeconds(5));
        }
    }
}
