package org.rentrecovery.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rentrecovery.support.TestCases;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The embedded journal: durable appends, reads by id and by case, recovery after a torn write, retention. */
class JournalAuditStoreTest {
    private static final ObjectMapper MAPPER = TestCases.MAPPER;
    private static final OffsetDateTime NOON = OffsetDateTime.of(2026, 11, 23, 12, 0, 0, 0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    static AuditRecord record(String caseRef, OffsetDateTime decidedAt) {
        UUID id = UUID.randomUUID();
        return new AuditRecord(id, caseRef, "next-action", decidedAt, LocalDate.of(2026, 11, 23), "2026.11.0", "abc1234",
                812, List.of("facts#arrears", "EscalationStep/serve-notice"),
                "{\"caseRef\":\"" + caseRef + "\",\"account\":{\"balance\":150.00}}",
                "{\"decisionId\":\"" + id + "\",\"nextAction\":{\"type\":\"SEND_REMINDER_LETTER_1\"},\"arrears\":{\"weeksOfRent\":1.50}}");
    }

    private JournalAuditStore open() {
        return new JournalAuditStore(dir.resolve("journal.ndjson"), MAPPER, 1000, 50);
    }

    @Test
    void aRecordIsReadBackWithTheSameContentAfterItsAppendCompletes() throws Exception {
        AuditRecord written = record("HRA-1", NOON);
        try (JournalAuditStore store = open()) {
            store.append(written).get();
            assertThat(store.find(written.decisionId())).contains(written);
            assertThat(store.find(UUID.randomUUID())).isEmpty();
        }
        byte[] file = Files.readAllBytes(dir.resolve("journal.ndjson"));
        // One binary record: the request, answer and rules are one compressed payload, as in PostgreSQL; what is read
        // back is the exact text.
        assertThat(JournalFileWalk.of(dir.resolve("journal.ndjson")).binaryRecords()).hasSize(1);
        assertThat(file[0]).isEqualTo(JournalFrame.FORMAT_1);
        assertThat(new String(file, StandardCharsets.ISO_8859_1)).contains("HRA-1").doesNotContain("weeksOfRent")
                .doesNotContain("request");
        try (JournalAuditStore reopened = open()) {
            AuditRecord read = reopened.find(written.decisionId()).orElseThrow();
            assertThat(read).isEqualTo(written);
            assertThat(read.requestJson()).isEqualTo("{\"caseRef\":\"HRA-1\",\"account\":{\"balance\":150.00}}");
        }
    }

    @Test
    void aJournalWrittenBeforeCompressionIsStillReadAsItWas() throws Exception {
        AuditRecord old = record("HRA-OLD", NOON);
        String line = "{\"decisionId\":\"" + old.decisionId() + "\",\"caseRef\":\"HRA-OLD\",\"endpoint\":\"next-action\","
                + "\"decidedAt\":\"2026-11-23T12:00:00Z\",\"asOf\":\"2026-11-23\",\"policyVersion\":\"2026.11.0\","
                + "\"policyBuild\":\"abc1234\",\"evaluationMicros\":812,\"rulesFired\":[\"facts#arrears\","
                + "\"EscalationStep/serve-notice\"],\"request\":" + old.requestJson() + ",\"response\":" + old.responseJson() + "}\n";
        Files.writeString(dir.resolve("journal.ndjson"), line);
        AuditRecord added = record("HRA-OLD", NOON.plusHours(1));
        try (JournalAuditStore store = open()) {
            assertThat(store.find(old.decisionId())).contains(old);
            store.append(added).get();
        }
        try (JournalAuditStore store = open()) {
            assertThat(store.list("HRA-OLD", 0, 10).records()).containsExactly(added, old);
        }
    }

    @Test
    void reopeningIndexesACaseRefBeyondAsciiAndTimesAtAnyOffset() throws Exception {
        // the open reads each head where it lies, taking an ASCII case ref and a UTC time by a shorter way
        String caseRef = "HRA-\u00dc\u20ac-7";
        AuditRecord east = record(caseRef, OffsetDateTime.of(2026, 11, 23, 13, 0, 0, 5, ZoneOffset.ofHours(1)));
        AuditRecord west = record(caseRef, OffsetDateTime.of(2026, 11, 23, 7, 30, 0, 0, ZoneOffset.ofHours(-5)));
        AuditRecord utc = record("HRA-3", NOON);
        try (JournalAuditStore store = open()) {
            for (AuditRecord r : List.of(east, west, utc)) {
                store.append(r).get();
            }
        }
        try (JournalAuditStore reopened = open()) {
            assertThat(reopened.recovery().records()).isEqualTo(3);
            assertThat(reopened.list(caseRef, 0, 10).records()).containsExactly(west, east); // 12:30Z after 12:00Z
            assertThat(reopened.list("HRA-3", 0, 10).records()).containsExactly(utc);
            assertThat(reopened.find(east.decisionId()).orElseThrow().decidedAt()).isEqualTo(east.decidedAt());
        }
    }

    @Test
    void aCaseListsNewestFirstInPagesWithItsTotal() throws Exception {
        List<AuditRecord> written = new ArrayList<>();
        try (JournalAuditStore store = open()) {
            for (int i = 0; i < 5; i++) {
                AuditRecord r = record("HRA-2", NOON.plusMinutes(i));
                written.add(r);
                store.append(r).get();
            }
            store.append(record("OTHER", NOON)).get();

            AuditStore.Page first = store.list("HRA-2", 0, 2);
            assertThat(first.total()).isEqualTo(5);
            assertThat(first.records()).containsExactly(written.get(4), written.get(3));
            assertThat(store.list("HRA-2", 2, 2).records()).containsExactly(written.get(0));
            assertThat(store.list("HRA-2", 3, 2).records()).isEmpty();
            assertThat(store.list("NONE", 0, 20).total()).isZero();
        }
    }

    /**
     * A record whose frame is whole (length and checksum right) but whose payload does not decompress is handed to the
     * period's {@code unreadable} callback, and the period's other records are still given.
     */
    @Test
    void aPeriodHandsOnARecordWhosePayloadDoesNotDecodeAndGivesTheOthers() throws Exception {
        AuditRecord readable = record("HRA-6", NOON);
        AuditRecord damaged = record("HRA-7", NOON.plusMinutes(1));
        try (JournalAuditStore store = open()) {
            store.append(readable).get();
            store.append(damaged).get();
        }
        damagePayloadOfLastRecord(damaged);

        try (JournalAuditStore store = open()) {
            List<AuditRecord> seen = new ArrayList<>();
            List<UnreadableAuditRecordException> unreadable = new ArrayList<>();
            store.latestPerCaseDecidedBetween(NOON.minusHours(1), NOON.plusHours(1), seen::add, unreadable::add);
            assertThat(seen).containsExactly(readable);
            assertThat(unreadable).singleElement().satisfies(e -> {
                assertThat(e.decisionId()).isEqualTo(damaged.decisionId());
                assertThat(e.caseRef()).isEqualTo("HRA-7");
                assertThat(e.getMessage()).contains("could not be read back").doesNotContain("HRA-7");
            });
            assertThatThrownBy(() -> store.find(damaged.decisionId())).isInstanceOf(UnreadableAuditRecordException.class);
            assertThat(store.find(readable.decisionId())).contains(readable);
        }
    }

    /**
     * The retention purge tells an expired record by the time the index holds, so a record whose payload no longer
     * decodes neither stops it nor is lost: kept byte for byte while within the period, purged once expired.
     */
    @Test
    void retentionPurgeKeepsOrDropsARecordWhosePayloadDoesNotDecodeByItsTimeAlone() throws Exception {
        AuditRecord expired = record("HRA-9", NOON.minusDays(2));
        AuditRecord kept = record("HRA-9", NOON.plusMinutes(1));
        AuditRecord damagedKept = record("HRA-10", NOON.plusMinutes(2));
        try (JournalAuditStore store = open()) {
            for (AuditRecord r : List.of(expired, kept, damagedKept)) {
                store.append(r).get();
            }
        }
        damagePayloadOfLastRecord(damagedKept);
        Path journal = dir.resolve("journal.ndjson");
        byte[] damagedFrame = tail(Files.readAllBytes(journal), frameLength(damagedKept));

        try (JournalAuditStore store = open()) {
            assertThat(store.purgeDecidedBefore(NOON.minusDays(1), 1000)).isEqualTo(1);
            assertThat(store.find(expired.decisionId())).isEmpty();
            assertThat(store.find(kept.decisionId())).contains(kept);
            assertThatThrownBy(() -> store.find(damagedKept.decisionId())).isInstanceOf(UnreadableAuditRecordException.class);
            assertThat(tail(Files.readAllBytes(journal), damagedFrame.length)).isEqualTo(damagedFrame);

            assertThat(store.purgeDecidedBefore(NOON.plusDays(1), 1000)).isEqualTo(2);
            assertThat(store.find(damagedKept.decisionId())).isEmpty();
            assertThat(Files.size(journal)).isZero();
        }
    }

    /** Spoils the zstd frame header of the journal's last record, its frame's checksum made right again. */
    private void damagePayloadOfLastRecord(AuditRecord last) throws Exception {
        Path journal = dir.resolve("journal.ndjson");
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(journal));
        int frameAt = file.capacity() - frameLength(last);
        int payloadAt = file.capacity() - payloadLength(last);
        file.put(payloadAt + 2, (byte) 0xFF);   // the zstd frame header's descriptor: reserved bits set
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(file.duplicate().position(frameAt + JournalFrame.HEADER_BYTES));
        file.putInt(frameAt + 5, (int) crc.getValue());
        Files.write(journal, file.array());
    }

