package org.rentrecovery.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Puts versions in force by appending to the timeline: an approved, usable version from today or a later day, or a
 * rollback to the version the last entry replaced. Nothing earlier is ever rewritten, so what applied on any past
 * day stays as it was.
 */
final class Activations {
    private final PolicyStore store;
    private final CompiledVersions compiled;
    private final Clock clock;
    private final Supplier<LocalDate> today;
    private final Function<String, PolicyVersion> versions;

    Activations(PolicyStore store, CompiledVersions compiled, Clock clock, Supplier<LocalDate> today,
            Function<String, PolicyVersion> versions) {
        this.store = store;
        this.compiled = compiled;
        this.clock = clock;
        this.today = today;
        this.versions = versions;
    }

    Activation activate(String id, LocalDate effectiveFrom, String actor, String note) {
        if (effectiveFrom == null) {
            throw PolicyInputException.badField("effectiveFrom", "is required (yyyy-MM-dd, today or later)");
        }
        LocalDate now = today.get();
        if (effectiveFrom.isBefore(now)) {
            throw PolicyInputException.badField("effectiveFrom", "is " + effectiveFrom + ", in the past: a version can be "
                    + "activated from today (" + now + ") or a later day, so what applied before is never rewritten");
        }
        PolicyVersion version = versions.apply(id);
        if (!version.approved()) {
            throw PolicyInputException.conflict("policy-not-approved", "Only an approved version can be activated",
                    "Policy version " + id + " is a DRAFT; a second person must approve it first");
        }
        compiled.requireUsable(version, "activated");
        return append(id, effectiveFrom, actor, note, false);
    }

    Activation rollback(LocalDate effectiveFrom, String actor, String note) {
        LocalDate now = today.get();
        LocalDate from = effectiveFrom == null ? now : effectiveFrom;
        if (from.isBefore(now)) {
            throw PolicyInputException.badField("effectiveFrom", "is " + from + ", in the past: a rollback applies from today ("
                    + now + ") or a later day");
        }
        String target = store.read().rollbackTarget(now).orElseThrow(() -> PolicyInputException.conflict(
                "policy-nothing-to-roll-back", "Nothing to roll back", "Only the seed version has ever been activated"));
        compiled.requireUsable(versions.apply(target), "activated again");
        return append(target, from, actor, note, true);
    }

    private Activation append(String id, LocalDate from, String actor, String note, boolean rollback) {
        return store.change(state -> {
            if (rollback && !state.rollbackTarget(today.get()).map(id::equals).orElse(false)) {
                throw PolicyInputException.conflict("policy-changed-meanwhile", "The timeline changed meanwhile",
                        "Another activation was made while this rollback was being checked; look at the timeline and retry");
            }
            Instant now = clock.instant();
            String text = note == null || note.isBlank() ? (rollback ? "rollback" : "activation") : note;
            Activation entry = new Activation(state.lastActivationSequence() + 1, id, from, actor, now, text, rollback);
            String was = state.inForce(from).orElse("none");
            return new PolicyChange<>(List.of(), Map.of(), List.of(entry),
                    List.of(PolicyVersions.event(state, 1, id, rollback ? PolicyEvent.Type.ROLLED_BACK : PolicyEvent.Type.ACTIVATED,
                            actor, now, (rollback ? "rolled back to " : "activated ") + id + " from " + from + " (replacing " + was
                                    + "): " + text)), entry);
        });
    }
}
