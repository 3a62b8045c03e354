package org.rentrecovery.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything the store holds except the model bytes, as committed at one revision: the versions,
 * the timeline and the lifecycle events. Immutable; the rules that read a timeline live here.
 */
public record PolicyState(Map<String, PolicyVersion> versions, List<Activation> timeline, List<PolicyEvent> events) {

    /** The seed version applies from this date: before any back-dated question can be asked. */
    public static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);

    public PolicyState {
        versions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(versions));
        timeline = timeline.stream().sorted(Comparator.comparingLong(Activation::sequence)).toList();
        events = events.stream().sorted(Comparator.comparingLong(PolicyEvent::sequence)).toList();
    }

    public static PolicyState empty() {
        return new PolicyState(Map.of(), List.of(), List.of());
    }

    /** Increases with every change: a replica that saw this revision has seen everything before it. */
    public long revision() {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).sequence();
    }

    public long lastActivationSequence() {
        return timeline.isEmpty() ? 0 : timeline.get(timeline.size() - 1).sequence();
    }

    public Optional<PolicyVersion> version(String id) {
        return Optional.ofNullable(versions.get(id));
    }

    /** The version in force on a day: of the entries effective by then, the one appended last. */
    public Optional<String> inForce(LocalDate day) {
        return inForce(day, Long.MAX_VALUE);
    }

    private Optional<String> inForce(LocalDate day, long beforeSequence) {
        String found = null;
        for (Activation entry : timeline) {
            if (entry.sequence() < beforeSequence && !entry.effectiveFrom().isAfter(day)) {
                found = entry.versionId();
            }
        }
        return Optional.ofNullable(found);
    }

    /** A span of days during which one version is in force; {@code until} is exclusive, null = open. */
    public record Period(
            @Schema(description = "The version in force, e.g. 2026.11.30-1") String versionId,
            @Schema(description = "The first day it is in force") LocalDate from,
            @Schema(description = "The day the next version takes over (exclusive); absent while it is still in force") LocalDate until) {
    }

    /** The whole timeline as consecutive periods, oldest first. */
    public List<Period> periods() {
        TreeSet<LocalDate> starts = new TreeSet<>();
        timeline.forEach(entry -> starts.add(entry.effectiveFrom()));
        List<Period> periods = new ArrayList<>();
        String current = null;
        LocalDate currentFrom = null;
        for (LocalDate start : starts) {
            String version = inForce(start).orElse(null);
            if (!java.util.Objects.equals(version, current)) {
                if (current != null) {
                    periods.add(new Period(current, currentFrom, start));
                }
                current = version;
                currentFrom = start;
            }
        }
        if (current != null) {
            periods.add(new Period(current, currentFrom, null));
        }
        return periods;
    }

    /** The periods one version was, is or will be in force, oldest first (empty when it never applied). */
    public List<Period> periodsOf(String versionId) {
        return periods().stream().filter(period -> period.versionId().equals(versionId)).toList();
    }

    /**
     * DRAFT until approved; APPROVED until activated; ACTIVE while in force today or scheduled to
     * be in force from a later day; RETIRED once nothing on the timeline can make it apply again
     * (it still answers back-dated questions for its periods).
     */
    public PolicyStatus status(String versionId, LocalDate today) {
        PolicyVersion version = versions.get(versionId);
        if (version == null) {
            throw new IllegalArgumentException(versionId);
        }
        if (!version.approved()) {
            return PolicyStatus.DRAFT;
        }
        if (timeline.stream().noneMatch(entry -> entry.versionId().equals(versionId))) {
            return PolicyStatus.APPROVED;
        }
        return activeFrom(versionId, today).isPresent() ? PolicyStatus.ACTIVE : PolicyStatus.RETIRED;
    }

    /** The first day from today on that the version is in force, if any. */
    public Optional<LocalDate> activeFrom(String versionId, LocalDate today) {
        return periods().stream()
                .filter(period -> period.versionId().equals(versionId))
                .filter(period -> period.until() == null || period.until().isAfter(today))
                .map(period -> period.from().isBefore(today) ? today : period.from())
                .findFirst();
    }

    /**
     * What a rollback returns to: the version that the last timeline entry replaced, i.e. the one
     * that would be in force on that entry's first day (or today, if later) without it.
     */
    public Optional<String> rollbackTarget(LocalDate today) {
        if (timeline.size() < 2) {
            return Optional.empty();
        }
        Activation last = timeline.get(timeline.size() - 1);
        LocalDate day = last.effectiveFrom().isBefore(today) ? today : last.effectiveFrom();
        return inForce(day, last.sequence());
    }

    public List<PolicyEvent> eventsOf(String versionId) {
        return events.stream().filter(event -> versionId.equals(event.versionId())).toList();
    }
}
