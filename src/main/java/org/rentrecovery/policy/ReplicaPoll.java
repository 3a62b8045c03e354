package org.rentrecovery.policy;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How a replica notices what other replicas changed in a shared PostgreSQL store: the store's
 * revision (its highest event sequence) is one cheap query; when it moved, the timeline is
 * installed again (compiled sets are cached, so only a new version compiles).
 */
final class ReplicaPoll {
    private final PostgresPolicyStore store;
    private final Runnable install;
    private final AtomicLong seenRevision;

    ReplicaPoll(PostgresPolicyStore store, long seenRevision, Runnable install) {
        this.store = store;
        this.install = install;
        this.seenRevision = new AtomicLong(seenRevision);
    }

    /** @return whether the store had moved and the timeline was installed again */
    boolean pollOnce() {
        long revision = store.revision();
        if (revision == seenRevision.get()) {
            return false;
        }
        install.run();
        seenRevision.set(revision);
        return true;
    }
}
