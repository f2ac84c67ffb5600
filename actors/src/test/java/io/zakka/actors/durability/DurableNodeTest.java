package io.zakka.actors.durability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.Done;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import io.zakka.actors.node.NodeConfig;
import io.zakka.actors.node.ZakkaNode;
import io.zakka.actors.pipeline.Pipeline;
import io.zakka.actors.testing.ActorTestKitExtension;
import io.zakka.actors.testing.TestSession;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import io.zakka.storage.snapshot.SnapshotFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A node with a data dir: what it acknowledged is there after a restart, sessions included. */
class DurableNodeTest {
    @RegisterExtension
    static final ActorTestKitExtension kit = new ActorTestKitExtension();

    @TempDir
    Path dataDir;

    private NodeConfig config(int snapshotEvery) {
        NodeConfig defaults = NodeConfig.defaults().withTickTime(100).withServerId(5);
        return defaults.withDurability(defaults.durability().withDataDir(dataDir).withSnapshotEveryTxns(snapshotEvery));
    }

    private static ActorRef<ServerCommand> entryOf(ActorRef<ZakkaNode.Command> node) {
        TestProbe<ZakkaNode.Entry> probe = kit.createTestProbe();
        node.tell(new ZakkaNode.GetEntry(probe.getRef()));
        return probe.receiveMessage().ref();
    }

    private static void stop(ActorRef<ZakkaNode.Command> node) {
        TestProbe<Done> done = kit.createTestProbe();
        node.tell(new ZakkaNode.Stop(done.getRef()));
        done.receiveMessage(Duration.ofSeconds(10));
    }

    private static Pipeline.Status status(ActorRef<ZakkaNode.Command> node) {
        TestProbe<Pipeline.Status> probe = kit.createTestProbe();
        node.tell(new ZakkaNode.GetStatus(probe.getRef()));
        return probe.receiveMessage();
    }

    @Test
    void acknowledgedWritesSurviveARestartOnTheSameDataDir() throws Exception {
        ActorRef<ZakkaNode.Command> first = kit.spawn(ZakkaNode.create(config(50), Clock.systemUTC()));
        TestSession session = TestSession.open(kit, entryOf(first), 4_000);
        for (int i = 0; i < 120; i++) {
            assertInstanceOf(OpResult.Created.class, session.create("/n" + i, "v" + i, CreateMode.PERSISTENT));
        }
        assertInstanceOf(OpResult.StatResult.class, session.call(new Op.SetData("/n7", TestSession.bytes("x"), 0)));
        Pipeline.Status before = status(first);
        stop(first);
        assertTrue(SnapshotFiles.list(dataDir.resolve("snapshot")).size() >= 2, "snapshots were taken");

        ActorRef<ZakkaNode.Command> second = kit.spawn(ZakkaNode.create(config(50), Clock.systemUTC()));
        TestSession reader = TestSession.open(kit, entryOf(second), 4_000);
        OpResult.DataResult data = assertInstanceOf(OpResult.DataResult.class,
                reader.call(new Op.GetData("/n7", false)));
        assertArrayEquals(TestSession.bytes("x"), data.data());
        assertEquals(1, data.stat().version());
        assertEquals(before.nodeCount(), status(second).nodeCount());
        assertTrue(status(second).lastApplied().isAfter(before.lastApplied()), "the new session's txn follows");
        stop(second);
    }

    @Test
    void cleanStopAfterReplayingTheLogSavesASnapshotSoTheNextStartReplaysNothing() throws Exception {
        ActorRef<ZakkaNode.Command> first = kit.spawn(ZakkaNode.create(config(100_000), Clock.systemUTC()));
        TestSession session = TestSession.open(kit, entryOf(first), 4_000);
        for (int i = 0; i < 30; i++) {
            assertInstanceOf(OpResult.Created.class, session.create("/r" + i, "v", CreateMode.PERSISTENT));
        }
        Pipeline.Status written = status(first);
        stop(first);
        // Without the snapshot the first node saved at its stop, the next start replays all 31 txns from the log
        // (as after a crash).
        Path snapshotDir = dataDir.resolve("snapshot");
        java.util.List<Path> snapshots = SnapshotFiles.list(snapshotDir);
        Path atStop = snapshots.get(0);
        assertEquals(written.lastApplied(), SnapshotFiles.zxidOf(atStop));
        java.nio.file.Files.delete(atStop);

        ActorRef<ZakkaNode.Command> second = kit.spawn(ZakkaNode.create(config(100_000), Clock.systemUTC()));
        assertEquals(written.lastApplied(), status(second).lastApplied(), "the log was replayed");
        stop(second);
        java.util.List<Path> after = SnapshotFiles.list(snapshotDir);
        assertEquals(written.lastApplied(), SnapshotFiles.zxidOf(after.get(0)),
                "the stop saved the replayed txns in a snapshot");
    }

