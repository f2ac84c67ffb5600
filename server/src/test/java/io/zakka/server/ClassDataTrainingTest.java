package io.zakka.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.protocol.Zxid;
import io.zakka.storage.snapshot.FileSnapshotStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's training run must go through a whole start-up, writes, a clean stop and a recovery, in one JVM
 * that stays alive in between (the archive is written only when that JVM exits), or the archive would lack the
 * classes of those paths.
 */
class ClassDataTrainingTest {

    @TempDir
    Path dir;

    @Test
    void trainingWritesStopsCleanlyRecoversAndReturnsWithoutEndingTheJvm() throws Exception {
        assertEquals(0, ClassDataTraining.exitCode(dir));
        // Two clean stops, each with its snapshot: the second one after recovering the first round's writes.
        List<Zxid> snapshots = FileSnapshotStore.open(dir.resolve("data").resolve("snapshot")).list();
        assertTrue(snapshots.stream().anyMatch(zxid -> zxid.compareTo(Zxid.ZERO) > 0), snapshots.toString());
    }
}
