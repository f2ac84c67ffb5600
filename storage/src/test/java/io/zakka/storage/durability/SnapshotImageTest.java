package io.zakka.storage.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.storage.tree.DataTree;
import io.zakka.storage.tree.NodeImage;
import io.zakka.storage.tree.SnapshotCursor;
import io.zakka.storage.tree.TreeDigest;
import io.zakka.storage.tree.TreeLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A snapshot taken in slices while the tree keeps changing is exactly the tree at the snapshot's zxid: creates,
 * deletes, re-creates of the same path, data and ACL changes ahead of and behind the walk, ephemerals and
 * sequential nodes (RandomWrites' small path space makes them collide), checked directly against a digest taken
 * when the snapshot opened.
 */
class SnapshotImageTest {
    private static final int SEEDS = 300;

    @Test
    void anImageTakenWhileTheTreeChangesEqualsTheTreeAtItsZxid() {
        long base = Long.getLong("snapshot.seed", 20261124L);
        long writesDuringSnapshots = 0;
        for (int i = 0; i < SEEDS; i++) {
            long seed = base + i;
            writesDuringSnapshots += check(seed, "seed=" + seed + " (rerun with -Dsnapshot.seed=" + seed + ")");
        }
        // The test is about changes during the walk: make sure the seeds produce plenty of them.
        assertTrue(writesDuringSnapshots > SEEDS * 20L, writesDuringSnapshots + " writes during snapshots");
    }

    /** Checks one seed; returns the number of writes applied while its snapshot was open. */
    private static int check(long seed, String message) {
        SplittableRandom random = new SplittableRandom(seed);
        RandomWrites writes = new RandomWrites(seed, new DataTree());
        for (int n = random.nextInt(400); n > 0; n--) {
            writes.next();
        }
        DataTree tree = writes.tree;
        String atOpen = TreeDigest.of(tree);
        SnapshotCursor cursor = tree.openSnapshot();
        List<NodeImage> image = new ArrayList<>();
        int writesDuring = 0;
        while (!cursor.isDone()) {
            // Mostly writes between slices, so that most of the tree changes while the walk is under way.
            if (random.nextInt(3) != 0) {
                writes.next();
                writesDuring++;
            } else {
                image.addAll(cursor.next(1 + random.nextInt(4)));
            }
        }
        TreeLoader loader = new TreeLoader(cursor.zxid(), cursor.sessionTimeouts(), cursor.nodeCount());
        image.forEach(loader::add);
        assertEquals(atOpen, TreeDigest.of(loader.finish()), message + " after " + writesDuring + " writes");
        return writesDuring;
    }
}
