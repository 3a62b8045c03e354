package org.rentrecovery.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Consumer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A decision's request, answer and rules fired, stored as one compressed value of about 700 bytes
 * instead of about 8 KB of JSON: the text (request line, answer line, one rule id per line, all
 * UTF-8) is deflated against a preset dictionary of typical decisions, which holds the sentences,
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
 */
final class AuditPayload {
    /**
     * The dictionary new records are written with. Version 1 was picked by hand from 33 answers of 2026-11-30;
     * version 2 from 20,000 answers of a synthetic portfolio of 2026-12-01 (a third smaller payloads on today's
     * answers: docs/benchmarks.md, "Audit size on disk").
     */
    static final int CURRENT = 3;
    private static final byte[][] DICTIONARIES = {null, load("audit/dictionary-v1.bin"), load("audit/dictionary-v2.bin"),
            load("audit/dictionary-v3.bin")};
    /** The first dictionary whose payloads carry a byte of flags after its number. */
    private static final int FIRST_WITH_FLAGS = 3;
    /** Flag: the answer's decision id is stored as {@link #ELIDED_ID} (see the class comment). */
    static final int DECISION_ID_ELIDED = 1;
    private static final String ID_FIELD = "\"decisionId\":\"";
    private static final char ELIDED_ID = '\u0001';
    /**
     * Deflaters and inflaters kept between records: a new one allocates about 256 KB of native zlib state, which a
     * record per decision made a cost of every decision. A few are enough for the request threads and the audit
     * writers at once; when all are out a new one is made and, if the pool is full when it comes back, ended.
     * Each is reset before it goes back, and the dictionary is set again per record (reset drops it).
     */
    private static final int POOLED = 8;
    private static final ArrayBlockingQueue<Deflater> DEFLATERS = new ArrayBlockingQueue<>(POOLED);
    private static final ArrayBlockingQueue<Inflater> INFLATERS = new ArrayBlockingQueue<>(POOLED);

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

    /** @param decisionId the record's id: where the answer holds it, it is not stored twice */
    static byte[] encode(UUID decisionId, String requestJson, String responseJson, List<String> rulesFired) {
        return encode(CURRENT, decisionId, requestJson, responseJson, rulesFired);
    }

    /** With a dictionary other than the current one: how records written before it are made again in tests. */
    static byte[] encode(int dictionary, UUID decisionId, String requestJson, String responseJson, List<String> rulesFired) {
        int flags = 0;
        if (dictionary >= FIRST_WITH_FLAGS) {
            String withoutId = withoutDecisionId(responseJson, decisionId);
            if (withoutId != null) {
                responseJson = withoutId;
                flags |= DECISION_ID_ELIDED;
            }
        }
        StringBuilder text = new StringBuilder(requestJson.length() + responseJson.length() + 400);
        text.append(requestJson).append('\n').append(responseJson);
        for (String rule : rulesFired) {
            if (rule.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a rule id holds a line break: " + rule);
            }
            text.append('\n').append(rule);
        }
        if (requestJson.indexOf('\n') >= 0 || responseJson.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("the request and the answer must each be one line");
        }
        return deflated(dictionary, flags, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The stored form: the dictionary's number, from version 3 the flags, then the text deflated against it. */
    private static byte[] deflated(int dictionary, int flags, byte[] raw) {
        Deflater taken = DEFLATERS.poll();
        Deflater deflater = taken != null ? taken : new Deflater(Deflater.BEST_COMPRESSION, true);
        boolean whole = false;
        try {
            deflater.setDictionary(DICTIONARIES[dictionary]);
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 6 + 64);
            out.write(dictionary);
            if (dictionary >= FIRST_WITH_FLAGS) {
                out.write(flags);
            }
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            whole = true;
            return out.toByteArray();
        } finally {
            giveBack(DEFLATERS, deflater, whole, Deflater::reset, Deflater::end);
        }
    }

    /**
     * The answer with its {@code "decisionId"} value replaced by {@link #ELIDED_ID}, or null when that cannot be undone
     * exactly: the answer does not hold this id as its first decision id, or already holds the marker character.
     */
    private static String withoutDecisionId(String responseJson, UUID decisionId) {
        if (decisionId == null || responseJson.indexOf(ELIDED_ID) >= 0) {
            return null;
        }
        String id = decisionId.toString();
        int field = responseJson.indexOf(ID_FIELD);
        int value = field + ID_FIELD.length();
        if (field < 0 || !responseJson.startsWith(id + '"', value)) {
            return null;
        }
        return responseJson.substring(0, value) + ELIDED_ID + responseJson.substring(value + id.length());
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
        if (stored.length == 0 || stored[0] < 1 || stored[0] >= DICTIONARIES.length) {
            throw new IllegalStateException("unknown audit payload format " + (stored.length == 0 ? "(empty)" : stored[0]));
        }
        int start = stored[0] >= FIRST_WITH_FLAGS ? 2 : 1;
        int flags = start == 2 && stored.length > 1 ? stored[1] : 0;
        if ((flags & ~DECISION_ID_ELIDED) != 0) {
            throw new IllegalStateException("unknown audit payload flags " + flags);
        }
        Inflater taken = INFLATERS.poll();
        Inflater inflater = taken != null ? taken : new Inflater(true);
        boolean whole = false;
        try {
            inflater.setDictionary(DICTIONARIES[stored[0]]); // a raw stream names no dictionary: the first byte does
            inflater.setInput(stored, start, stored.length - start);
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 12);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) {
                    throw new IllegalStateException("a stored audit payload is cut short");
                }
                out.write(buffer, 0, n);
            }
            String[] lines = out.toString(StandardCharsets.UTF_8).split("\n", -1);
            if (lines.length < 2) {
                throw new IllegalStateException("an audit payload holds a request and an answer");
            }
            List<String> rules = lines.length == 2 ? List.of() : new ArrayList<>(Arrays.asList(lines).subList(2, lines.length));
            whole = true;
            String response = (flags & DECISION_ID_ELIDED) == 0 ? lines[1] : withDecisionId(lines[1], decisionId);
            return new Content(lines[0], response, rules);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a stored audit payload is damaged: " + e.getMessage(), e);
        } finally {
            giveBack(INFLATERS, inflater, whole, Inflater::reset, Inflater::end);
        }
    }

    /**
     * Back to the pool, reset, when it finished its stream; ended otherwise (a damaged payload or an exception left it
     * mid-stream, and a stream is cheap to replace) or when the pool is already full.
     */
    private static <Z> void giveBack(ArrayBlockingQueue<Z> pool, Z zlib, boolean finishedStream, Consumer<Z> reset,
            Consumer<Z> end) {
        if (finishedStream) {
            reset.accept(zlib);
            if (pool.offer(zlib)) {
                return;
            }
        }
        end.accept(zlib);
    }
}
