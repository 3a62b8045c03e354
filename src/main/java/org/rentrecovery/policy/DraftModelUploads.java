package org.rentrecovery.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What storing uploaded models in a draft writes: the draft with the new models, their bytes, an event for each. */
final class DraftModelUploads {
    private DraftModelUploads() {
    }

    /**
     * The change to the store, refused if the draft is no longer a draft or another upload changed its models since
     * they were read and checked ({@code draft}): the set that was checked is the set that is stored.
     */
    static PolicyChange<PolicyVersion> change(PolicyState state, PolicyVersion draft, Map<String, byte[]> uploads, String actor,
            LocalDate today, Instant now) {
        PolicyVersion current = state.version(draft.id())
                .orElseThrow(() -> PolicyInputException.notFound("policy version " + draft.id()));
        PolicyVersions.requireDraft(state, current, today);
        if (!current.models().equals(draft.models())) {
            throw PolicyInputException.conflict("policy-changed-meanwhile", "The draft changed meanwhile",
                    "Another model of draft " + draft.id() + " was uploaded while this one was being checked; upload again");
        }
        PolicyVersion uploaded = current;
        Map<String, byte[]> contents = new TreeMap<>();
        List<PolicyEvent> events = new ArrayList<>();
        for (Map.Entry<String, byte[]> upload : new TreeMap<>(uploads).entrySet()) {
            String path = upload.getKey();
            byte[] bytes = upload.getValue();
            String sha = ModelBytes.sha256(bytes);
            uploaded = uploaded.withModel(path, sha, actor);
            contents.put(sha, bytes);
            events.add(PolicyVersions.event(state, events.size() + 1, draft.id(), PolicyEvent.Type.MODEL_UPLOADED, actor, now,
                    path + " replaced (" + bytes.length + " bytes, sha256 " + sha.substring(0, 12) + ")"));
        }
        PolicyVersion changed = new PolicyVersion(current.id(), current.parentId(), current.author(), current.createdAt(),
                current.note(), PolicyContract.CURRENT, uploaded.contributors(), null, null, uploaded.models(), current.suites());
        return new PolicyChange<>(List.of(changed), contents, List.of(), events, changed);
    }
}
