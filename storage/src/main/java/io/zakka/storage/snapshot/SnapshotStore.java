package io.zakka.storage.snapshot;

import io.zakka.protocol.Zxid;
import io.zakka.storage.tree.DataTree;
import io.zakka.storage.tree.NodeImage;
import io.zakka.storage.tree.SnapshotCursor;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where complete images of the tree are kept. A snapshot becomes visible to {@link #loadLatestValid} only
 * when {@link Writer#commit} returns, and then it is durable; a snapshot that was being written when the
 * server died is never loaded.
 */
public interface SnapshotStore {

    /** Starts a snapshot of a tree at {@code zxid} with this session table and node count. */
    Writer begin(Zxid zxid, Map<Long, Integer> sessionTimeouts, int nodeCount) throws IOException;

    /**
     * The newest snapshot that passes every check, skipping (and reporting in {@link Loaded#skipped()})
     * invalid newer ones; {@link Loaded#found()} is false when no snapshot is valid.
     */
    Loaded loadLatestValid() throws IOException;

    /** The zxids of the committed snapshots, newest first (valid or not). */
    List<Zxid> list() throws IOException;

    /** Deletes all but the newest {@code keep} snapshots; returns the zxids deleted. */
    List<Zxid> purge(int keep) throws IOException;

    /** Receives the nodes of one snapshot in slices. */
    interface Writer {
        void write(List<NodeImage> nodes) throws IOException;

        /** Checks the node count, makes the snapshot durable and visible. */
        Zxid commit() throws IOException;

        /** Drops an unfinished snapshot. */
        void abort();
    }

    /** A restored tree (null when none was valid); {@code skipped} says which snapshots were invalid and why. */
    record Loaded(DataTree tree, List<String> skipped) {
        public boolean found() {
            return tree != null;
        }

        public Zxid zxid() {
            return tree == null ? null : tree.lastAppliedZxid();
        }
    }

    /** Drains {@code cursor} into a new snapshot (for a tree nobody changes meanwhile, or in tests). */
    static Zxid save(SnapshotStore store, SnapshotCursor cursor, int sliceNodes) throws IOException {
        Writer writer = store.begin(cursor.zxid(), cursor.sessionTimeouts(), cursor.nodeCount());
        try {
            List<NodeImage> slice = cursor.next(sliceNodes);
            while (!slice.isEmpty()) {
                writer.write(slice);
                slice = cursor.next(sliceNodes);
            }
            return writer.commit();
        } catch (IOException | RuntimeException e) {
            writer.abort();
            cursor.abandon();
            throw e;
        }
    }

    /** Saves the whole tree at once (it must not change until this returns). */
    static Zxid save(SnapshotStore store, DataTree tree) throws IOException {
        return save(store, tree.openSnapshot(), 10_000);
    }
}
