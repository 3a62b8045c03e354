package org.rentrecovery.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The access log beside the decision journal when no database is configured: one JSON line per read
 * of the audit, appended and fsynced before the read is answered. Entries are few and small (about
 * 200 bytes), so they are all held in memory, newest last, and the file is opened for each append
 * (reads of the audit are an auditor's, not a case system's); a torn last line (a crash mid-write,
 * never answered) is cut off at start, and the retention purge rewrites the file and swaps it in.
 */
final class AccessJournal implements AccessLogStore {
    private static final Comparator<AuditAccess> NEWEST_FIRST = Comparator.comparing(AuditAccess::accessedAt)
            .thenComparing(AuditAccess::accessId).reversed();

    private final Path file;
    private final ObjectMapper mapper;
    private final List<AuditAccess> entries = new ArrayList<>();

    /** The access log of the decision journal {@code journal}: {@code decision-journal.ndjson} → {@code decision-journal.access.ndjson}. */
    static Path beside(Path journal) {
        String name = journal.getFileName().toString();
        String base = name.endsWith(".ndjson") ? name.substring(0, name.length() - ".ndjson".length()) : name;
        return journal.resolveSibling(base + ".access.ndjson");
    }

    AccessJournal(Path file, ObjectMapper mapper) {
        this.file = file;
        this.mapper = mapper;
        try {
            load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the audit access log " + file, e);
        }
    }

    private void load() throws IOException {
        entries.clear();
        byte[] content = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                entries.add(mapper.readValue(content, start, i - start, AuditAccess.class));
                start = i + 1;
            }
        }
        if (start < content.length) {
            try (FileChannel torn = FileChannel.open(file, StandardOpenOption.WRITE)) {
                torn.truncate(start); // no newline: the last write did not finish and was never answered
                torn.force(true);
            }
        }
    }

    @Override
    public synchronized void record(AuditAccess access) {
        try {
            byte[] line = mapper.writeValueAsBytes(access);
            ByteBuffer buffer = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                long start = channel.size();
                channel.position(start);
                DurableAppend.writeOrUndo(channel, buffer, start); // on failure no half line is left; this read is answered 503
            }
            entries.add(access);
        } catch (IOException e) {
            throw new AuditUnavailableException("The audit's access log could not be written: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized AuditAccess.Page list(AuditAccess.Filter filter, int page, int size) {
        List<AuditAccess> matching = entries.stream().filter(filter::matches).sorted(NEWEST_FIRST).toList();
        return new AuditAccess.Page(matching.size(), matching.stream().skip((long) page * size).limit(size).toList());
    }

    /** Rewrites the file without the expired entries; {@code batchSize} has no meaning for a rewrite. */
    @Override
    public synchronized long purgeAccessedBefore(OffsetDateTime cutoff, int batchSize) {
        List<AuditAccess> kept = entries.stream().filter(a -> !a.accessedAt().isBefore(cutoff)).toList();
        long purged = entries.size() - kept.size();
        if (purged == 0) {
            return 0;
        }
        Path next = file.resolveSibling(file.getFileName() + ".purge");
        try {
            StringBuilder text = new StringBuilder();
            for (AuditAccess access : kept) {
                text.append(mapper.writeValueAsString(access)).append('\n');
            }
            try (FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            load();
        } catch (IOException e) {
            throw new UncheckedIOException("The audit access log could not be purged", e);
        }
        return purged;
    }
}
