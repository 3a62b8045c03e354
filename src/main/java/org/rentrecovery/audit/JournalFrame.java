package org.rentrecovery.audit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * One record of the journal in its binary form (journal record format 1), about 800 bytes for a
 * decision instead of the 1,160 of an NDJSON line carrying the same payload in base64:
 *
 * <pre>
 * byte    0xB1          this format (an NDJSON line of the journal starts with '{'; a later format takes 0xB2)
 * int32   body length   big-endian
 * int32   CRC-32C       of the body
 * body:   decision id (16 bytes), a byte of flags naming which of the optional fields follow,
 *         case ref, endpoint (UTF strings), decided at (epoch second, nanosecond, offset in seconds),
 *         as of (epoch day), policy version and build (UTF strings), evaluation micros, run id (16 bytes),
 *         then the rest of the body is the {@link AuditPayload} (request, answer and rules fired, compressed)
 * </pre>
 *
 * The length and checksum let the journal tell a record cut short or half-written by a crash from a whole one,
 * without trusting anything in the record itself.
 */
final class JournalFrame {
    /** The first byte of a record in this format. */
    static final byte FORMAT_1 = (byte) 0xB1;
    /** Format byte, length and checksum. */
    static final int HEADER_BYTES = 9;

    private static final int HAS_CASE_REF = 1;
    private static final int HAS_ENDPOINT = 2;
    private static final int HAS_DECIDED_AT = 4;
    private static final int HAS_AS_OF = 8;
    private static final int HAS_POLICY_VERSION = 16;
    private static final int HAS_POLICY_BUILD = 32;
    private static final int HAS_RUN_ID = 64;

    private JournalFrame() {
    }

    /** What the journal's index needs of a record, read without decompressing its payload. */
    record Head(UUID decisionId, String caseRef, OffsetDateTime decidedAt) {
    }

