package io.zakka.storage.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zakka.protocol.txn.TxnEntry;
import io.zakka.storage.snapshot.SnapshotStore;
import io.zakka.storage.tree.DataTree;
import io.zakka.storage.tree.NodeImage;
import io.zakka.storage.tree.SnapshotCursor;
import io.zakka.storage.tree.TreeDigest;
import io.zakka.storage.txnlog.LogOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: random txn sequences applied live, and the same state restored from a snapshot taken at a random
 * point (in slices, while later txns keep being applied) plus the log after it, give identical trees: the
 * same digest of every node, its data, ACL and stored fields, and the same client Stat of every node.
 */
class RestoreMatchesLiveTest {
    private static final int SEEDS = 40;

    @TempDir
    Path temp;

    @Test
    void treeRestoredFromSnapshotAndLogEqualsTheLiveTree() throws IOException {
        long base = Long.getLong("durability.seed", 20261123L);
        for (int i = 0; i < SEEDS; i++) {
            long seed = base + i;
            String message = "seed=" + seed + " (rerun with -Ddurability.seed=" + seed + ")";
            Path dir = Files.createDirectory(temp.resolve("run" + i));
            check(seed, dir, message);
        }
    }

    private static void check(long seed, Path dir, String message) throws IOException {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        DataDir dataDir = new DataDir(dir);
        LogOptions options = new LogOptions(2_000 + random.nextInt(20_000), random.nextInt(3) * 4096L, true);
        Recovery.Recovered start = Recovery.recover(dataDir, 1, options);
        RandomWrites writes = new RandomWrites(seed, start.tree());
        int total = 200 + random.nextInt(300);
        int snapshotAt = random.nextInt(total);
        SnapshotCursor cursor = null;
        SnapshotStore.Writer writer = null;
        for (int n = 0; n < total; n++) {
            TxnEntry entry = writes.next();
            start.log().append(entry);
            if (random.nextInt(4) == 0) {
                start.log().sync();
            }
            if (n == snapshotAt) {
                start.log().sync();
                cursor = writes.tree.openSnapshot();
                writer = start.snapshots().begin(cursor.zxid(), cursor.sessionTimeouts(), cursor.nodeCount());
            }
            if (cursor != null && !cursor.isDone()) {
                writer.write(cursor.next(1 + random.nextInt(5)));
                if (cursor.isDone()) {
                    writer.commit();
                }
            }
        }
        while (cursor != null && !cursor.isDone()) {
            List<NodeImage> slice = cursor.next(7);
            writer.write(slice);
            if (cursor.isDone()) {
                writer.commit();
            }
        }
        start.log().close();
        DataTree live = writes.tree;
        Recovery.Recovered restored = Recovery.recover(dataDir, 1, options);
        restored.log().close();
        assertEquals(cursor.zxid(), restored.snapshotZxid(), message + ": recovery starts from the new snapshot");
        assertEquals(live.lastAppliedZxid(), restored.tree().lastAppliedZxid(), message);
        assertEquals(TreeDigest.of(live), TreeDigest.of(restored.tree()), message);
        assertEquals(live.sessionTimeouts(), restored.tree().sessionTimeouts(), message);
        assertEveryStatEqual(live, restored.tree(), "/", message);
    }

    private static void assertEveryStatEqual(DataTree live, DataTree restored, String path, String message) {
        assertEquals(live.get(path).stat(), restored.get(path).stat(), message + " at " + path);
        assertEquals(live.getChildren(path), restored.getChildren(path), message + " at " + path);
        for (String child : live.getChildren(path)) {
            assertEveryStatEqual(live, restored, "/".equals(path) ? "/" + child : path + "/" + child, message);
        }
    }
}