    private static int payloadLength(AuditRecord r) {
        return AuditPayload.encode(AuditPayload.JOURNAL, r.decisionId(), r.requestJson(), r.response(), r.rulesFired()).length;
    }

    private static int frameLength(AuditRecord r) {
        return JournalFrame.of(r).length;
    }

    private static byte[] tail(byte[] bytes, int length) {
        return java.util.Arrays.copyOfRange(bytes, bytes.length - length, bytes.length);
    }

    /**
     * The same for a line of the NDJSON journal of 2026-12-01 whose payload does not decompress, or is not even base64
     * (the line still parses, so the store is readable and only that record is not).
     */
    @ParameterizedTest
    @ValueSource(strings = {"BgH/AAAA", "not base64!"})
    void anNdjsonLineWhosePayloadDoesNotDecodeIsThatRecordsUnreadableException(String damagedPayload) throws Exception {
        UUID id = UUID.randomUUID();
        assertThat(java.util.Base64.getEncoder().encodeToString(new byte[] {6, 1, (byte) 0xFF, 0, 0, 0})).isEqualTo("BgH/AAAA");
        Files.writeString(dir.resolve("journal.ndjson"), "{\"decisionId\":\"" + id + "\",\"caseRef\":\"HRA-8\","
                + "\"endpoint\":\"next-action\",\"decidedAt\":\"2026-11-23T12:00:00Z\",\"asOf\":\"2026-11-23\","
                + "\"evaluationMicros\":812,\"payload\":\"" + damagedPayload + "\"}\n");
        try (JournalAuditStore store = open()) {
            assertThatThrownBy(() -> store.find(id)).isInstanceOfSatisfying(UnreadableAuditRecordException.class, e -> {
                assertThat(e.decisionId()).isEqualTo(id);
                assertThat(e.caseRef()).isEqualTo("HRA-8");
            });
        }
    }

