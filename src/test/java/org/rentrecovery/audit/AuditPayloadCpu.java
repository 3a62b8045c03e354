package org.rentrecovery.audit;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntUnaryOperator;
import java.util.zip.Deflater;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * CPU per audit payload, by the thread's own CPU counter (not the wall clock: the cores are shared), and the bytes it
 * stores, on the decisions of {@link AuditPayloadTest}: a new deflater per record (how payloads were written before
 * issue 16's pool), one reused at the same level, one reused at level 6, and {@link AuditPayload} itself.
 * Run: {@code ./mvnw test-compile exec:java -Dexec.mainClass=org.rentrecovery.audit.AuditPayloadCpu -Dexec.classpathScope=test}
 * (20,000 records; docs/benchmarks.md, "Audit size on disk: format 3").
 */
public final class AuditPayloadCpu {
    private AuditPayloadCpu() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        List<String[]> decisions = AuditPayloadTest.decisions();
        List<UUID> ids = new ArrayList<>();
        List<byte[]> texts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String[] d : decisions) {
            ids.add(UUID.fromString(json.readTree(d[1]).get("decisionId").asText()));
            texts.add((d[0] + '\n' + d[1] + "\nfacts#arrears\nEscalationStep/letter-1").getBytes(StandardCharsets.UTF_8));
        }
        byte[] dictionary;
        try (InputStream in = AuditPayloadCpu.class.getClassLoader().getResourceAsStream("audit/dictionary-v" + AuditPayload.CURRENT + ".bin")) {
            dictionary = in.readAllBytes();
        }
        Deflater reused9 = new Deflater(Deflater.BEST_COMPRESSION, true);
        Deflater reused6 = new Deflater(6, true);
        List<String> rules = List.of("facts#arrears", "EscalationStep/letter-1");
        for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT up
            boolean report = pass == 1;
            measure(report, "new deflater per record, level 9", records, i -> {
                Deflater fresh = new Deflater(Deflater.BEST_COMPRESSION, true);
                try {
                    return deflate(fresh, dictionary, texts.get(i % texts.size()));
                } finally {
                    fresh.end();
                }
            });
            measure(report, "reused deflater, level 9", records, i -> deflate(reused9, dictionary, texts.get(i % texts.size())));
            measure(report, "reused deflater, level 6", records, i -> deflate(reused6, dictionary, texts.get(i % texts.size())));
            measure(report, "AuditPayload.encode (pooled)", records, i -> {
                String[] d = decisions.get(i % decisions.size());
                return AuditPayload.encode(AuditPayload.JOURNAL, ids.get(i % ids.size()), d[0], d[1], rules).length;
            });
            List<byte[]> payloads = new ArrayList<>();
            for (int i = 0; i < decisions.size(); i++) {
                payloads.add(AuditPayload.encode(AuditPayload.JOURNAL, ids.get(i), decisions.get(i)[0], decisions.get(i)[1], rules));
            }
            measure(report, "AuditPayload.decode (pooled)", records,
                    i -> AuditPayload.decode(payloads.get(i % payloads.size()), ids.get(i % ids.size())).responseJson().length());
        }
    }

    private static int deflate(Deflater deflater, byte[] dictionary, byte[] text) {
        deflater.reset();
        deflater.setDictionary(dictionary);
        deflater.setInput(text);
        deflater.finish();
        byte[] buffer = new byte[16384];
        int size = 0;
        while (!deflater.finished()) {
            size += deflater.deflate(buffer);
        }
        return size;
    }

    /** @param recordBytes what record {@code i} stores (or reads back), in bytes */
    private static void measure(boolean report, String what, int records, IntUnaryOperator recordBytes) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long bytes = 0;
        for (int i = 0; i < records; i++) {
            bytes += recordBytes.applyAsInt(i);
        }
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        if (report) {
            System.out.printf("%-36s %7.1f µs CPU a record, %6.1f bytes a record%n", what, cpu / 1000.0 / records,
                    (double) bytes / records);
        }
    }
}
