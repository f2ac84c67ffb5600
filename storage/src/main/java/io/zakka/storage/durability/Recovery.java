package io.zakka.storage.durability;

import io.zakka.protocol.Zxid;
import io.zakka.storage.snapshot.FileSnapshotStore;
import io.zakka.storage.snapshot.SnapshotStore;
import io.zakka.storage.tree.DataTree;
import io.zakka.storage.txnlog.CorruptLogException;
import io.zakka.storage.txnlog.FileTxnLog;
import io.zakka.storage.txnlog.LogOptions;
import io.zakka.storage.txnlog.TxnLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a server's state back from its data dir before it serves: load the newest valid snapshot
 * (skipping corrupt ones for older ones), replay the log after it, and open the log for appending with a torn
 * tail cut off. Refuses, with a {@link DataDirException} that says what to do, rather than serve a state that
 * may have lost acknowledged writes:
 * <ul>
 *   <li>the dir belongs to another server id ({@link DataDir#claim});</li>
 *   <li>there is a log but no valid snapshot (ZOOKEEPER-2325: an empty tree must not be served and spread);</li>
 *   <li>the log does not continue from the snapshot, or has a hole (a missing segment), or an older segment
 *       is corrupt ({@link CorruptLogException}).</li>
 * </ul>
 * A new dir gets a snapshot of the empty tree at zxid 0 at once, so that a log always has a snapshot to start
 * from and the rule above never refuses a server that merely crashed before its first snapshot.
 */
public final class Recovery {

    private Recovery() {
    }

    /** The recovered state: the tree, the open log and snapshot store, and what recovery did. */
    public record Recovered(DataTree tree, FileTxnLog log, FileSnapshotStore snapshots, Zxid snapshotZxid,
                            int replayed, List<String> notes) {
    }

    public static Recovered recover(DataDir dataDir, int serverId, LogOptions options) throws IOException {
        boolean fresh = dataDir.claim(serverId);
        FileSnapshotStore snapshots = FileSnapshotStore.open(dataDir.snapshotDir());
        FileTxnLog log = FileTxnLog.open(dataDir.logDir(), options);
        List<String> notes = new ArrayList<>(log.openNotes());
        try {
            if (fresh || (snapshots.list().isEmpty() && log.lastZxid().equals(Zxid.ZERO))) {
                DataTree empty = new DataTree();
                SnapshotStore.save(snapshots, empty);
                notes.add("new data dir " + dataDir.root() + ": wrote the initial snapshot at 0x0");
                return new Recovered(empty, log, snapshots, Zxid.ZERO, 0, notes);
            }
            SnapshotStore.Loaded loaded = snapshots.loadLatestValid();
            loaded.skipped().forEach(reason -> notes.add("skipped invalid snapshot " + reason));
            if (!loaded.found()) {
                throw new DataDirException("no valid snapshot in " + dataDir.snapshotDir() + " but the log in "
                        + dataDir.logDir() + " ends at " + log.lastZxid() + ": serving would lose data"
                        + " (ZOOKEEPER-2325). Restore a snapshot from a backup or a replica into "
                        + dataDir.snapshotDir() + "; if the data may really be discarded, move the data dir away");
            }
            DataTree tree = loaded.tree();
            Zxid base = tree.lastAppliedZxid();
            int replayed = replay(log, tree, dataDir);
            if (log.lastZxid().compareTo(base) < 0) {
                notes.add("the log ends at " + log.lastZxid() + ", before the snapshot at " + base
                        + ": the snapshot covers the rest; the old log segments are deleted and the log continues"
                        + " after the snapshot");
                // Rebase deletes the old segments: the snapshot's rename must be durable before they go.
                Fsync.directory(dataDir.snapshotDir());
                log.rebase(base);
            }
            notes.add("loaded snapshot " + base + " (" + tree.nodeCount() + " nodes, "
                    + tree.sessionTimeouts().size() + " sessions), replayed " + replayed + " txns up to "
                    + tree.lastAppliedZxid());
            return new Recovered(tree, log, snapshots, base, replayed, notes);
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
    }

    private static int replay(TxnLog log, DataTree tree, DataDir dataDir) throws IOException {
        int[] count = {0};
        try {
            log.readAfter(tree.lastAppliedZxid(), entry -> {
                tree.apply(entry);
                count[0]++;
            });
        } catch (CorruptLogException e) {
            throw new DataDirException("cannot replay the log in " + dataDir.logDir() + " after the snapshot at "
                    + tree.lastAppliedZxid() + ": " + e.getMessage(), e);
        }
        return count[0];
    }
}
