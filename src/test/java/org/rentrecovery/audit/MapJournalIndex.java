package org.rentrecovery.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.rentrecovery.audit.JournalIndex.Position;

/**
 * The journal index as it was before it was packed into primitive arrays (issue 16): a map from id to position and a
 * sorted set of entries per case. Kept as the reference {@link JournalIndexTest} holds {@link JournalIndex} to, query
 * for query, and as the "before" of {@link JournalIndexFootprint}.
 */
final class MapJournalIndex {

    private record Entry(OffsetDateTime decidedAt, UUID decisionId) {
    }

    private static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing(Entry::decidedAt)
            .thenComparing(Entry::decisionId).reversed();

    private final Map<UUID, Position> positions = new HashMap<>();
    private final Map<String, TreeSet<Entry>> byCase = new HashMap<>();

    void remember(UUID decisionId, String caseRef, OffsetDateTime decidedAt, Position at) {
        positions.put(decisionId, at);
        byCase.computeIfAbsent(caseRef, k -> new TreeSet<>(NEWEST_FIRST)).add(new Entry(decidedAt, decisionId));
    }

    Position positionOf(UUID decisionId) {
        return positions.get(decisionId);
    }

    int decisionsOf(String caseRef) {
        TreeSet<Entry> entries = byCase.get(caseRef);
        return entries == null ? 0 : entries.size();
    }

    /** A page of a case's records, newest first. */
    List<Position> pageOf(String caseRef, int page, int size) {
        TreeSet<Entry> entries = byCase.get(caseRef);
        if (entries == null) {
            return List.of();
        }
        return entries.stream().skip((long) page * size).limit(size).map(e -> positions.get(e.decisionId())).toList();
    }

    /** Each case's latest decision made in [from, until). */
    List<UUID> latestPerCaseDecidedBetween(OffsetDateTime from, OffsetDateTime until) {
        List<UUID> latest = new ArrayList<>();
        for (TreeSet<Entry> entries : byCase.values()) {
            // newest first: the first entry within the period is the case's latest in it
            entries.stream().filter(e -> !e.decidedAt().isBefore(from) && e.decidedAt().isBefore(until)).findFirst()
                    .ifPresent(e -> latest.add(e.decisionId()));
        }
        return latest;
    }

    boolean anyDecidedBefore(OffsetDateTime cutoff) {
        return byCase.values().stream().flatMap(TreeSet::stream).anyMatch(e -> e.decidedAt().isBefore(cutoff));
    }

    /** Every record's position, in the order they lie in the file. */
    List<Position> inFileOrder() {
        List<Position> all = new ArrayList<>(positions.values());
        all.sort(Comparator.comparingLong(Position::offset));
        return all;
    }

    void clear() {
        positions.clear();
        byCase.clear();
    }
}