    /** The whole record as it is appended: header, then body. */
    static byte[] of(AuditRecord r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_1);
            out.writeInt(0); // length and checksum, filled in below
            out.writeInt(0);
            out.writeLong(r.decisionId().getMostSignificantBits());
            out.writeLong(r.decisionId().getLeastSignificantBits());
            out.writeByte(flags(r));
            writeFields(out, r);
            out.write(AuditPayload.encode(AuditPayload.JOURNAL, r.decisionId(), r.requestJson(), r.response(),
                    r.rulesFired()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        byte[] frame = bytes.toByteArray();
        int bodyLength = frame.length - HEADER_BYTES;
        ByteBuffer.wrap(frame).putInt(1, bodyLength).putInt(5, checksum(frame, HEADER_BYTES, bodyLength));
        return frame;
    }

    private static int flags(AuditRecord r) {
        return (r.caseRef() != null ? HAS_CASE_REF : 0) | (r.endpoint() != null ? HAS_ENDPOINT : 0)
                | (r.decidedAt() != null ? HAS_DECIDED_AT : 0) | (r.asOf() != null ? HAS_AS_OF : 0)
                | (r.policyVersion() != null ? HAS_POLICY_VERSION : 0) | (r.policyBuild() != null ? HAS_POLICY_BUILD : 0)
                | (r.runId() != null ? HAS_RUN_ID : 0);
    }

    /** The fields the flags announce, in the order {@link #read} takes them back. */
    private static void writeFields(DataOutputStream out, AuditRecord r) throws IOException {
        if (r.caseRef() != null) {
            out.writeUTF(r.caseRef());
        }
        if (r.endpoint() != null) {
            out.writeUTF(r.endpoint());
        }
        if (r.decidedAt() != null) {
            out.writeLong(r.decidedAt().toEpochSecond());
            out.writeInt(r.decidedAt().getNano());
            out.writeInt(r.decidedAt().getOffset().getTotalSeconds());
        }
        if (r.asOf() != null) {
            out.writeLong(r.asOf().toEpochDay());
        }
        if (r.policyVersion() != null) {
            out.writeUTF(r.policyVersion());
        }
        if (r.policyBuild() != null) {
            out.writeUTF(r.policyBuild());
        }
        out.writeLong(r.evaluationMicros());
        if (r.runId() != null) {
            out.writeLong(r.runId().getMostSignificantBits());
            out.writeLong(r.runId().getLeastSignificantBits());
        }
    }

    /** Whether the first {@code length} bytes of {@code frame} are a whole frame (see the buffer's form below). */
    static boolean isWhole(byte[] frame, int length) {
        return isWhole(ByteBuffer.wrap(frame), 0, length);
    }

    /** Whether the {@code length} bytes at {@code at} of {@code buffer} are a whole frame: its own format, its length, and its checksum. */
    static boolean isWhole(ByteBuffer buffer, int at, int length) {
        if (length < HEADER_BYTES || buffer.get(at) != FORMAT_1 || buffer.getInt(at + 1) != length - HEADER_BYTES) {
            return false;
        }
        CRC32C crc = new CRC32C();
        crc.update(buffer.duplicate().limit(at + length).position(at + HEADER_BYTES));
        return buffer.getInt(at + 5) == (int) crc.getValue();
    }

    private static int checksum(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /** The fields the index needs, from a whole frame. */
    static Head head(byte[] frame) {
        return head(ByteBuffer.wrap(frame), 0, frame.length);
    }

    /**
     * The fields the index needs, from the whole frame of {@code length} bytes at {@code at} of {@code buffer}, read
     * where they lie: the journal's opening reads every record's head, and a stream over a copy of each cost most of it.
     */
    static Head head(ByteBuffer buffer, int at, int length) {
        Body body = new Body(buffer, at, length);
        return new Head(body.decisionId, body.caseRef, body.decidedAt);
    }

    /** The record, from a whole frame; its payload decompressed ({@link UnreadableAuditRecordException} if it does not). */
    static AuditRecord read(byte[] frame) {
        Body body = new Body(ByteBuffer.wrap(frame), 0, frame.length);
        String endpoint = body.endpoint();
        LocalDate asOf = body.has(HAS_AS_OF) ? LocalDate.ofEpochDay(body.readLong()) : null;
        String policyVersion = body.has(HAS_POLICY_VERSION) ? body.readUTF() : null;
        String policyBuild = body.has(HAS_POLICY_BUILD) ? body.readUTF() : null;
        long evaluationMicros = body.readLong();
        UUID runId = body.has(HAS_RUN_ID) ? body.readUuid() : null;
        // the payload is left in the frame until here: the index, reading every record at open, never needs it
        int payloadAt = body.position();
        AuditPayload.Content content = AuditPayload.decodeRecord(frame, payloadAt, frame.length - payloadAt, body.decisionId,
                body.caseRef);
        return new AuditRecord(body.decisionId, body.caseRef, endpoint, body.decidedAt, asOf, policyVersion, policyBuild,
                evaluationMicros, content.rulesFired(), content.requestJson(), content.responseJson(), runId);
    }

    /**
     * A body's fields, read in the order {@link #writeFields} writes them and as {@link DataInputStream} would, from a
     * buffer and never past the frame's end. It reads the leading fields the index needs (the endpoint only passed
     * over); a record read whole takes the rest from where they stop.
     */
    private static final class Body {
        private final ByteBuffer buffer;
        private final int end;
        private int at;
        private final int flags;
        final UUID decisionId;
        final String caseRef;
        /** Where the endpoint's length is, or -1 when the record has none. */
        private final int endpointAt;
        final OffsetDateTime decidedAt;

        /** @param at where the frame starts in {@code buffer} (its header, then the body) */
        Body(ByteBuffer buffer, int at, int length) {
            this.buffer = buffer;
            this.at = at + HEADER_BYTES;
            this.end = at + length;
            decisionId = readUuid();
            flags = readUnsignedByte();
            caseRef = has(HAS_CASE_REF) ? readUTF() : null;
            endpointAt = has(HAS_ENDPOINT) ? skipUTF() : -1;
            decidedAt = has(HAS_DECIDED_AT) ? readDecidedAt() : null;
        }

        boolean has(int flag) {
            return (flags & flag) != 0;
        }

        /** The endpoint, passed over by the head. */
        String endpoint() {
            if (endpointAt < 0) {
                return null;
            }
            int next = at;
            at = endpointAt;
            String endpoint = readUTF();
            at = next;
            return endpoint;
        }

        /** Where the next field starts. */
        int position() {
            return at;
        }

        private int take(int bytes) {
            if (bytes > end - at) {
                throw new IllegalStateException("a journal record passed its checksum but cannot be read");
            }
            int from = at;
            at += bytes;
            return from;
        }

        long readLong() {
            return buffer.getLong(take(Long.BYTES));
        }

        private int readInt() {
            return buffer.getInt(take(Integer.BYTES));
        }

        private int readUnsignedByte() {
            return buffer.get(take(1)) & 0xff;
        }

        UUID readUuid() {
            return new UUID(readLong(), readLong());
        }

        private OffsetDateTime readDecidedAt() {
            long epochSecond = readLong();
            int nano = readInt();
            int offsetSeconds = readInt();
            // the service writes UTC: taken as it is, not looked up in ZoneOffset's cache and its rules made per record
            ZoneOffset offset = offsetSeconds == 0 ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(offsetSeconds);
            return OffsetDateTime.of(LocalDateTime.ofEpochSecond(epochSecond, nano, offset), offset);
        }

        /** Passes over a string; returns where it started. */
        private int skipUTF() {
            int from = take(Short.BYTES);
            take(buffer.getShort(from) & 0xffff);
            return from;
        }

        /** A string in modified UTF-8: an ASCII one (every case ref the service writes) is taken as it is. */
        String readUTF() {
            int length = buffer.getShort(take(Short.BYTES)) & 0xffff;
            int from = take(length);
            byte[] bytes = new byte[Short.BYTES + length];
            buffer.get(from - Short.BYTES, bytes, 0, bytes.length);
            for (int i = Short.BYTES; i < bytes.length; i++) {
                if (bytes[i] <= 0) { // not ASCII (modified UTF-8 has no zero byte): decode it as written
                    try {
                        return DataInputStream.readUTF(new DataInputStream(new ByteArrayInputStream(bytes)));
                    } catch (IOException e) {
                        throw new IllegalStateException("a journal record passed its checksum but cannot be read", e);
                    }
                }
            }
            return new String(bytes, Short.BYTES, length, StandardCharsets.ISO_8859_1);
        }
    }
}
