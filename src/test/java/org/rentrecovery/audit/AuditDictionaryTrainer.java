package org.rentrecovery.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.github.luben.zstd.ZstdDictTrainer;

/**
 * Trains a zstd dictionary for audit payloads ({@link AuditPayload}'s format 5 on) from the decisions of binary decision
 * journals: each record's text exactly as the payload holds it (request, answer with its id left out, rules), given to
 * zstd's trainer as one sample. Run: {@code java -cp target/test-classes:target/classes:… 
 * org.rentrecovery.audit.AuditDictionaryTrainer OUT.zstd SIZE_BYTES JOURNAL…} (docs/benchmarks.md, "Audit payload in
 * zstd", and "2026-12-06, afternoon" say which journals made {@code audit/dictionary-v5.zstd} and {@code -v6.zstd}). A
 * dictionary in use is never replaced: a new one is a new format number.
 */
public final class AuditDictionaryTrainer {
    private AuditDictionaryTrainer() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int size = Integer.parseInt(args[1]);
        List<byte[]> samples = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            for (byte[] frame : JournalFileWalk.of(Path.of(args[i])).binaryRecords()) {
                samples.add(AuditPayloadLevels.textAsStored(JournalFrame.read(frame)));
            }
        }
        ZstdDictTrainer trainer = new ZstdDictTrainer(samples.stream().mapToInt(s -> s.length).sum(), size);
        for (byte[] sample : samples) {
            trainer.addSample(sample);
        }
        byte[] dictionary = trainer.trainSamples();
        Files.write(out, dictionary);
        System.out.printf("%d samples, %.0f bytes a sample; dictionary of %d bytes in %s%n", samples.size(),
                samples.stream().mapToInt(s -> s.length).average().orElse(0), dictionary.length, out);
    }
}
