package io.zakka.storage.durability;

import io.zakka.protocol.Zxid;
import io.zakka.storage.snapshot.SnapshotStore;
import io.zakka.storage.txnlog.LogSegments;
import java.io.IOException;
import java.nio.file.Path;
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

    /**
     * After a snapshot: keeps the newest {@code keep} snapshots (all when {@code keep} is 0) and deletes the log
     * segments in {@code logDir} that only the deleted ones needed. Returns the deleted segments.
     */
    public static List<Path> purge(SnapshotStore snapshots, Optional<Path> logDir, int keep) throws IOException {
        if (keep <= 0) {
            return List.of();
        }
        Optional<Zxid> oldestKept = purgeSnapshots(snapshots, keep);
        if (oldestKept.isEmpty() || logDir.isEmpty()) {
            return List.of();
        }
        return LogSegments.purgeThrough(logDir.get(), oldestKept.get());
    }
}
