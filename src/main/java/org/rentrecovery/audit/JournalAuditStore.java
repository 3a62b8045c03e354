package org.rentrecovery.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
 * The embedded default when no database is configured: an append-only file of binary records
 * ({@link JournalFrame}: length, checksum, the same content as the PostgreSQL row, its request, answer and rules
 * compressed alike), after any NDJSON lines an older version wrote (still read, and kept by the purge). Batches are appended and fsynced before any of
 * their requests is answered. Reads use an in-memory index (decision id to file position, case ref
 * to its decisions) built by reading the file at startup and kept up to date by the writer; the
 * index costs about 200 bytes per record, which suits a single instance, not years of a large
 * landlord's decisions (use PostgreSQL for that). The retention purge rewrites the file without the
 * expired lines and swaps it in atomically.
 */
final class JournalAuditStore implements AuditStore {

    /**
     * Where a record is: a binary record ({@link JournalFrame}) is {@code length} bytes from {@code offset}; an NDJSON
     * line of an older journal is {@code length} bytes and its newline.
     */
    private record Position(long offset, int length, boolean binary) {
        /** The bytes the record takes in the file. */
        long extent() {
            return binary ? length : length + 1L;
        }
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
     * Reads every record once: the binary records ({@link JournalFrame}) and the NDJSON lines written before them.
     * A torn tail (a crash mid-write: its requests were never answered, since answers wait for the fsync), i.e. a
     * record cut short or failing its checksum with no whole record after it, or a last line with no newline, is
     * reported in the log and cut off; every whole record before it is served. A damaged record with whole records
     * after it, or a complete line that is not a record, is damage, not a crash: the journal is refused, not cut.
     */
    private void index() throws IOException {
        long size = channel.size();
        TailReader reader = new TailReader(channel, size);
        long offset = 0;
        long records = 0;
        boolean lineCutShort = false;
        while (offset < size) {
            int first = reader.byteAt(offset);
            Position at;
            if (first == (JournalFrame.FORMAT_1 & 0xff)) {
                byte[] frame = reader.frameAt(offset);
                if (frame == null) {
                    break;
                }
                JournalFrame.Head head = JournalFrame.head(frame);
                at = new Position(offset, frame.length, true);
                remember(head.decisionId(), head.caseRef(), head.decidedAt(), at);
            } else if (first == '{') {
                long end = reader.lineEnd(offset);
                if (end < 0) {
                    lineCutShort = true; // no newline: the last write did not finish
                    break;
                }
                int length = Math.toIntExact(end - offset);
                JournalLine record; // the payload is decompressed when the record is read, not for the index
                try {
                    record = mapper.readValue(reader.bytes(offset, length), JournalLine.class);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    // Only where: the parser's message would quote the line, a tenant's data.
                    throw new IOException("line " + (records + 1) + " (byte " + offset + ") of " + file
                            + " is complete but not a decision record; the journal is damaged", null);
                }
                at = new Position(offset, length, false);
                remember(record.decisionId(), record.caseRef(), record.decidedAt(), at);
            } else {
                break;
            }
            records++;
            offset += at.extent();
        }
        if (offset < size && !lineCutShort && reader.wholeFrameAfter(offset + 1)) {
            throw new IOException("the record at byte " + offset + " of " + file + " (after " + records
                    + " records) is damaged and whole records follow it; the journal is damaged, not torn by a crash,"
                    + " and is not cut");
        }
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

    /**
     * Reads the journal for {@link #index()}: through a buffer of 64 KB, so that a record costs no read of its own,
     * with positional reads, so the channel's own position is left alone.
     */
    private static final class TailReader {
        private final FileChannel channel;
        private final long size;
        private final byte[] buffer = new byte[64 * 1024];
        private long bufferStart;
        private int buffered;

        TailReader(FileChannel channel, long size) {
            this.channel = channel;
            this.size = size;
        }

        /** The byte at {@code at}, or -1 at the end of the file. */
        int byteAt(long at) throws IOException {
            if (at >= size) {
                return -1;
            }
            if (at < bufferStart || at >= bufferStart + buffered) {
                fill(at);
            }
            return buffer[(int) (at - bufferStart)] & 0xff;
        }

        /** {@code length} bytes at {@code at}; null when the file ends before them. */
        byte[] bytes(long at, int length) throws IOException {
            if (length < 0 || at + length > size) {
                return null;
            }
            byte[] out = new byte[length];
            if (length > buffer.length) {
                ByteBuffer target = ByteBuffer.wrap(out);
                while (target.hasRemaining()) {
                    if (channel.read(target, at + target.position()) < 0) {
                        throw new IOException("the journal ended while it was read");
                    }
                }
                return out;
            }
            if (at < bufferStart || at + length > bufferStart + buffered) {
                fill(at);
            }
            System.arraycopy(buffer, (int) (at - bufferStart), out, 0, length);
            return out;
        }

        /** The whole binary record at {@code at}, or null when it is cut short or fails its checksum. */
        byte[] frameAt(long at) throws IOException {
            byte[] header = bytes(at, JournalFrame.HEADER_BYTES);
            if (header == null) {
                return null;
            }
            int body = JournalFrame.bodyLength(header);
            if (body < 0 || body > size - at - JournalFrame.HEADER_BYTES) {
                return null;
            }
            byte[] frame = bytes(at, JournalFrame.HEADER_BYTES + body);
            return JournalFrame.isWhole(frame, frame.length) ? frame : null;
        }

        /** Where the line starting at {@code at} ends (its newline), or -1 when the file ends first. */
        long lineEnd(long at) throws IOException {
            for (long p = at; p < size; p++) {
                if (byteAt(p) == '\n') {
                    return p;
                }
            }
            return -1;
        }

        /** Whether a whole binary record starts anywhere from {@code from} on: after a bad record, damage rather than a torn tail. */
        boolean wholeFrameAfter(long from) throws IOException {
            for (long p = from; p + JournalFrame.HEADER_BYTES <= size; p++) {
                if (byteAt(p) == (JournalFrame.FORMAT_1 & 0xff) && frameAt(p) != null) {
                    return true;
                }
            }
            return false;
        }

        private void fill(long at) throws IOException {
            ByteBuffer target = ByteBuffer.wrap(buffer, 0, (int) Math.min(buffer.length, size - at));
            while (target.hasRemaining()) {
                if (channel.read(target, at + target.position()) < 0) {
                    throw new IOException("the journal ended while it was read");
                }
            }
            bufferStart = at;
            buffered = target.position();
        }
    }

    /** What the last opening (or purge) of the journal found. */
    synchronized Recovery recovery() {
        return recovery;
    }

    private void remember(UUID decisionId, String caseRef, OffsetDateTime decidedAt, Position at) {
        positions.put(decisionId, at);
        byCase.computeIfAbsent(caseRef, k -> new TreeSet<>(NEWEST_FIRST)).add(new Entry(decidedAt, decisionId));
    }

    @Override
    public CompletableFuture<Void> append(AuditRecord record) {
        return queue.submit(record);
    }

    private synchronized void writeBatch(List<AuditRecord> batch) throws IOException {
        long start = channel.position();
        List<byte[]> frames = new ArrayList<>(batch.size());
        int total = 0;
        for (AuditRecord r : batch) {
            byte[] frame = JournalFrame.of(r);
            frames.add(frame);
            total += frame.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(total);
        for (byte[] frame : frames) {
            buffer.put(frame);
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
            remember(r.decisionId(), r.caseRef(), r.decidedAt(), new Position(offset, frames.get(i).length, true));
            offset += frames.get(i).length;
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
            if (!at.binary()) {
                return mapper.readValue(buffer.array(), JournalLine.class).toRecord();
            }
            if (!JournalFrame.isWhole(buffer.array(), at.length())) {
                throw new IOException("the record at byte " + at.offset() + " no longer matches its checksum");
            }
            return JournalFrame.read(buffer.array());
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
                ByteBuffer copy = ByteBuffer.allocate(Math.toIntExact(entry.getValue().extent()));
                while (copy.hasRemaining()) {
                    if (channel.read(copy, entry.getValue().offset() + copy.position()) < 0) {
                        throw new IOException("the journal ended before the record at " + entry.getValue().offset());
                    }
                }
                copy.flip();
                while (copy.hasRemaining()) {
                    out.write(copy);
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
