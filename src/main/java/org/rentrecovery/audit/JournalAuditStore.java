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
import java.util.List;
import java.util.Optional;

import org.rentrecovery.audit.JournalIndex.Position;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The embedded default when no database is configured: an append-only file of binary records ({@link JournalFrame}:
 * length, checksum, the PostgreSQL row's content, its request, answer and rules compressed alike), after any NDJSON
 * lines an older version wrote (still read, and kept by the purge). Batches are appended and fsynced before any of
 * their requests is answered. Reads use an in-memory {@link JournalIndex} built when the file is opened (about 50
 * bytes a record and each case ref once: a single instance, not years of a large landlord's decisions; use PostgreSQL
 * for that). The
 * retention purge rewrites the file without the expired records and swaps it in atomically.
 */
final class JournalAuditStore implements AuditStore {

    /** What opening the journal found: records served, and the torn tail of an unfinished (never answered) write, cut off. */
    record Recovery(long records, long tornAt, long tornBytes) {
        boolean torn() {
            return tornBytes > 0;
        }
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(JournalAuditStore.class);

    private final Path file;
    private final ObjectMapper mapper;
    private final GroupCommitQueue<AuditRecord> queue;
    private final AccessJournal accessLog;
    private final JournalIndex index = new JournalIndex();
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
            indexFile();
            this.accessLog = new AccessJournal(AccessJournal.beside(this.file), mapper);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the decision journal " + this.file, e);
        }
        this.queue = new GroupCommitQueue<>("decision-journal-writer", queueCapacity, maxBatch,
                List.<GroupCommitQueue.BatchWriter<AuditRecord>>of(this::writeBatch), listener); // one writer: appends stay in order
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
    private void indexFile() throws IOException {
        long size = channel.size();
        JournalFileReader reader = new JournalFileReader(channel, size);
        long offset = 0;
        long records = 0;
        boolean lineCutShort = false;
        while (offset < size) {
            int first = reader.byteAt(offset);
            Position at;
            if (first == (JournalFrame.FORMAT_1 & 0xff)) {
                int length = reader.wholeFrameLength(offset);
                if (length < 0) {
                    break;
                }
                JournalFrame.Head head = reader.headOfFrame(offset, length);
                at = new Position(offset, length, true);
                index.remember(head.decisionId(), head.caseRef(), head.decidedAt(), at);
            } else if (first == '{') {
                at = indexLine(reader, offset, records);
                if (at == null) {
                    lineCutShort = true; // no newline: the last write did not finish
                    break;
                }
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
        cutTornTail(offset, size, records);
    }

    private void cutTornTail(long offset, long size, long records) throws IOException {
        if (offset < size) {
            LOG.warnf("Decision journal %s: the last write did not finish (the service stopped mid-write): %d bytes at byte %d "
                    + "were never acknowledged to any caller and are cut off; the %d records before them are served.",
                    file, size - offset, offset, records);
            channel.truncate(offset);
            channel.force(true);
        }
        channel.position(offset);
    }

    /** Indexes the NDJSON line an older version wrote at {@code offset}; null when it has no newline (cut short). */
    private Position indexLine(JournalFileReader reader, long offset, long recordsBefore) throws IOException {
        long end = reader.lineEnd(offset);
        if (end < 0) {
            return null;
        }
        int length = Math.toIntExact(end - offset);
        JournalLine record; // the payload is decompressed when the record is read, not for the index
        try {
            record = mapper.readValue(reader.bytes(offset, length), JournalLine.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Only where: the parser's message would quote the line, a tenant's data.
            throw new IOException("line " + (recordsBefore + 1) + " (byte " + offset + ") of " + file
                    + " is complete but not a decision record; the journal is damaged", null);
        }
        Position at = new Position(offset, length, false);
        index.remember(record.decisionId(), record.caseRef(), record.decidedAt(), at);
        return at;
    }

    /** What the last opening (or purge) of the journal found. */
    synchronized Recovery recovery() {
        return recovery;
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
        DurableAppend.writeOrUndo(channel, buffer, start); // on failure no half-written batch is left; its requests get 503
        long offset = start;
        for (int i = 0; i < batch.size(); i++) {
            AuditRecord r = batch.get(i);
            index.remember(r.decisionId(), r.caseRef(), r.decidedAt(), new Position(offset, frames.get(i).length, true));
            offset += frames.get(i).length;
        }
    }

    @Override
    public synchronized Optional<AuditRecord> find(UUID decisionId) {
        Position at = index.positionOf(decisionId);
        return at == null ? Optional.empty() : Optional.of(readAt(at));
    }

    @Override
    public synchronized Page list(String caseRef, int page, int size) {
        List<AuditRecord> records = index.pageOf(caseRef, page, size).stream().map(this::readAt).toList();
        return new Page(index.decisionsOf(caseRef), records);
    }

    /** Collects the ids under the lock (a few bytes a case), then reads each record on its own. */
    @Override
    public void latestPerCaseDecidedBetween(OffsetDateTime from, OffsetDateTime until, java.util.function.Consumer<AuditRecord> each,
            java.util.function.Consumer<UnreadableAuditRecordException> unreadable) {
        List<UUID> latest;
        synchronized (this) {
            latest = index.latestPerCaseDecidedBetween(from, until);
        }
        for (UUID id : latest) {
            Optional<AuditRecord> record;
            try {
                record = find(id);
            } catch (UnreadableAuditRecordException e) {
                unreadable.accept(e);
                continue;
            }
            record.ifPresent(each);
        }
    }

    private AuditRecord readAt(Position at) {
        ByteBuffer buffer = ByteBuffer.allocate(at.length());
        try {
            JournalFileReader.readFully(channel, buffer, at.offset());
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
        if (!index.anyDecidedBefore(cutoff)) {
            return 0;
        }
        Path next = file.resolveSibling(file.getFileName() + ".purge");
        List<Position> kept = index.inFileOrderDecidedFrom(cutoff);
        long purged = index.decisions() - kept.size();
        try (FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (Position at : kept) {
                ByteBuffer copy = ByteBuffer.allocate(Math.toIntExact(at.extent()));
                JournalFileReader.readFully(channel, copy, at.offset());
                copy.flip();
                while (copy.hasRemaining()) {
                    out.write(copy);
                }
            }
            out.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("The decision journal could not be purged", e);
        }
        replaceWith(next);
        return purged;
    }

    /** Renames the purged copy over the journal and indexes it afresh. */
    private void replaceWith(Path purgedCopy) {
        try {
            channel.close();
            Files.move(purgedCopy, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            index.clear();
            channel = open(file);
            indexFile();
        } catch (IOException e) {
            throw new UncheckedIOException("The decision journal could not be reopened after the purge", e);
        }
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
