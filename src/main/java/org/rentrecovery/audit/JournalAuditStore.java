package org.rentrecovery.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The embedded default when no database is configured: an append-only NDJSON file, one record per
 * line with the same content as the PostgreSQL row (its request, answer and rules compressed alike). Batches are appended and fsynced before any of
 * their requests is answered. Reads use an in-memory index (decision id to file position, case ref
 * to its decisions) built by reading the file at startup and kept up to date by the writer; the
 * index costs about 200 bytes per record, which suits a single instance, not years of a large
 * landlord's decisions (use PostgreSQL for that). The retention purge rewrites the file without the
 * expired lines and swaps it in atomically.
 */
final class JournalAuditStore implements AuditStore {

    private record Position(long offset, int length) {
    }

    private record Entry(OffsetDateTime decidedAt, UUID decisionId) {
    }

    /** What opening the journal found: records served, and the torn tail of an unfinished (never answered) write, cut off. */
    record Recovery(long records, long tornAt, long tornBytes) {
        boolean torn() {
            return tornBytes > 0;
        }
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(JournalAuditStore.class);

    private static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing(Entry::decidedAt)
            .thenComparing(Entry::decisionId).reversed();

    private final Path file;
    private final ObjectMapper mapper;
    private final GroupCommitQueue queue;
    private final AccessJournal accessLog;
    private final Map<UUID, Position> positions = new HashMap<>();
    private final Map<String, TreeSet<Entry>> byCase = new HashMap<>();
    private FileChannel channel;
    private Recovery recovery;

    JournalAuditStore(Path file, ObjectMapper mapper, int queueCapacity, int maxBatch) {
        this(file, mapper, queueCapacity, maxBatch, GroupCommitQueue.BatchListener.NONE);
    }

    JournalAuditStore(Path file, ObjectMapper mapper, int queueCapacity, int maxBatch, GroupCommitQueue.BatchListener listener) {
        this.file = file.toAbsolutePath();
        this.mapper = mapper;
        try {
            Files.createDirectories(this.file.getParent());
            this.channel = open(this.file);
            index();
            this.accessLog = new AccessJournal(AccessJournal.beside(this.file), mapper);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the decision journal " + this.file, e);
        }
        this.queue = new GroupCommitQueue("decision-journal-writer", queueCapacity, maxBatch,
                List.<GroupCommitQueue.BatchWriter>of(this::writeBatch), listener); // one writer: appends stay in order
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /**
     * Reads every line once. A torn last line (a crash mid-write: its request was never answered, since
     * answers wait for the fsync) is reported in the log and cut off; every complete line before it is
     * served. A complete line that is not a record is damage, not a crash: the journal is refused.
     */
    private void index() throws IOException {
        long offset = 0;
        long records = 0;
        long size = channel.size();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Channels.newInputStream(channel.position(0)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                int length = line.getBytes(StandardCharsets.UTF_8).length;
                if (offset + length + 1 > size) {
                    break; // no newline: the last write did not finish
                }
                JournalLine record; // the payload is decompressed when the record is read, not for the index
                try {
                    record = mapper.readValue(line, JournalLine.class);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    // Only where: the parser's message would quote the line, a tenant's data.
                    throw new IOException("line " + (records + 1) + " (byte " + offset + ") of " + file
                            + " is complete but not a decision record; the journal is damaged", null);
                }
                remember(record.decisionId(), record.caseRef(), record.decidedAt(), offset, length);
                records++;
                offset += length + 1;
            }
        }
        channel.close();
        channel = open(file);
        recovery = new Recovery(records, offset, size - offset);
        if (offset < size) {
            LOG.warnf("Decision journal %s: the last write did not finish (the service stopped mid-write): %d bytes at byte %d "
                    + "were never acknowledged to any caller and are cut off; the %d records before them are served.",
                    file, size - offset, offset, records);
            channel.truncate(offset);
            channel.force(true);
        }
        channel.position(offset);
    }

    /** What the last opening (or purge) of the journal found. */
    synchronized Recovery recovery() {
        return recovery;
    }

    private void remember(UUID decisionId, String caseRef, OffsetDateTime decidedAt, long offset, int length) {
        positions.put(decisionId, new Position(offset, length));
        byCase.computeIfAbsent(caseRef, k -> new TreeSet<>(NEWEST_FIRST)).add(new Entry(decidedAt, decisionId));
    }

    @Override
    public CompletableFuture<Void> append(AuditRecord record) {
        return queue.submit(record);
    }

