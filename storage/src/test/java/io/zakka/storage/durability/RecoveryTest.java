package io.zakka.storage.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.protocol.Zxid;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.storage.snapshot.SnapshotFiles;
import io.zakka.storage.snapshot.SnapshotStore;
import io.zakka.storage.tree.TreeDigest;
import io.zakka.storage.txnlog.LogOptions;
import io.zakka.storage.txnlog.LogSegments;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recovery from a data dir: what it loads, what it cuts, and when it refuses to start. */
class RecoveryTest {
    private static final LogOptions OPTIONS = new LogOptions(4_000, 0, true);

    @TempDir
    Path root;

    private DataDir dataDir() {
        return new DataDir(root);
    }

    /** Writes {@code count} random txns after recovery's tree; returns the live tree's digest. */
    private String writeTxns(Recovery.Recovered recovered, long seed, int count) throws IOException {
        RandomWrites writes = new RandomWrites(seed, recovered.tree());
        for (int i = 0; i < count; i++) {
            TxnEntry entry = writes.next();
            recovered.log().append(entry);
        }
        recovered.log().sync();
        return TreeDigest.of(recovered.tree());
    }

    @Test
    void newDataDirStartsEmptyWithAnInitialSnapshotAtZero() throws IOException {
        Recovery.Recovered recovered = Recovery.recover(dataDir(), 3, OPTIONS);
        recovered.log().close();
        assertEquals(Zxid.ZERO, recovered.tree().lastAppliedZxid());
        assertEquals(List.of(Zxid.ZERO), recovered.snapshots().list());
        assertEquals("3", Files.readString(root.resolve(DataDir.SERVER_ID_FILE)).trim());
    }

    @Test
    void sessionsAndEphemeralsSurviveARestart() throws IOException {
        Recovery.Recovered first = Recovery.recover(dataDir(), 1, OPTIONS);
        String digest = writeTxns(first, 11, 300);
        var sessions = first.tree().sessionTimeouts();
        first.log().close();

        Recovery.Recovered second = Recovery.recover(dataDir(), 1, OPTIONS);
        second.log().close();
        assertFalse(sessions.isEmpty());
        assertEquals(sessions, second.tree().sessionTimeouts());
        assertEquals(digest, TreeDigest.of(second.tree()));
        assertEquals(300, second.replayed());
    }

    @Test
    void snapshotWithABadCrcIsSkippedForThePreviousOne() throws IOException {
        Recovery.Recovered first = Recovery.recover(dataDir(), 1, OPTIONS);
        writeTxns(first, 12, 100);
        Zxid older = SnapshotStore.save(first.snapshots(), first.tree());
        String digest = writeTxns(first, 13, 100);
        Zxid newer = SnapshotStore.save(first.snapshots(), first.tree());
        first.log().close();
        Path newest = dataDir().snapshotDir().resolve(SnapshotFiles.fileName(newer));
        flipByte(newest, Files.size(newest) / 2);

        Recovery.Recovered second = Recovery.recover(dataDir(), 1, OPTIONS);
        second.log().close();
        assertEquals(older, second.snapshotZxid());
        assertTrue(second.notes().stream().anyMatch(note -> note.startsWith("skipped invalid snapshot "
                + SnapshotFiles.fileName(newer))), second.notes().toString());
        assertEquals(digest, TreeDigest.of(second.tree()), "the log after the older snapshot is replayed");
    }

    @Test
    void emptySnapshotDirWithLogsRefusesToStart() throws IOException {
        Recovery.Recovered first = Recovery.recover(dataDir(), 1, OPTIONS);
        writeTxns(first, 14, 50);
        first.log().close();
        for (Path snapshot : SnapshotFiles.list(dataDir().snapshotDir())) {
            Files.delete(snapshot);
        }

        DataDirException refused = assertThrows(DataDirException.class,
                () -> Recovery.recover(dataDir(), 1, OPTIONS));
        assertTrue(refused.getMessage().startsWith("no valid snapshot in "), refused.getMessage());
        assertTrue(refused.getMessage().contains("ZOOKEEPER-2325"), refused.getMessage());
    }

    @Test
    void onlySnapshotCorruptWithLogsRefusesToStart() throws IOException {
        Recovery.Recovered first = Recovery.recover(dataDir(), 1, OPTIONS);
        writeTxns(first, 15, 50);
        first.log().close();
        Path only = SnapshotFiles.list(dataDir().snapshotDir()).get(0);
        flipByte(only, Files.size(only) - 2);

        DataDirException refused = assertThrows(DataDirException.class,
                () -> Recovery.recover(dataDir(), 1, OPTIONS));
        assertTrue(refused.getMessage().startsWith("no valid snapshot"), refused.getMessage());
    }

