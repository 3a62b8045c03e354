package org.rentrecovery.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;

/**
 * Journal record format 1 read back: frames an earlier build wrote still read, the index's head takes the same fields
 * as a whole read, and a frame whose body stops inside its fields is refused rather than read past its end.
 */
class JournalFrameTest {
    private static final UUID DECISION_ID = UUID.fromString("6f1c2a4e-0b7d-4a51-9c3e-2d8f5e6a7b90");
    private static final UUID RUN_ID = UUID.fromString("0a9b8c7d-6e5f-4a3b-8c1d-0e2f3a4b5c6d");
    private static final OffsetDateTime DECIDED_AT = OffsetDateTime.of(2026, 11, 23, 12, 30, 15, 123_456_789,
            ZoneOffset.ofHours(1));
    private static final String CASE_REF = "HRA-\u0141\u00f3d\u017a-7"; // not ASCII: read as modified UTF-8

    /** {@link #everyField()} as JournalFrame.of wrote it at 83fd903 (every optional field present). */
    private static final String STORED_EVERY_FIELD = "sQAAAKkShPRHbxwqTgt9SlGcPi2PXmp7kH8ADUhSQS3FgcOzZMW6LTcAC25leHQtYWN0aW9uAAAAAGs"
            + "EI8cHW80VAAAOEAAAAAAAAFEsAAkyMDI2LjExLjAAB2FiYzEyMzQAAAAAAAADLAqbjH1uX0o7jB0OLzpLXG0EAUNeW+8R5Kh7tPHw5pSju3TB6zmxLBE3BC6mNjDA"
            + "vjIU9+FpmItVgSbg3wABqh2AZ1WCFpwAAA==";
    /** {@link #noOptionalField()} as JournalFrame.of wrote it at 83fd903. */
    private static final String STORED_NO_OPTIONAL_FIELD = "sQAAACIrQcVYbxwqTgt9SlGcPi2PXmp7kAAAAAAAAAAAAAQBq8ayxrMWAA==";

    private static AuditRecord everyField() {
        return new AuditRecord(DECISION_ID, CASE_REF, "next-action", DECIDED_AT, LocalDate.of(2026, 11, 23), "2026.11.0",
                "abc1234", 812, List.of("facts#arrears", "EscalationStep/serve-notice"),
                "{\"caseRef\":\"" + CASE_REF + "\",\"account\":{\"balance\":150.00}}",
                "{\"decisionId\":\"" + DECISION_ID + "\",\"nextAction\":{\"type\":\"SEND_REMINDER_LETTER_1\"}}", RUN_ID);
    }

    private static AuditRecord noOptionalField() {
        return new AuditRecord(DECISION_ID, null, null, null, null, null, null, 0, List.of(), "{}",
                "{\"decisionId\":\"" + DECISION_ID + "\"}", null);
    }

    @Test
    void framesWrittenByAnEarlierBuildReadBackEveryFieldAndEveryNull() {
        for (AuditRecord written : List.of(everyField(), noOptionalField())) {
            byte[] frame = Base64.getDecoder().decode(written.caseRef() != null ? STORED_EVERY_FIELD : STORED_NO_OPTIONAL_FIELD);

            assertThat(JournalFrame.isWhole(frame, frame.length)).isTrue();
            assertSameRecord(JournalFrame.read(frame), written);
            assertThat(JournalFrame.head(frame))
                    .isEqualTo(new JournalFrame.Head(DECISION_ID, written.caseRef(), written.decidedAt()));
        }
    }

    /** The journal's opening reads heads where frames lie in its read buffer, a direct one, at any position. */
    @Test
    void theHeadOfAFrameInsideALargerBufferIsReadWhereItLies() {
        byte[] frame = JournalFrame.of(everyField());
        ByteBuffer buffer = ByteBuffer.allocateDirect(frame.length + 100);
        buffer.position(37).put(frame).put(new byte[] {(byte) 0xB1, 1, 2, 3});

        assertThat(JournalFrame.isWhole(buffer, 37, frame.length)).isTrue();
        assertThat(JournalFrame.head(buffer, 37, frame.length))
                .isEqualTo(new JournalFrame.Head(DECISION_ID, CASE_REF, DECIDED_AT));
    }

    @Test
    void aRecordWrittenNowReadsBackTheSame() {
        assertSameRecord(JournalFrame.read(JournalFrame.of(everyField())), everyField());
        assertSameRecord(JournalFrame.read(JournalFrame.of(noOptionalField())), noOptionalField());
    }

    /** Length and checksum agree, but the body stops inside the case ref it announces: nothing past the frame is read. */
    @Test
    void aFrameWhoseBodyStopsInsideItsFieldsIsRefused() {
        ByteBuffer body = ByteBuffer.allocate(16 + 1 + 2 + 3);
        body.putLong(DECISION_ID.getMostSignificantBits()).putLong(DECISION_ID.getLeastSignificantBits());
        body.put((byte) 1).putShort((short) 10).put(new byte[] {'H', 'R', 'A'}); // a case ref of 10 bytes, 3 of them here
        CRC32C crc = new CRC32C();
        crc.update(body.array());
        byte[] frame = ByteBuffer.allocate(JournalFrame.HEADER_BYTES + body.capacity() + 20).put(JournalFrame.FORMAT_1)
                .putInt(body.capacity()).putInt((int) crc.getValue()).put(body.array()).array();
        int length = JournalFrame.HEADER_BYTES + body.capacity(); // the 20 zero bytes after it are not the frame's

        assertThat(JournalFrame.isWhole(frame, length)).isTrue();
        assertThatThrownBy(() -> JournalFrame.head(ByteBuffer.wrap(frame), 0, length)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> JournalFrame.read(java.util.Arrays.copyOf(frame, length)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot be read");
    }

    private static void assertSameRecord(AuditRecord actual, AuditRecord expected) {
        assertThat(actual.decisionId()).isEqualTo(expected.decisionId());
        assertThat(actual.caseRef()).isEqualTo(expected.caseRef());
        assertThat(actual.endpoint()).isEqualTo(expected.endpoint());
        assertThat(actual.decidedAt()).isEqualTo(expected.decidedAt());
        assertThat(actual.asOf()).isEqualTo(expected.asOf());
        assertThat(actual.policyVersion()).isEqualTo(expected.policyVersion());
        assertThat(actual.policyBuild()).isEqualTo(expected.policyBuild());
        assertThat(actual.evaluationMicros()).isEqualTo(expected.evaluationMicros());
        assertThat(actual.rulesFired()).isEqualTo(expected.rulesFired());
        assertThat(actual.requestJson()).isEqualTo(expected.requestJson());
        assertThat(actual.responseJson()).isEqualTo(expected.responseJson());
        assertThat(actual.runId()).isEqualTo(expected.runId());
    }
}