    private synchronized void writeBatch(List<AuditRecord> batch) throws IOException {
        long start = channel.position();
        List<byte[]> lines = new ArrayList<>(batch.size());
        int total = 0;
        for (AuditRecord r : batch) {
            byte[] line = mapper.writeValueAsBytes(JournalLine.of(r));
            lines.add(line);
            total += line.length + 1;
        }
        ByteBuffer buffer = ByteBuffer.allocate(total);
        for (byte[] line : lines) {
            buffer.put(line).put((byte) '\n');
        }
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            channel.truncate(start); // leave no half-written batch behind; its requests get 503
            channel.position(start);
            throw e;
        }
        long offset = start;
        for (int i = 0; i < batch.size(); i++) {
            AuditRecord r = batch.get(i);
            remember(r.decisionId(), r.caseRef(), r.decidedAt(), offset, lines.get(i).length);
            offset += lines.get(i).length + 1;
        }
    }

    @Override
    public synchronized Optional<AuditRecord> find(UUID decisionId) {
        Position at = positions.get(decisionId);
        return at == null ? Optional.empty() : Optional.of(readAt(at));
    }

    @Override
    public synchronized Page list(String caseRef, int page, int size) {
        TreeSet<Entry> entries = byCase.get(caseRef);
        if (entries == null) {
            return new Page(0, List.of());
        }
        List<AuditRecord> records = entries.stream().skip((long) page * size).limit(size)
                .map(e -> readAt(positions.get(e.decisionId()))).toList();
        return new Page(entries.size(), records);
    }

    /** Collects the ids under the lock (a few bytes a case), then reads each record on its own. */
    @Override
    public void latestPerCaseDecidedBetween(OffsetDateTime from, OffsetDateTime until, java.util.function.Consumer<AuditRecord> each) {
        List<UUID> latest = new ArrayList<>();
        synchronized (this) {
            for (TreeSet<Entry> entries : byCase.values()) {
                // newest first: the first entry within the period is the case's latest in it
                entries.stream().filter(e -> !e.decidedAt().isBefore(from) && e.decidedAt().isBefore(until)).findFirst()
                        .ifPresent(e -> latest.add(e.decisionId()));
            }
        }
        for (UUID id : latest) {
            find(id).ifPresent(each);
        }
    }

    private AuditRecord readAt(Position at) {
        ByteBuffer buffer = ByteBuffer.allocate(at.length());
        try {
            long offset = at.offset();
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, offset + buffer.position());
                if (read < 0) {
                    throw new IOException("journal ends before the record at " + at.offset());
                }
            }
            return mapper.readValue(buffer.array(), JournalLine.class).toRecord();
        } catch (IOException | IllegalStateException e) {
            throw new AuditUnavailableException("The decision journal could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Copies the records still within the retention period to a new file, fsyncs it and renames it
     * over the journal. Runs under the same lock as the writer, so no acknowledged record is lost;
     * {@code batchSize} has no meaning for a rewrite and is ignored.
     */
    @Override
    public synchronized long purgeDecidedBefore(OffsetDateTime cutoff, int batchSize) {
        boolean anyExpired = byCase.values().stream().flatMap(TreeSet::stream).anyMatch(e -> e.decidedAt().isBefore(cutoff));
        if (!anyExpired) {
            return 0;
        }
        Path next = file.resolveSibling(file.getFileName() + ".purge");
        long purged = 0;
        try (FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            List<Map.Entry<UUID, Position>> inFileOrder = new ArrayList<>(positions.entrySet());
            inFileOrder.sort(Comparator.comparingLong(e -> e.getValue().offset()));
            for (Map.Entry<UUID, Position> entry : inFileOrder) {
                AuditRecord record = readAt(entry.getValue());
                if (record.decidedAt().isBefore(cutoff)) {
                    purged++;
                    continue;
                }
                ByteBuffer line = ByteBuffer.allocate(entry.getValue().length() + 1);
                channel.read(line, entry.getValue().offset());
                line.flip();
                while (line.hasRemaining()) {
                    out.write(line);
                }
            }
            out.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("The decision journal could not be purged", e);
        }
        try {
            channel.close();
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            positions.clear();
            byCase.clear();
            channel = open(file);
            index();
        } catch (IOException e) {
            throw new UncheckedIOException("The decision journal could not be reopened after the purge", e);
        }
        return purged;
    }

    @Override
    public AccessLogStore accessLog() {
        return accessLog;
    }

    @Override
    public String describe() {
        return "append-only journal " + file + " (fsynced before each answer; reads logged beside it)";
    }

    @Override
    public void close() {
        queue.close();
        synchronized (this) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing at shutdown; every acknowledged batch was already fsynced
            }
        }
    }
}
