package org.rentrecovery.audit;

import java.time.OffsetDateTime;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Where each record of a decision journal lies, and each case's decisions newest first: built when the journal is
 * opened and kept up to date by its writer. Not thread-safe: the journal holds its own lock around every call.
 *
 * <p>A journal-mode service holds one entry per decision it ever recorded, so an entry is a few primitives in growable
 * arrays rather than objects (about 50 bytes a record, against about 256 for a {@code UUID}, a position, map and tree
 * entries and an {@code OffsetDateTime}): record n's id ({@link DecisionIdTable}), file offset, length, time as epoch
 * nanoseconds ({@link DecisionTimes}), and the next older record of its case. Cases are numbered once
 * ({@link CaseRefTable}), each with its newest record and count.
 *
 * <p>The same decision id in two records (the journal never writes one twice) is kept as a map from id to position and a
 * sorted set per case would keep it: the id finds the later record, and in a case's list an entry of the same id and time is not repeated.
 */
final class JournalIndex {
    private static final int NONE = -1;
    private static final int INITIAL_RECORDS = 1024;

    /**
     * Where a record is: a binary record ({@link JournalFrame}) is {@code length} bytes from {@code offset}; an NDJSON
     * line of an older journal is {@code length} bytes and its newline.
     */
    record Position(long offset, int length, boolean binary) {
        /** The bytes the record takes in the file. */
        long extent() {
            return binary ? length : length + 1L;
        }
    }

    private final int initialRecords;
    private final DecisionIdTable ids;
    private final DecisionTimes times;
    private final CaseRefTable cases = new CaseRefTable();
    private int records;
    // Columns in pages (IntPages): growing never copies them, on the writer thread and under the journal's lock.
    private LongPages offsets;
    /** The length of a binary record, or -1 - length for an NDJSON line. */
    private IntPages lengths;
    /** The next record of the same case in newest-first order, or -1. */
    private IntPages olderInCase;
    private IntPages newestOfCase;
    private IntPages sizeOfCase;
    private OffsetDateTime earliest;

    JournalIndex() {
        this(INITIAL_RECORDS);
    }

    /** An index whose columns start with room for {@code initialRecords} and grow a page at a time as they fill. */
    JournalIndex(int initialRecords) {
        this.initialRecords = Math.max(1, initialRecords);
        this.ids = new DecisionIdTable(this.initialRecords);
        this.times = new DecisionTimes(this.initialRecords);
        allocate();
    }

    private void allocate() {
        offsets = new LongPages(initialRecords);
        lengths = new IntPages(initialRecords);
        olderInCase = new IntPages(initialRecords);
        newestOfCase = new IntPages(16);
        sizeOfCase = new IntPages(16);
    }

    void remember(UUID decisionId, String caseRef, OffsetDateTime decidedAt, Position at) {
        Objects.requireNonNull(decidedAt, "a journal record without its decision time cannot be ordered");
        int number = caseNumber(caseRef);
        long exact = DecisionTimes.exactNanos(decidedAt);
        int before = NONE;
        int after = newestOfCase.get(number);
        while (after != NONE) {
            int order = newestFirst(after, exact, decidedAt, decisionId);
            if (order == 0) { // the same id and time again in this case: one entry, found at its new position
                place(after, at);
                ids.point(after);
                return;
            }
            if (order > 0) {
                break;
            }
            before = after;
            after = olderInCase.get(after);
        }
        int record = append(decisionId, decidedAt, at);
        olderInCase.set(record, after);
        if (before == NONE) {
            newestOfCase.set(number, record);
        } else {
            olderInCase.set(before, record);
        }
        sizeOfCase.set(number, sizeOfCase.get(number) + 1);
        ids.point(record);
        if (earliest == null || decidedAt.isBefore(earliest)) {
            earliest = decidedAt;
        }
    }

    private int caseNumber(String caseRef) {
        int number = cases.intern(caseRef);
        newestOfCase.ensure(number + 1);
        sizeOfCase.ensure(number + 1);
        if (sizeOfCase.get(number) == 0) {
            newestOfCase.set(number, NONE);
        }
        return number;
    }

    private int append(UUID decisionId, OffsetDateTime decidedAt, Position at) {
        int record = records++;
        offsets.ensure(record + 1);
        lengths.ensure(record + 1);
        olderInCase.ensure(record + 1);
        ids.hold(record, decisionId);
        times.hold(record, decidedAt);
        place(record, at);
        return record;
    }

    private void place(int record, Position at) {
        offsets.set(record, at.offset());
        lengths.set(record, at.binary() ? at.length() : -1 - at.length());
    }