    @Test
    void logThatDoesNotStartRightAfterTheSnapshotRefusesToStart() throws IOException {
        Recovery.Recovered first = Recovery.recover(dataDir(), 1, OPTIONS);
        writeTxns(first, 16, 300);
        first.log().close();
        List<Path> segments = LogSegments.list(dataDir().logDir());
        assertTrue(segments.size() > 2, segments.toString());
        Files.delete(segments.get(0));

        DataDirException refused = assertThrows(DataDirException.class,
                () -> Recovery.recover(dataDir(), 1, OPTIONS));
        assertTrue(refused.getMessage().contains("cannot replay the log"), refused.getMessage());
        assertTrue(refused.getMessage().contains("no txns between 0x0 and"), refused.getMessage());
    }

    @Test
    void logThatEndsBeforeTheSnapshotIsRebasedAndTheDirStaysRecoverable() throws IOException {
        Recovery.Recovered first = Recovery.recover(dataDir(), 1, OPTIONS);
        writeTxns(first, 5, 100);
        // Applied and in the snapshot but not in the log: a log tail lost with force-sync off.
        RandomWrites unlogged = new RandomWrites(6, first.tree());
        for (int i = 0; i < 50; i++) {
            unlogged.next();
        }
        SnapshotStore.save(first.snapshots(), first.tree());
        first.log().close();

        Recovery.Recovered second = Recovery.recover(dataDir(), 1, OPTIONS);
        assertTrue(second.notes().stream().anyMatch(note -> note.contains("before the snapshot")),
                second.notes().toString());
        String digest = writeTxns(second, 7, 100);
        second.log().close();

        Recovery.Recovered third = Recovery.recover(dataDir(), 1, OPTIONS);
        third.log().close();
        assertEquals(digest, TreeDigest.of(third.tree()));
        assertEquals(100, third.replayed());
    }

    @Test
    void dataDirOfAnotherServerIdRefusesToStart() throws IOException {
        Recovery.recover(dataDir(), 1, OPTIONS).log().close();

        DataDirException refused = assertThrows(DataDirException.class,
                () -> Recovery.recover(dataDir(), 2, OPTIONS));
        assertTrue(refused.getMessage().contains("belongs to server id 1, but this is server 2"),
                refused.getMessage());
    }

    @Test
    void leftoverSnapshotTempFileIsIgnoredAndDeleted() throws IOException {
        Recovery.Recovered first = Recovery.recover(dataDir(), 1, OPTIONS);
        String digest = writeTxns(first, 17, 40);
        first.log().close();
        Path temp = dataDir().snapshotDir().resolve(SnapshotFiles.fileName(new Zxid(0, 40)) + ".123.tmp");
        Files.write(temp, new byte[] {1, 2, 3});

        Recovery.Recovered second = Recovery.recover(dataDir(), 1, OPTIONS);
        second.log().close();
        assertFalse(Files.exists(temp));
        assertEquals(digest, TreeDigest.of(second.tree()));
    }

    @Test
    void retentionKeepsTheNewestSnapshotsAndTheLogTheyNeed() throws IOException {
        Recovery.Recovered first = Recovery.recover(dataDir(), 1, OPTIONS);
        for (int round = 0; round < 4; round++) {
            writeTxns(first, 20 + round, 150);
            first.log().roll();
            SnapshotStore.save(first.snapshots(), first.tree());
        }
        String digest = writeTxns(first, 30, 20);
        Zxid oldestKept = Retention.purgeSnapshots(first.snapshots(), 2).orElseThrow();
        List<Path> deleted = first.log().purgeThrough(oldestKept);
        first.log().close();
        assertEquals(2, first.snapshots().list().size());
        assertFalse(deleted.isEmpty());
        assertTrue(LogSegments.nameZxid(LogSegments.list(dataDir().logDir()).get(0)).compareTo(oldestKept) <= 0
                || LogSegments.nameZxid(LogSegments.list(dataDir().logDir()).get(0)).equals(oldestKept.next()));

        Recovery.Recovered second = Recovery.recover(dataDir(), 1, OPTIONS);
        second.log().close();
        assertEquals(digest, TreeDigest.of(second.tree()));
        assertNotNull(second.tree().get("/"));
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0xFF);
        }
    }
}
