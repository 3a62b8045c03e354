package org.rentrecovery.policy;

import java.time.Instant;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One policy version: the whole set of DMN models of {@code decision-tables/}, by relative path,
 * each held as the SHA-256 of its bytes (the bytes are stored once per content). A version's
 * models change only while it is a draft; once approved it never changes, so a decision that
 * names it can be replayed exactly.
 *
 * @param contract     the policy contract (inputs and outputs the running code gives and reads)
 *                     the version was written for; see {@link PolicyContract}
 * @param contributors everyone who changed the draft (its author and every uploader): none of
 *                     them may approve it
 * @param suites       the version's own copies of scenario suite files, by path under the suites
 *                     folder (e.g. {@code escalation/first-steps.csv}) to the SHA-256 of their bytes:
 *                     the suites a policy change rewrote to encode the new policy. A suite without a
 *                     copy here is read from the stored suites folder. A draft inherits its parent's.
 */
public record PolicyVersion(String id, String parentId, String author, Instant createdAt, String note, int contract,
        Set<String> contributors, String approvedBy, Instant approvedAt, SortedMap<String, String> models,
        SortedMap<String, String> suites) {

    public PolicyVersion {
        contributors = Set.copyOf(new TreeSet<>(contributors));
        models = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(models));
        // A store written before versions carried suites has none for them.
        suites = java.util.Collections.unmodifiableSortedMap(suites == null ? new TreeMap<>() : new TreeMap<>(suites));
    }

    /** A version without suite copies of its own (the seed, a release's upgrade). */
    public PolicyVersion(String id, String parentId, String author, Instant createdAt, String note, int contract,
            Set<String> contributors, String approvedBy, Instant approvedAt, SortedMap<String, String> models) {
        this(id, parentId, author, createdAt, note, contract, contributors, approvedBy, approvedAt, models, null);
    }

    public boolean approved() {
        return approvedBy != null;
    }

    /** One digest of every path and model: two versions with the same tables have the same digest. */
    public String contentDigest() {
        StringBuilder all = new StringBuilder();
        models.forEach((path, sha) -> all.append(path).append('=').append(sha).append('\n'));
        return ModelBytes.sha256(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    PolicyVersion withModel(String path, String sha, String contributor) {
        SortedMap<String, String> changed = new TreeMap<>(models);
        changed.put(path, sha);
        Set<String> people = new TreeSet<>(contributors);
        people.add(contributor);
        return new PolicyVersion(id, parentId, author, createdAt, note, contract, people, approvedBy, approvedAt, changed,
                suites);
    }

    /** With a suite copy replaced, added ({@code sha} given) or dropped ({@code sha} null), by {@code contributor}. */
    PolicyVersion withSuite(String path, String sha, String contributor) {
        SortedMap<String, String> changed = new TreeMap<>(suites);
        if (sha == null) {
            changed.remove(path);
        } else {
            changed.put(path, sha);
        }
        Set<String> people = new TreeSet<>(contributors);
        people.add(contributor);
        return new PolicyVersion(id, parentId, author, createdAt, note, contract, people, approvedBy, approvedAt, models,
                changed);
    }

    PolicyVersion approvedBy(String approver, Instant at) {
        return new PolicyVersion(id, parentId, author, createdAt, note, contract, contributors, approver, at, models,
                suites);
    }
}
