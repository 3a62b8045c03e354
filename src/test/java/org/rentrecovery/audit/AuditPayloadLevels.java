package org.rentrecovery.audit;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

/**
 * CPU per audit payload against the bytes it stores, by compression level and by how much of a dictionary is set, on
 * the real decisions of a binary decision journal (a portfolio run's, or a load test's of one case). Each record is
 * compressed as {@link AuditPayload} does it (the answer's id left out, a reused deflater given the dictionary again),
 * timed by the thread's own CPU counter, passes alternated so that a noisy minute falls on every variant alike.
 * Run: {@code java -cp target/test-classes:target/classes org.rentrecovery.audit.AuditPayloadLevels JOURNAL [records] [passes]
 * [dictionary.bin]} (docs/benchmarks.md, "Audit and portfolio CPU, 2026-12-02").
 */
public final class AuditPayloadLevels {
    /** The levels tried ({@code -Dlevels=1,3,6,9}) and how much of the dictionary's end is set ({@code -Dtails=32768}). */
    private static final int[] LEVELS = numbers(System.getProperty("levels", "1,3,6,9"));
    private static final int[] DICTIONARY_TAILS = numbers(System.getProperty("tails", "32768,16384,8192"));

    private AuditPayloadLevels() {
    }

    public static void main(String[] args) throws Exception {
        List<byte[]> frames = JournalFileWalk.of(Path.of(args[0])).binaryRecords();
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        byte[] dictionary = args.length > 3 ? java.nio.file.Files.readAllBytes(Path.of(args[3])) : current();
        List<byte[]> texts = new ArrayList<>();
        List<AuditRecord> records = new ArrayList<>();
        for (byte[] frame : frames.subList(0, Math.min(limit, frames.size()))) {
            records.add(JournalFrame.read(frame));
            texts.add(textAsStored(records.get(records.size() - 1)));
        }
        if (Boolean.getBoolean("frames")) {
            measureFrames(records, passes);
            return;
        }
        System.out.printf("%d decisions, text %.1f bytes a decision, dictionary %d bytes%n", texts.size(),
                texts.stream().mapToInt(t -> t.length).average().orElse(0), dictionary.length);
        double[][] cpu = new double[LEVELS.length][DICTIONARY_TAILS.length];
        double[][] size = new double[LEVELS.length][DICTIONARY_TAILS.length];
        for (int pass = -1; pass < passes; pass++) { // pass -1 warms the JIT up
            for (int l = 0; l < LEVELS.length; l++) {
                for (int d = 0; d < DICTIONARY_TAILS.length; d++) {
                    byte[] tail = Arrays.copyOfRange(dictionary, Math.max(0, dictionary.length - DICTIONARY_TAILS[d]),
                            dictionary.length);
                    long[] measured = measure(new Deflater(LEVELS[l], true), tail, texts);
                    if (pass >= 0) {
                        cpu[l][d] += measured[0] / 1000.0 / texts.size() / passes;
                        size[l][d] = measured[1] / (double) texts.size() + 2; // + the dictionary's number and the flags
                    }
                }
            }
        }
        for (int l = 0; l < LEVELS.length; l++) {
            for (int d = 0; d < DICTIONARY_TAILS.length; d++) {
                System.out.printf("level %d, last %5d bytes of the dictionary: %6.1f µs CPU a record, %6.1f bytes a payload%n",
                        LEVELS[l], DICTIONARY_TAILS[d], cpu[l][d], size[l][d]);
            }
        }
    }

    /**
     * The whole record as the journal's writer makes it, and the payload as PostgreSQL's writer makes it at level 9
     * ({@code -Dframes=true}): with the classes of another build first on the class path, that build's are measured
     * (before 2026-12-02 {@code encode} took no level and wrote level 9).
     */
    private static void measureFrames(List<AuditRecord> records, int passes) throws ReflectiveOperationException {
        java.lang.reflect.Method encode;
        Object[] level9;
        if (Arrays.stream(AuditPayload.class.getDeclaredMethods()).anyMatch(m -> m.getName().equals("encodeWith"))) {
            encode = AuditPayload.class.getDeclaredMethod("encode", int.class, java.util.UUID.class, String.class,
                    String.class, List.class);
            level9 = new Object[] {Deflater.BEST_COMPRESSION};
        } else { // before 2026-12-02: the current dictionary at level 9
            encode = AuditPayload.class.getDeclaredMethod("encode", java.util.UUID.class, String.class, String.class,
                    List.class);
            level9 = new Object[0];
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int pass = -1; pass < passes; pass++) {
            long bytes = 0;
            long cpu = threads.getCurrentThreadCpuTime();
            for (AuditRecord r : records) {
                bytes += JournalFrame.of(r).length;
            }
            long frames = threads.getCurrentThreadCpuTime() - cpu;
            long payloadBytes = 0;
            cpu = threads.getCurrentThreadCpuTime();
            for (AuditRecord r : records) {
                Object[] arguments = java.util.stream.Stream.concat(Arrays.stream(level9),
                        java.util.stream.Stream.of(r.decisionId(), r.requestJson(), r.responseJson(), r.rulesFired())).toArray();
                payloadBytes += ((byte[]) encode.invoke(null, arguments)).length;
            }
            long payloads = threads.getCurrentThreadCpuTime() - cpu;
            System.out.printf("pass %d: JournalFrame.of %6.1f µs CPU a record, %6.1f bytes a record; payload at level 9 "
                    + "%6.1f µs, %6.1f bytes%n", pass, frames / 1000.0 / records.size(), (double) bytes / records.size(),
                    payloads / 1000.0 / records.size(), (double) payloadBytes / records.size());
        }
    }

    private static int[] numbers(String list) {
        return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static byte[] current() throws Exception {
        try (InputStream in = AuditPayloadLevels.class.getClassLoader()
                .getResourceAsStream("audit/dictionary-v4.bin")) { // the last deflate dictionary
            return in.readAllBytes();
        }
    }

    /** The text AuditPayload deflates for a record: request, answer with its id left out, rules, one a line. */
    static byte[] textAsStored(AuditRecord r) {
        String id = r.decisionId().toString();
        String answer = r.responseJson().replace("\"decisionId\":\"" + id + "\"", "\"decisionId\":\"\u0001\"");
        return (r.requestJson() + '\n' + answer + String.join("", r.rulesFired().stream().map(rule -> "\n" + rule).toList()))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Thread CPU nanoseconds and compressed bytes for every text, with one reused deflater. */
    private static long[] measure(Deflater deflater, byte[] dictionary, List<byte[]> texts) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] buffer = new byte[16384];
        long bytes = 0;
        long cpu = threads.getCurrentThreadCpuTime();
        for (byte[] text : texts) {
            deflater.reset();
            deflater.setDictionary(dictionary);
            deflater.setInput(text);
            deflater.finish();
            while (!deflater.finished()) {
                bytes += deflater.deflate(buffer);
            }
        }
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        deflater.end();
        return new long[] {cpu, bytes};
    }
}