    @Test
    void aPeriodGivesEachCasesLatestRecordDecidedInIt() throws Exception {
        try (JournalAuditStore store = open()) {
            AuditRecord earlier = record("HRA-3", NOON.minusDays(1));
            AuditRecord inPeriod = record("HRA-3", NOON);
            AuditRecord latestInPeriod = record("HRA-3", NOON.plusHours(3));
            AuditRecord after = record("HRA-3", NOON.plusDays(1));
            AuditRecord other = record("HRA-4", NOON.plusMinutes(5));
            AuditRecord outside = record("HRA-5", NOON.minusDays(2));
            for (AuditRecord r : List.of(earlier, inPeriod, latestInPeriod, after, other, outside)) {
                store.append(r).get();
            }
            List<AuditRecord> seen = new ArrayList<>();
            store.latestPerCaseDecidedBetween(NOON.minusHours(12), NOON.plusHours(12), seen::add, unreadable -> {
                throw unreadable;
            });
            assertThat(seen).containsExactlyInAnyOrder(latestInPeriod, other);
        }
    }

    @Test
    void concurrentAppendsShareBatchesAndEveryOneIsRecordedOnce() throws Exception {
        List<AuditRecord> written = new ArrayList<>();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        try (JournalAuditStore store = open()) {
            for (int i = 0; i < 300; i++) {
                AuditRecord r = record("HRA-3", NOON.plusSeconds(i));
                written.add(r);
                done.add(CompletableFuture.supplyAsync(() -> store.append(r)).thenCompose(f -> f));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get();
            assertThat(store.list("HRA-3", 0, 100).total()).isEqualTo(300);
        }
        assertThat(JournalFileWalk.of(dir.resolve("journal.ndjson")).records()).isEqualTo(300);
        try (JournalAuditStore reopened = open()) {
            assertThat(reopened.recovery().records()).isEqualTo(300);
            for (AuditRecord r : written) {
                assertThat(reopened.find(r.decisionId())).contains(r);
            }
        }
    }

    @Test
    void reopeningRebuildsTheIndexAndCutsOffATornLastLine() throws Exception {
        AuditRecord kept = record("HRA-4", NOON);
        try (JournalAuditStore store = open()) {
            store.append(kept).get();
        }
        Path file = dir.resolve("journal.ndjson");
        long intact = Files.size(file);
        Files.write(file, "{\"decisionId\":\"0193".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        AuditRecord next = record("HRA-4", NOON.plusMinutes(1));
        try (JournalAuditStore store = open()) {
            assertThat(Files.size(file)).isEqualTo(intact);
            assertThat(store.find(kept.decisionId())).contains(kept);
            store.append(next).get();
            assertThat(store.list("HRA-4", 0, 10).records()).containsExactly(next, kept);
        }
        JournalFileWalk walk = JournalFileWalk.of(file);
        assertThat(walk.records()).isEqualTo(2);
        assertThat(walk.endsOnARecord()).isTrue();
    }

    @Test
    void retentionPurgeDeletesOnlyRecordsDecidedBeforeTheCutoff() throws Exception {
        OffsetDateTime cutoff = NOON;
        AuditRecord justBefore = record("HRA-5", cutoff.minusNanos(1000));
        AuditRecord atCutoff = record("HRA-5", cutoff);
        AuditRecord after = record("HRA-5", cutoff.plusSeconds(1));
        try (JournalAuditStore store = open()) {
            for (AuditRecord r : List.of(justBefore, atCutoff, after)) {
                store.append(r).get();
            }
            assertThat(store.purgeDecidedBefore(cutoff, 1000)).isEqualTo(1);
            assertThat(store.find(justBefore.decisionId())).isEmpty();
            assertThat(store.list("HRA-5", 0, 10).records()).containsExactly(after, atCutoff);
            assertThat(store.purgeDecidedBefore(cutoff, 1000)).isZero();
            AuditRecord later = record("HRA-5", cutoff.plusSeconds(2));
            store.append(later).get();
            assertThat(store.find(later.decisionId())).contains(later);
        }
        try (JournalAuditStore reopened = open()) {
            assertThat(reopened.list("HRA-5", 0, 10).total()).isEqualTo(3);
        }
    }

    /** What a crash mid-write can leave after the last whole record: its start, all of it with a wrong checksum, or zeros. */
    @Test
    void aTornBinaryRecordIsCutOffAndEveryWholeRecordBeforeItIsServed() throws Exception {
        Path file = dir.resolve("journal.ndjson");
        List<AuditRecord> kept = new ArrayList<>();
        try (JournalAuditStore store = open()) {
            for (int i = 0; i < 3; i++) {
                kept.add(record("HRA-T", NOON.plusMinutes(i)));
                store.append(kept.get(i)).get();
            }
        }
        long intact = Files.size(file);
        byte[] next = JournalFrame.of(record("HRA-T", NOON.plusHours(1)));
        byte[] badChecksum = next.clone();
        badChecksum[next.length - 5] ^= 0x20;
        for (byte[] tail : List.of(java.util.Arrays.copyOf(next, 5), java.util.Arrays.copyOf(next, next.length - 1),
                badChecksum, new byte[4096], java.util.Arrays.copyOf(next, JournalFrame.HEADER_BYTES))) {
            Files.write(file, tail, StandardOpenOption.APPEND);
            try (JournalAuditStore store = open()) {
                assertThat(store.recovery().torn()).isTrue();
                assertThat(store.recovery().tornAt()).isEqualTo(intact);
                assertThat(store.recovery().records()).isEqualTo(3);
                assertThat(Files.size(file)).isEqualTo(intact);
                for (AuditRecord r : kept) {
                    assertThat(store.find(r.decisionId())).contains(r);
                }
            }
        }
        AuditRecord after = record("HRA-T", NOON.plusHours(2));
        try (JournalAuditStore store = open()) {
            assertThat(store.recovery().torn()).isFalse();
            store.append(after).get();
        }
        try (JournalAuditStore store = open()) {
            assertThat(store.list("HRA-T", 0, 10).records()).containsExactly(after, kept.get(2), kept.get(1), kept.get(0));
        }
    }

    /** A record damaged with whole records after it is not what a crash leaves: the journal is refused and left as it is. */
    @Test
    void aDamagedRecordWithWholeRecordsAfterItIsRefusedNotCut() throws Exception {
        Path file = dir.resolve("journal.ndjson");
        try (JournalAuditStore store = open()) {
            for (int i = 0; i < 3; i++) {
                store.append(record("HRA-D", NOON.plusMinutes(i))).get();
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        int second = JournalFileWalk.of(file).binaryRecords().get(0).length;
        bytes[second + 40] ^= 0x01;
        Files.write(file, bytes);
        org.assertj.core.api.Assertions.assertThatThrownBy(this::open)
                .hasRootCauseMessage("the record at byte " + second + " of " + file.toAbsolutePath() + " (after 1 records) is "
                        + "damaged and whole records follow it; the journal is damaged, not torn by a crash, and is not cut");
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    /** The goal of issue 16: at most 1 KB a recorded decision, with the request and answer given back exactly. */
    @Test
    void realDecisionsTakeLessThanAKilobyteARecordAndAreGivenBackExactly() throws Exception {
        List<AuditRecord> written = new ArrayList<>();
        try (JournalAuditStore store = open()) {
            for (String[] d : AuditPayloadTest.decisions()) {
                UUID id = UUID.fromString(MAPPER.readTree(d[1]).path("decisionId").asText());
                AuditRecord r = new AuditRecord(id, "HRA-REAL", "next-action", NOON, LocalDate.of(2026, 11, 23), "2026.11.0",
                        "abc1234", 812, List.of("facts#arrears", "EscalationStep/letter-1"), d[0], d[1], UUID.randomUUID());
                written.add(r);
                store.append(r).get();
            }
        }
        long perRecord = Files.size(dir.resolve("journal.ndjson")) / written.size();
        assertThat(perRecord).as("bytes a record").isLessThan(1024);
        try (JournalAuditStore reopened = open()) {
            for (AuditRecord r : written) {
                assertThat(reopened.find(r.decisionId())).contains(r);
            }
        }
    }
}