    private Position positionAt(int record) {
        int length = lengths.get(record);
        long offset = offsets.get(record);
        return length >= 0 ? new Position(offset, length, true) : new Position(offset, -1 - length, false);
    }

    Position positionOf(UUID decisionId) {
        int record = ids.recordOf(decisionId);
        return record == NONE ? null : positionAt(record);
    }

    int decisionsOf(String caseRef) {
        int number = cases.numberOf(caseRef);
        return number == NONE ? 0 : sizeOfCase.get(number);
    }

    /** A page of a case's records, newest first. */
    List<Position> pageOf(String caseRef, int page, int size) {
        int number = cases.numberOf(caseRef);
        if (number == NONE) {
            return List.of();
        }
        long skip = (long) page * size;
        if (skip < 0 || size < 0) {
            throw new IllegalArgumentException("a page needs a number and size of at least 0, not " + page + " and " + size);
        }
        List<Position> found = new ArrayList<>();
        int record = newestOfCase.get(number);
        for (long i = 0; record != NONE && i < skip + size; i++, record = olderInCase.get(record)) {
            if (i >= skip) {
                found.add(positionAt(ids.pointedFor(record)));
            }
        }
        return found;
    }

    /** Each case's latest decision made in [from, until), the cases in the order first recorded. */
    List<UUID> latestPerCaseDecidedBetween(OffsetDateTime from, OffsetDateTime until) {
        long fromNanos = DecisionTimes.clampedNanos(from);
        long untilNanos = DecisionTimes.clampedNanos(until);
        List<UUID> latest = new ArrayList<>();
        for (int number = 0; number < cases.size(); number++) {
            // newest first: the first record within the period is the case's latest in it; once one is before the
            // period, every record after it is too
            for (int record = newestOfCase.get(number); record != NONE; record = olderInCase.get(record)) {
                if (times.isBefore(record, from, fromNanos)) {
                    break;
                }
                if (times.isBefore(record, until, untilNanos)) {
                    latest.add(ids.idOf(record));
                    break;
                }
            }
        }
        return latest;
    }

    boolean anyDecidedBefore(OffsetDateTime cutoff) {
        return earliest != null && earliest.isBefore(cutoff);
    }

    /** Every record's position (the one each decision id finds), in the order they lie in the file. */
    List<Position> inFileOrder() {
        return inFileOrder(ids.pointedRecords());
    }

    /**
     * The positions of the records decided at or after {@code cutoff}, in file order: what a retention purge keeps, told
     * from the times the index holds, so the purge decodes no record and keeps one whose payload no longer decodes.
     */
    List<Position> inFileOrderDecidedFrom(OffsetDateTime cutoff) {
        long clamped = DecisionTimes.clampedNanos(cutoff);
        return inFileOrder(Arrays.stream(ids.pointedRecords()).filter(r -> !times.isBefore(r, cutoff, clamped)).toArray());
    }

    /** How many decisions the index finds (a decision recorded twice counts once). */
    int decisions() {
        return ids.distinct();
    }

    private List<Position> inFileOrder(int[] pointed) {
        Arrays.sort(pointed); // records are numbered as written, so in file order unless one was found again
        if (!inOffsetOrder(pointed)) {
            Integer[] boxed = Arrays.stream(pointed).boxed().toArray(Integer[]::new);
            Arrays.sort(boxed, Comparator.comparingLong(offsets::get));
            pointed = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        }
        int[] inOrder = pointed;
        return new AbstractList<>() { // made as read: a purge walks a million records without a million positions
            @Override
            public Position get(int i) {
                return positionAt(inOrder[i]);
            }

            @Override
            public int size() {
                return inOrder.length;
            }
        };
    }

    private boolean inOffsetOrder(int[] sorted) {
        for (int i = 1; i < sorted.length; i++) {
            if (offsets.get(sorted[i]) < offsets.get(sorted[i - 1])) {
                return false;
            }
        }
        return true;
    }

    void clear() {
        records = 0;
        ids.clear(initialRecords);
        cases.clear();
        times.clear(initialRecords);
        allocate();
        earliest = null;
    }

    /**
     * Where {@code record} stands against a new entry in a case's newest-first list (latest time first, then the
     * greater id, as {@code OffsetDateTime} and {@code UUID} compare): below 0 before it, 0 the same entry.
     */
    private int newestFirst(int record, long exact, OffsetDateTime decidedAt, UUID decisionId) {
        int byTime = times.compare(record, exact, decidedAt);
        int ascending = byTime != 0 ? byTime : ids.idOf(record).compareTo(decisionId);
        return -ascending;
    }
}
