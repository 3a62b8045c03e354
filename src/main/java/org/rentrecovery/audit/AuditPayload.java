package org.rentrecovery.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A decision's request, answer and rules fired, stored as one compressed value of about 500 bytes
 * instead of about 9 KB of JSON: the text (request line, answer line, one rule id per line, all
 * UTF-8) is compressed against a dictionary of typical decisions, which holds the sentences,
 * field names and references that every answer repeats. Decompression gives back the exact text
 * that was stored, character for character.
 *
 * <p>The first byte names the dictionary. A dictionary is never changed once records use it (they
 * could not be read back); a better one is added under the next number, and every number stays readable.
 *
 * <p>From dictionary 3 on, a second byte holds flags. {@link #DECISION_ID_ELIDED}: the answer's own
 * {@code "decisionId":"…"} value, which the record keeps in a column of its own, is stored as one byte
 * ({@code \u0001}, which a JSON text cannot hold unescaped) and put back from the record's id when read: a random
 * id does not compress, so it was about 28 bytes of every payload.
 *
 * <p>The level is the writer's choice and is not recorded: a raw deflate stream, or a zstd frame, reads back the same
 * whatever level wrote it, so records written at any level are read alike.
 */
final class AuditPayload {
    /**
     * The format new records are written with. Version 1 was picked by hand from 33 answers of 2026-11-30;
     * version 2 from 20,000 answers of a synthetic portfolio of 2026-12-01 (a third smaller payloads on today's
     * answers: docs/benchmarks.md, "Audit size on disk"). Version 4 is version 3's last 24 KB: zlib files every byte of a
     * preset dictionary into its match tables for every record, about 1.5 ns a byte, over half of deflating a decision at
     * the journal's level; the first 8 KB of version 3 were reached least (a match reaches back at most 32 KB, the first
     * of them only from the request's end), so a record costs about 20% less CPU to deflate for about 1% more bytes
     * (docs/benchmarks.md, "Next-action's request path by thread and bucket"). Version 5 is zstd against a dictionary
     * zstd's trainer picked from 20,000 decisions of a synthetic portfolio (not the one the figures are measured on) and
     * the bench's notice case ({@code AuditDictionaryTrainer}): about 16 µs and 515 bytes a decision at level 3, against
     * zlib's 120 µs and 662 bytes at level 9 and 69 µs and 828 bytes at level 3 (docs/benchmarks.md, "Audit payload in
     * zstd"). Version 6 is zstd's trainer run again on 60,200 answers of 2026-12-06, half posted one by one with requests
     * spaced as Python writes JSON, half from portfolio runs with compact requests (synthetic portfolios of seeds 11 to 16
     * at three dates, none of them the measured one): answers had grown reasons (the ladder's helper rows) that version 5
     * had never seen. On the shared tools' cases a decision takes 837 bytes in PostgreSQL instead of 1,098; on a
     * portfolio run's compact requests about as many as before (docs/benchmarks.md, "2026-12-06, afternoon").
     * Versions 1 to 4 are deflate streams; 5 on are zstd frames ({@link PayloadZstd}).
     */
    static final int CURRENT = 6;
    private static final byte[][] DICTIONARIES = {null, load("audit/dictionary-v1.bin"), load("audit/dictionary-v2.bin"),
            load("audit/dictionary-v3.bin"), load("audit/dictionary-v4.bin"), load("audit/dictionary-v5.zstd"),
            load("audit/dictionary-v6.zstd")};
    /** The first format whose text is a zstd frame rather than a raw deflate stream. */
    private static final int FIRST_ZSTD = 5;
    /** The first dictionary whose payloads carry a byte of flags after its number. */
    private static final int FIRST_WITH_FLAGS = 3;
    /** Flag: the answer's decision id is stored as {@link #ELIDED_ID} (see the class comment). */
    static final int DECISION_ID_ELIDED = 1;
    private static final String ID_FIELD = "\"decisionId\":\"";
    private static final byte[] ID_FIELD_BYTES = ID_FIELD.getBytes(StandardCharsets.US_ASCII);
    private static final char ELIDED_ID = '\u0001';
    private static final int ID_LENGTH = 36;
    private static final byte[] ELIDED_ID_BYTE = {1};
    private static final byte[] LINE_BREAK = {'\n'};
    /**
     * How a store writes: the format (its dictionary, and deflate or zstd) and the level, whose meaning is the format's
     * (deflate 0 to 9, zstd 1 to 22). Both stores write zstd at level 3: on 3,000 portfolio decisions about 16 µs and
     * 517 bytes a payload, where zlib took 120 µs and 662 bytes at level 9 (the database's until 2026-12-02) and 69 µs
     * and 828 bytes at level 3 (the journal's); a PostgreSQL row adds about 310 bytes and a journal record about 125,
     * so both stay well under 1 KB (docs/benchmarks.md, "Audit payload in zstd"). Any level and format are read back alike.
     */
    record Writing(int level, int dictionary) {
    }

    static final Writing DATABASE = new Writing(3, CURRENT);
    static final Writing JOURNAL = new Writing(3, CURRENT);

    private AuditPayload() {
    }

    private static byte[] load(String resource) {
        try (InputStream in = AuditPayload.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored text, decoded. */
    record Content(String requestJson, String responseJson, List<String> rulesFired) {
    }

    /**
     * @param writing    the store's level and dictionary ({@link #DATABASE}, {@link #JOURNAL})
     * @param decisionId the record's id: where the answer holds it, it is not stored twice
     */
    static byte[] encode(Writing writing, UUID decisionId, String requestJson, String responseJson, List<String> rulesFired) {
        return encodeWith(writing.dictionary(), writing.level(), decisionId, requestJson, responseJson.getBytes(StandardCharsets.UTF_8), rulesFired);
    }

    /** The same, with the answer as the UTF-8 bytes it was written as (a decision being recorded): not encoded again. */
    static byte[] encode(Writing writing, UUID decisionId, String requestJson, AnswerText response, List<String> rulesFired) {
        return encodeWith(writing.dictionary(), writing.level(), decisionId, requestJson, response.utf8(), rulesFired);
    }

    /** With a dictionary other than the current one: how records written before it are made again in tests. */
    static byte[] encodeWith(int dictionary, int level, UUID decisionId, String requestJson, String responseJson,
            List<String> rulesFired) {
        return encodeWith(dictionary, level, decisionId, requestJson, responseJson.getBytes(StandardCharsets.UTF_8), rulesFired);
    }

    private static byte[] encodeWith(int dictionary, int level, UUID decisionId, String requestJson, byte[] answer,
            List<String> rulesFired) {
        // In UTF-8 the byte of a line break (or of the marker below) is never part of another character's bytes.
        boolean answerHasControlBytes = hasControlByte(answer);
        if (requestJson.indexOf('\n') >= 0 || answerHasControlBytes && indexOf(answer, (byte) '\n', 0) >= 0) {
            throw new IllegalArgumentException("the request and the answer must each be one line");
        }
        StringBuilder rules = new StringBuilder(rulesFired.size() * 32);
        for (String rule : rulesFired) {
            if (rule.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a rule id holds a line break: " + rule);
            }
            rules.append('\n').append(rule);
        }
        int idAt = dictionary >= FIRST_WITH_FLAGS ? decisionIdAt(answer, decisionId, answerHasControlBytes) : -1;
        PayloadCompressor compressor = compressorFor(dictionary, level);
        boolean whole = false;
        try {
            compressor.header(dictionary);
            if (dictionary >= FIRST_WITH_FLAGS) {
                compressor.header(idAt >= 0 ? DECISION_ID_ELIDED : 0);
            }
            // The text is given to the compressor in pieces, each already in UTF-8, instead of joined into one string first.
            compressor.add(requestJson.getBytes(StandardCharsets.UTF_8));
            compressor.add(LINE_BREAK);
            if (idAt < 0) {
                compressor.add(answer, 0, answer.length);
            } else {
                compressor.add(answer, 0, idAt);
                compressor.add(ELIDED_ID_BYTE);
                compressor.add(answer, idAt + ID_LENGTH, answer.length - idAt - ID_LENGTH);
            }
            compressor.add(rules.toString().getBytes(StandardCharsets.UTF_8));
            byte[] stored = compressor.finish();
            whole = true;
            return stored;
        } finally {
            compressor.giveBack(whole);
        }
    }

    private static PayloadCompressor compressorFor(int format, int level) {
        return format >= FIRST_ZSTD ? PayloadZstd.take(format, level, DICTIONARIES[format])
                : PayloadDeflater.take(level, DICTIONARIES[format]);
    }

    /**
     * Where the answer's own decision id starts, in its UTF-8 bytes, or -1 when it cannot be left out and put back
     * exactly: the answer does not hold this id as its first decision id, or already holds the marker character.
     * The field's name, the id and the marker are ASCII, whose bytes in UTF-8 are never part of another character's,
     * so searching the bytes finds what searching the text would.
     */
    private static int decisionIdAt(byte[] answer, UUID decisionId, boolean answerHasControlBytes) {
        if (decisionId == null || answerHasControlBytes && indexOf(answer, ELIDED_ID_BYTE[0], 0) >= 0) {
            return -1;
        }
        int field = indexOf(answer, ID_FIELD_BYTES, 0);
        if (field < 0) {
            return -1;
        }
        int value = field + ID_FIELD_BYTES.length;
        byte[] id = (decisionId.toString() + '"').getBytes(StandardCharsets.US_ASCII);
        return startsWith(answer, id, value) ? value : -1;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long EVERY_BYTE_0X20 = 0x2020202020202020L;
    private static final long EVERY_BYTE_HIGH_BIT = 0x8080808080808080L;

    /**
     * Whether any byte is below 0x20, i.e. could be a line break or the marker. The service's answers never hold one (its
     * JSON writer escapes every control character inside a string and writes no whitespace between tokens), so the two
     * searches for them are made only when this says so; it reads eight bytes at a time, where each search read one: the
     * two searches were the most sampled frame of the audit's writer thread (docs/benchmarks.md). For a word {@code x},
     * {@code (x - 0x2020…) & ~x & 0x8080…} is non-zero exactly when one of its bytes is below 0x20 (a byte of 0x80 or more
     * has its high bit set, which {@code ~x} clears; a borrow marks only bytes above a byte that is itself below 0x20).
     */
    static boolean hasControlByte(byte[] bytes) {
        int i = 0;
        for (int words = bytes.length - Long.BYTES; i <= words; i += Long.BYTES) {
            long x = (long) LONGS.get(bytes, i);
            if (((x - EVERY_BYTE_0X20) & ~x & EVERY_BYTE_HIGH_BIT) != 0) {
                return true;
            }
        }
        for (; i < bytes.length; i++) {
            if ((bytes[i] & 0xff) < 0x20) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] bytes, byte[] wanted, int from) {
        for (int at = indexOf(bytes, wanted[0], from); at >= 0; at = indexOf(bytes, wanted[0], at + 1)) {
            if (startsWith(bytes, wanted, at)) {
                return at;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix, int at) {
        return at + prefix.length <= bytes.length && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static String withDecisionId(String stored, UUID decisionId) {
        int field = stored.indexOf(ID_FIELD);
        int value = field + ID_FIELD.length();
        if (decisionId == null || field < 0 || value >= stored.length() || stored.charAt(value) != ELIDED_ID) {
            throw new IllegalStateException("an audit payload left out a decision id it cannot put back");
        }
        return stored.substring(0, value) + decisionId + stored.substring(value + 1);
    }

    /** @param decisionId the record's id, put back into the answer where the payload left it out */
    static Content decode(byte[] stored, UUID decisionId) {
        return decode(stored, 0, stored.length, decisionId);
    }

    /**
     * The payload of the stored record {@code decisionId} of case {@code caseRef}, in whichever store holds it: one that
     * does not decode (damaged bytes, an unknown format, a dictionary other than its own) is that record's
     * {@link UnreadableAuditRecordException}, naming it.
     */
    static Content decodeRecord(byte[] bytes, int offset, int length, UUID decisionId, String caseRef) {
        try {
            return decode(bytes, offset, length, decisionId);
        } catch (IllegalStateException e) {
            throw new UnreadableAuditRecordException(decisionId, caseRef, e);
        }
    }

    /** The payload held at {@code offset} of {@code bytes}, {@code length} bytes long (a journal record's tail). */
    static Content decode(byte[] bytes, int offset, int length, UUID decisionId) {
        if (length == 0 || bytes[offset] < 1 || bytes[offset] >= DICTIONARIES.length) {
            throw new IllegalStateException("unknown audit payload format " + (length == 0 ? "(empty)" : bytes[offset]));
        }
        int dictionary = bytes[offset];
        int start = dictionary >= FIRST_WITH_FLAGS ? 2 : 1;
        if (length < start) {
            throw new IllegalStateException("a stored audit payload is cut short");
        }
        int flags = start == 2 ? bytes[offset + 1] : 0;
        if ((flags & ~DECISION_ID_ELIDED) != 0) {
            throw new IllegalStateException("unknown audit payload flags " + flags);
        }
        String text = dictionary >= FIRST_ZSTD
                ? PayloadZstd.text(dictionary, DICTIONARIES[dictionary], bytes, offset + start, length - start)
                : PayloadDeflater.inflated(DICTIONARIES[dictionary], bytes, offset + start, length - start);
        String[] lines = text.split("\n", -1);
        if (lines.length < 2) {
            throw new IllegalStateException("an audit payload holds a request and an answer");
        }
        List<String> rules = lines.length == 2 ? List.of() : new ArrayList<>(Arrays.asList(lines).subList(2, lines.length));
        String response = (flags & DECISION_ID_ELIDED) == 0 ? lines[1] : withDecisionId(lines[1], decisionId);
        return new Content(lines[0], response, rules);
    }
}