    @Test
    void snapshotsSavedAtCleanStopsAreKeptOnlyAsFarAsRetentionSays() throws Exception {
        for (int restart = 0; restart < 5; restart++) {
            ActorRef<ZakkaNode.Command> node = kit.spawn(ZakkaNode.create(config(100_000), Clock.systemUTC()));
            TestSession session = TestSession.open(kit, entryOf(node), 4_000);
            assertInstanceOf(OpResult.Created.class, session.create("/s" + restart, "v", CreateMode.PERSISTENT));
            stop(node);
        }
        assertEquals(3, SnapshotFiles.list(dataDir.resolve("snapshot")).size(),
                "the default keeps 3: " + SnapshotFiles.list(dataDir.resolve("snapshot")));
    }

    /** A log whose every sync fails as a full disk does. */
    private static final class FullDiskLog implements io.zakka.storage.txnlog.TxnLog {
        private final io.zakka.storage.txnlog.InMemoryTxnLog log = new io.zakka.storage.txnlog.InMemoryTxnLog();

        @Override
        public void append(io.zakka.protocol.txn.TxnEntry entry) {
            log.append(entry);
        }

        @Override
        public void sync() throws java.io.IOException {
            throw new java.io.IOException("No space left on device");
        }

        @Override
        public io.zakka.protocol.Zxid lastZxid() {
            return log.lastZxid();
        }

        @Override
        public io.zakka.protocol.Zxid lastSyncedZxid() {
            return log.lastSyncedZxid();
        }

        @Override
        public void readAfter(io.zakka.protocol.Zxid after,
                              java.util.function.Consumer<io.zakka.protocol.txn.TxnEntry> sink) {
            throw new UnsupportedOperationException("not read in this test");
        }

        @Override
        public void truncate(io.zakka.protocol.Zxid zxid) {
            log.truncate(zxid);
        }

        @Override
        public void roll() {
            log.roll();
        }

        @Override
        public void rebase(io.zakka.protocol.Zxid base) {
            log.rebase(base);
        }

        @Override
        public void close() {
            log.close();
        }
    }

    @Test
    void failedFsyncStopsTheWholeNodeWithoutAnsweringTheWrite() {
        ActorRef<ZakkaNode.Command> node = kit.spawn(ZakkaNode.create(NodeConfig.defaults(), Clock.systemUTC(),
                DurableCommitter.create(new FullDiskLog(), Duration.ofSeconds(1),
                        new SlowFsyncs())));
        TestProbe<io.zakka.protocol.client.ClientBound> client = kit.createTestProbe();
        entryOf(node).tell(new ServerCommand.OpenSession(4_000, false, "127.0.0.1", client.getRef()));
        TestProbe<Object> watcher = kit.createTestProbe();
        watcher.expectTerminated(node, Duration.ofSeconds(10));
        client.expectNoMessage(Duration.ofMillis(200));
    }

    @Test
    void recoveredSessionKeepsItsEphemeralsAndExpiresWhenNoClientReturns() throws Exception {
        ActorRef<ZakkaNode.Command> first = kit.spawn(ZakkaNode.create(config(1000), Clock.systemUTC()));
        TestSession owner = TestSession.open(kit, entryOf(first), 400);
        assertInstanceOf(OpResult.Created.class, owner.create("/eph", "e", CreateMode.EPHEMERAL));
        stop(first);

        ActorRef<ZakkaNode.Command> second = kit.spawn(ZakkaNode.create(config(1000), Clock.systemUTC()));
        TestSession reader = TestSession.open(kit, entryOf(second), 4_000);
        assertInstanceOf(OpResult.DataResult.class, reader.call(new Op.GetData("/eph", false)),
                "the ephemeral is back with its session");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        OpResult result = reader.call(new Op.Exists("/eph", false));
        while (!(result instanceof OpResult.Error) && System.nanoTime() < deadline) {
            reader.probe.expectNoMessage(Duration.ofMillis(100));
            result = reader.call(new Op.Exists("/eph", false));
        }
        assertEquals(new OpResult.Error(ErrorCode.NONODE), result, "the session expired after its full timeout");
        stop(second);
    }

    @Test
    void nodeReportsSyncsSlowerThanTheFsyncWarningThreshold() throws Exception {
        NodeConfig base = config(1000);
        // A threshold of 0 makes every sync "slow": the count is the node's, end to end.
        NodeConfig strict = base.withDurability(base.durability().withFsyncWarningThreshold(Duration.ZERO));
        ActorRef<ZakkaNode.Command> node = kit.spawn(ZakkaNode.create(strict, Clock.systemUTC()));
        TestSession session = TestSession.open(kit, entryOf(node), 4_000);
        assertInstanceOf(OpResult.Created.class, session.create("/slow", "s", CreateMode.PERSISTENT));
        TestProbe<DurabilityStats> probe = kit.createTestProbe();
        node.tell(new ZakkaNode.GetDurabilityStats(probe.getRef()));
        long count = probe.receiveMessage().fsyncThresholdExceedCount();
        assertTrue(count >= 2, "the session's and the create's syncs were counted: " + count);
        stop(node);
    }
}
