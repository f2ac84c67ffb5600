package io.zakka.storage.durability;

import io.zakka.protocol.Zxid;
import io.zakka.storage.snapshot.SnapshotStore;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Which files a server may delete: it keeps the newest {@code keep} snapshots and every log txn after the
 * oldest of them (recovery needs a snapshot and the whole log after it, and an older snapshot is only useful
 * with its log). ZooKeeper never purges by default; we do, because a full disk stops the node.
 */
public final class Retention {

    private Retention() {
    }

    /**
     * Deletes the snapshots beyond the newest {@code keep} and returns the zxid up to which log segments may
     * now be deleted (the oldest kept snapshot's), or empty when there is none.
     */
    public static Optional<Zxid> purgeSnapshots(SnapshotStore snapshots, int keep) throws IOException {
        snapshots.purge(keep);
        List<Zxid> kept = snapshots.list();
        return kept.isEmpty() ? Optional.empty() : Optional.of(kept.get(kept.size() - 1));
    }
}
