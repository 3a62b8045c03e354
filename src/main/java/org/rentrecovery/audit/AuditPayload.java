package org.rentrecovery.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 */
final class AuditPayload {
    /**
     * The dictionary new records are written with. Version 1 was picked by hand from 33 answers of 2026-11-30;
     * version 2 from 20,000 answers of a synthetic portfolio of 2026-12-01 (a third smaller payloads on today's
     * answers: docs/benchmarks.md, "Audit size on disk").
     */
    static final int CURRENT = 2;
    private static final byte[][] DICTIONARIES = {null, load("audit/dictionary-v1.bin"), load("audit/dictionary-v2.bin")};

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

    static byte[] encode(String requestJson, String responseJson, List<String> rulesFired) {
        return encode(CURRENT, requestJson, responseJson, rulesFired);
    }

    /** With a dictionary other than the current one: how records written before it are made again in tests. */
    static byte[] encode(int dictionary, String requestJson, String responseJson, List<String> rulesFired) {
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
        byte[] raw = text.toString().getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setDictionary(DICTIONARIES[dictionary]);
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 6 + 64);
            out.write(dictionary);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static Content decode(byte[] stored) {
        if (stored.length == 0 || stored[0] < 1 || stored[0] >= DICTIONARIES.length) {
            throw new IllegalStateException("unknown audit payload format " + (stored.length == 0 ? "(empty)" : stored[0]));
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setDictionary(DICTIONARIES[stored[0]]); // a raw stream names no dictionary: the first byte does
            inflater.setInput(stored, 1, stored.length - 1);
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
            return new Content(lines[0], lines[1], rules);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a stored audit payload is damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
