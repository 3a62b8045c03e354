package org.rentrecovery.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The scenario suite files a version carries (its own copies of the suites a policy change rewrote):
 * read by path, and changed in a draft all together in one store change with the event that records
 * it, so a refused or interrupted change stores nothing. Checking a file's content is the caller's
 * ({@link DraftSuites}: it reads it as the suites folder would).
 */
public final class VersionSuites {
    private final PolicyStore store;
    private final Clock clock;
    private final Supplier<LocalDate> today;

    VersionSuites(PolicyStore store, Clock clock, Supplier<LocalDate> today) {
        this.store = store;
        this.clock = clock;
        this.today = today;
    }

    /** The version's own copies, by path under the suites folder. */
    public Map<String, byte[]> of(PolicyVersion version) {
        Map<String, byte[]> suites = new TreeMap<>();
        version.suites().forEach((path, sha) -> suites.put(path, store.suite(sha)));
        return suites;
    }

    /** Refuses (409) to change anything but a draft, before any work is done for the change. */
    public void requireDraft(PolicyVersion version) {
        PolicyVersions.requireDraft(store.read(), version, today.get());
    }

    /**
     * Stores, replaces or (for a null content) drops some of a draft's suite copies at once. Suites
     * decide nothing, so the engine's timeline is not installed again.
     *
     * @param files   path to new content, or to null to drop the draft's copy (the stored suite applies again)
     * @param basedOn path to the SHA-256 of the copy the caller read and checked against, absent when the draft
     *                had none: if another change touched one of them meanwhile, nothing is stored (409)
     */
    PolicyVersion change(String draftId, Map<String, byte[]> files, Map<String, String> basedOn, String actor,
            PolicyEvent.Type type, String detail) {
        Map<String, byte[]> bytes = new HashMap<>();
        files.forEach((path, content) -> {
            if (content != null) {
                bytes.put(ModelBytes.sha256(content), content);
            }
        });
        return store.change(state -> {
            PolicyVersion current = state.version(draftId)
                    .orElseThrow(() -> PolicyInputException.notFound("policy version " + draftId));
            PolicyVersions.requireDraft(state, current, today.get());
            PolicyVersion changed = current;
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                String path = file.getKey();
                if (!Objects.equals(current.suites().get(path), basedOn.get(path))) {
                    throw PolicyInputException.conflict("policy-changed-meanwhile", "The draft changed meanwhile",
                            "The suite " + path + " of draft " + draftId + " was changed while this change was being checked; try again");
                }
                changed = changed.withSuite(path, file.getValue() == null ? null : ModelBytes.sha256(file.getValue()), actor);
            }
            return new PolicyChange<>(List.of(changed), Map.of(), bytes, List.of(),
                    List.of(PolicyVersions.event(state, 1, draftId, type, actor, clock.instant(), detail)), changed);
        });
    }
}
