package org.rentrecovery.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rentrecovery.audit.JournalIndex.Position;
import org.rentrecovery.support.TestCases;

/**
 * The packed journal index answers every query exactly as the map-based index it replaced ({@link MapJournalIndex}):
 * ids found or not, a case's count and pages newest first, each case's latest in a period, whether any record is
 * older than a cutoff, and every record in file order, through growth, duplicate ids, unusual times and a clear.
 */
class JournalIndexTest {
    private static final OffsetDateTime NOON = OffsetDateTime.of(2026, 11, 23, 12, 0, 0, 0, ZoneOffset.UTC);
    /** Refs a real journal holds and the ones a packed string table could confuse: null, empty, accents, NUL, surrogates. */
    private static final List<String> CASES = Arrays.asList("HRA-1", "HRA-2", "HRA-10", null, "", "Café-ü-€", "\u0000",
            "\uD800", "\uDC00", "?", "HRA-" + "x".repeat(300), "Aa", "BB"); // "Aa" and "BB" share a String hash

    @TempDir
    Path dir;

    @Test
    void growsPastItsInitialCapacityAndFindsEveryRecord() {
        JournalIndex index = new JournalIndex(4);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = new UUID(0, i); // ids that differ in a few low bits: the table must still spread them
            ids.add(id);
            index.remember(id, "HRA-" + (i % 700), NOON.plusSeconds(i), new Position(100L * i, 100, true));
        }
        for (int i = 0; i < ids.size(); i++) {
            assertThat(index.positionOf(ids.get(i))).isEqualTo(new Position(100L * i, 100, true));
        }
        assertThat(index.decisionsOf("HRA-3")).isEqualTo(15); // 3, 703, …, 9803
        assertThat(index.pageOf("HRA-3", 0, 2)).containsExactly(new Position(980_300, 100, true),
                new Position(910_300, 100, true));
        assertThat(index.inFileOrder()).hasSize(10_000).first().isEqualTo(new Position(0, 100, true));
        assertThat(index.latestPerCaseDecidedBetween(NOON, NOON.plusSeconds(10_000))).hasSize(700);
    }

    @Test
    void anAbsentIdOrCaseFindsNothing() {
        JournalIndex index = new JournalIndex();
        assertThat(index.positionOf(UUID.randomUUID())).isNull();
        assertThat(index.pageOf("HRA-1", 0, 20)).isEmpty();
        assertThat(index.inFileOrder()).isEmpty();
        assertThat(index.anyDecidedBefore(OffsetDateTime.MAX)).isFalse();
        index.remember(UUID.randomUUID(), "HRA-1", NOON, new Position(0, 10, true));
        assertThat(index.positionOf(UUID.randomUUID())).isNull();
        assertThat(index.decisionsOf("HRA-2")).isZero();
        assertThat(index.decisionsOf(null)).isZero();
        assertThat(index.decisionsOf("")).isZero();
        assertThat(index.pageOf("HRA-1", 1, 20)).isEmpty();
        assertThatThrownBy(() -> index.pageOf("HRA-1", -1, 20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDuplicateIdIsFoundAtItsLaterRecordAndListedOncePerCaseAndTime() {
        JournalIndex index = new JournalIndex();
        UUID id = UUID.randomUUID();
        index.remember(id, "HRA-1", NOON, new Position(0, 10, true));
        index.remember(id, "HRA-1", NOON, new Position(10, 12, false));
        assertThat(index.positionOf(id)).isEqualTo(new Position(10, 12, false));
        assertThat(index.decisionsOf("HRA-1")).isEqualTo(1);
        assertThat(index.inFileOrder()).containsExactly(new Position(10, 12, false));

        index.remember(id, "HRA-2", NOON.plusMinutes(1), new Position(23, 9, true));
        assertThat(index.pageOf("HRA-1", 0, 5)).containsExactly(new Position(23, 9, true));
        assertThat(index.pageOf("HRA-2", 0, 5)).containsExactly(new Position(23, 9, true));
        assertThat(index.latestPerCaseDecidedBetween(NOON, NOON.plusHours(1))).containsExactly(id, id);
        assertThat(index.inFileOrder()).containsExactly(new Position(23, 9, true));
    }

    @Test
    void aReopenedJournalRebuildsAnIndexThatAnswersAsBefore() throws Exception {
        Random random = new Random(2);
        List<AuditRecord> written = new ArrayList<>();
        List<CompletableFuture<Void>> appended = new ArrayList<>();
        Path file = dir.resolve("journal.ndjson");
        List<Object> before;
        try (JournalAuditStore store = new JournalAuditStore(file, TestCases.MAPPER, 5000, 50)) {
            for (int i = 0; i < 3_000; i++) { // past the index's initial 1,024 records
                AuditRecord r = JournalAuditStoreTest.record("HRA-" + random.nextInt(40),
                        NOON.plusSeconds(i).minusMinutes(random.nextInt(20) == 0 ? 30 : 0));
                written.add(r);
                appended.add(store.append(r));
            }
            CompletableFuture.allOf(appended.toArray(CompletableFuture[]::new)).get();
            before = answers(store, written);
        }
        try (JournalAuditStore reopened = new JournalAuditStore(file, TestCases.MAPPER, 5000, 50)) {
            assertThat(reopened.recovery().records()).isEqualTo(3_000);
            assertThat(answers(reopened, written)).isEqualTo(before);
            assertThat(reopened.find(UUID.randomUUID())).isEmpty();
        }
        assertThat(((AuditStore.Page) before.get(1)).records()).hasSize(20)
                .isSortedAccordingTo(Comparator.comparing(AuditRecord::decidedAt).reversed());
    }

    /** Every record by id, each case's pages of 20 with its total, and each case's latest in a period. */
    private static List<Object> answers(JournalAuditStore store, List<AuditRecord> written) {
        List<Object> answers = new ArrayList<>();
        for (AuditRecord r : written) {
            assertThat(store.find(r.decisionId())).contains(r);
        }
        answers.add(written.size());
        for (int c = 0; c < 40; c++) {
            for (int page = 0; page * 20 <= store.list("HRA-" + c, 0, 20).total(); page++) {
                answers.add(store.list("HRA-" + c, page, 20));
            }
        }
        List<AuditRecord> latest = new ArrayList<>();
        store.latestPerCaseDecidedBetween(NOON.plusMinutes(10), NOON.plusMinutes(20), latest::add, unreadable -> {
            throw unreadable;
        });
        latest.sort(Comparator.comparing(AuditRecord::caseRef));
        answers.add(latest);
        return answers;
    }

    @Test
    void answersEveryQueryAsTheMapBasedIndexDid() {
        Random random = new Random(16);
        JournalIndex packed = new JournalIndex(8);
        MapJournalIndex reference = new MapJournalIndex();
        List<UUID> ids = fill(random, packed, reference, 20_000);
        assertSameAnswers(random, packed, reference, ids);

        packed.clear();
        reference.clear();
        assertSameAnswers(random, packed, reference, ids);
        ids = fill(random, packed, reference, 3_000);
        assertSameAnswers(random, packed, reference, ids);
    }

    /** Mostly UTC times moving forward with ties and stragglers, some other offsets and far years; a few ids again. */
    private static List<UUID> fill(Random random, JournalIndex packed, MapJournalIndex reference, int records) {
        List<UUID> ids = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < records; i++) {
            UUID id = !ids.isEmpty() && random.nextInt(50) == 0 ? ids.get(random.nextInt(ids.size()))
                    : random.nextInt(100) == 0 ? new UUID(random.nextInt(3) - 1L, random.nextInt(3) - 1L) : UUID.randomUUID();
            String caseRef = CASES.get(random.nextInt(CASES.size()));
            Position at = new Position(offset, 1 + random.nextInt(2000), random.nextInt(10) != 0);
            offset += at.extent();
            OffsetDateTime decidedAt = timeFor(random, i);
            packed.remember(id, caseRef, decidedAt, at);
            reference.remember(id, caseRef, decidedAt, at);
            ids.add(id);
        }
        return ids;
    }

    private static OffsetDateTime timeFor(Random random, int i) {
        OffsetDateTime time = NOON.plusSeconds(i / 3).plusNanos(random.nextInt(3));
        return switch (random.nextInt(40)) {
            case 0 -> time.minusHours(random.nextInt(48)); // appended out of order
            case 1 -> time.withOffsetSameInstant(ZoneOffset.ofHours(random.nextInt(25) - 12));
            case 2 -> time.withOffsetSameLocal(ZoneOffset.ofHours(1)); // another instant, same wall clock
            case 3 -> time.withYear(1500);
            case 4 -> time.withYear(2300);
            case 5 -> random.nextBoolean() ? OffsetDateTime.MIN : OffsetDateTime.MAX;
            default -> time;
        };
    }

    private static void assertSameAnswers(Random random, JournalIndex packed, MapJournalIndex reference, List<UUID> ids) {
        for (UUID id : ids) {
            assertThat(packed.positionOf(id)).isEqualTo(reference.positionOf(id));
        }
        assertThat(packed.positionOf(UUID.randomUUID())).isNull();
        List<String> refs = new ArrayList<>(CASES);
        refs.add("HRA-3");
        for (String caseRef : refs) {
            assertThat(packed.decisionsOf(caseRef)).as(String.valueOf(caseRef)).isEqualTo(reference.decisionsOf(caseRef));
            for (int size : new int[] {1, 7, 500}) {
                for (int page = 0; (long) page * size <= reference.decisionsOf(caseRef); page++) {
                    assertThat(packed.pageOf(caseRef, page, size)).isEqualTo(reference.pageOf(caseRef, page, size));
                }
            }
        }
        List<OffsetDateTime> bounds = List.of(OffsetDateTime.MIN, NOON.withYear(1500), NOON.minusHours(3),
                NOON.plusSeconds(random.nextInt(8000)), NOON.plusSeconds(random.nextInt(8000)).withOffsetSameLocal(ZoneOffset.ofHours(5)),
                NOON.withYear(2300), OffsetDateTime.MAX);
        for (OffsetDateTime from : bounds) {
            for (OffsetDateTime until : bounds) {
                assertThat(packed.latestPerCaseDecidedBetween(from, until))
                        .containsExactlyInAnyOrderElementsOf(reference.latestPerCaseDecidedBetween(from, until));
            }
            assertThat(packed.anyDecidedBefore(from)).isEqualTo(reference.anyDecidedBefore(from));
        }
        assertThat(packed.inFileOrder()).isEqualTo(reference.inFileOrder());
    }
}
