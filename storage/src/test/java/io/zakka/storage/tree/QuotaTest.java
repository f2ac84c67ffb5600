package io.zakka.storage.tree;

import static io.zakka.storage.Fixture.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.zakka.protocol.Acl;
import io.zakka.protocol.EventType;
import io.zakka.protocol.Stat;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.op.OpResult;
import io.zakka.protocol.txn.Txn;
import io.zakka.storage.Fixture;
import io.zakka.storage.TxnLog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Quota bookkeeping as ZooKeeper 3.9.5's DataTree does it (differential finding F4): the limits node marks a
 * quota'd path, the stats node counts its subtree, and every change under the longest quota'd prefix moves the
 * counts without a new version and without a watch.
 */
class QuotaTest {
    private static final String B_STATS = "/zookeeper/quota/b/zookeeper_stats";
    private static final String BC_STATS = "/zookeeper/quota/b/c/zookeeper_stats";

    private final DataTree tree = new DataTree();
    private final TxnLog log = new TxnLog(tree);

    /** zkCli's setquota: the quota node, its limits and stats "count=0,bytes=0" (as separate creates). */
    private void setQuota(String path) {
        String quotaNode = "/zookeeper/quota" + path;
        if (tree.get(quotaNode) == null) {
            log.create(quotaNode, new byte[0], 0L);
        }
        log.create(quotaNode + "/zookeeper_limits", bytes("count=5,bytes=-1"), 0L);
        log.create(quotaNode + "/zookeeper_stats", bytes("count=0,bytes=0"), 0L);
    }

    private String text(String path) {
        return new String(tree.get(path).data(), StandardCharsets.UTF_8);
    }

    @Test
    void statsNodeIsCreatedWithTheCountAndBytesOfTheWholeSubtree() {
        log.create("/b", bytes("12345"), 0L);
        log.create("/b/x", bytes("abc"), 0L);
        log.create("/b/x/y", null, 0L);
        log.create("/bb", bytes("not under /b"), 0L);
        setQuota("/b");
        assertEquals("count=3,bytes=8", text(B_STATS));
    }

    @Test
    void setQuotaInOneMultiCountsTheSubtreeAsTheDifferentialTestDoes() {
        log.create("/b", bytes("ab"), 0L);
        int creations = tree.meta("/zookeeper/quota").childCreations();
        log.apply(new Txn.MultiTxn(List.of(
                new Txn.CreateTxn("/zookeeper/quota/b", new byte[0], Acl.OPEN_ACL_UNSAFE, 0L, creations + 1),
                new Txn.CreateTxn("/zookeeper/quota/b/zookeeper_limits", bytes("count=3,bytes=-1"),
                        Acl.OPEN_ACL_UNSAFE, 0L, 1),
                new Txn.CreateTxn(B_STATS, bytes("count=0,bytes=0"), Acl.OPEN_ACL_UNSAFE, 0L, 2))));
        assertEquals("count=1,bytes=2", text(B_STATS));
        log.create("/b/c", bytes("xyz"), 0L);
        assertEquals("count=2,bytes=5", text(B_STATS));
    }

    @Test
    void quotaOnAMissingPathStartsAtZeroAndCountsTheNodeOnceCreated() {
        setQuota("/b");
        assertEquals("count=0,bytes=0", text(B_STATS));
        log.create("/b", bytes("1234"), 0L);
        assertEquals("count=1,bytes=4", text(B_STATS));
    }

    @Test
    void createsDeletesAndSetDataUnderThePrefixMoveCountAndBytes() {
        log.create("/b", bytes("12"), 0L);
        setQuota("/b");
        log.create("/b/x", bytes("abcd"), 0L);
        assertEquals("count=2,bytes=6", text(B_STATS));
        log.apply(new Txn.SetDataTxn("/b/x", bytes("a"), 1));
        assertEquals("count=2,bytes=3", text(B_STATS));
        log.apply(new Txn.SetDataTxn("/b/x", null, 2));
        assertEquals("count=2,bytes=2", text(B_STATS));
        log.apply(new Txn.SetDataTxn("/b", bytes("123456"), 1));
        assertEquals("count=2,bytes=6", text(B_STATS));
        log.apply(new Txn.DeleteTxn("/b/x"));
        assertEquals("count=1,bytes=6", text(B_STATS));
        log.apply(new Txn.DeleteTxn("/b"));
        assertEquals("count=0,bytes=0", text(B_STATS));
    }

    @Test
    void changesOutsideThePrefixLeaveTheStatsAlone() {
        log.create("/b", bytes("12"), 0L);
        setQuota("/b");
        log.create("/bc", bytes("sibling, not a child"), 0L);
        log.create("/a", bytes("x"), 0L);
        log.apply(new Txn.SetDataTxn("/a", bytes("xyz"), 1));
        assertEquals("count=1,bytes=2", text(B_STATS));
    }

    @Test
    void theLongestQuotaPrefixAloneIsCounted() {
        log.create("/b", bytes("1"), 0L);
        log.create("/b/c", bytes("22"), 0L);
        setQuota("/b");
        setQuota("/b/c");
        assertEquals("count=2,bytes=3", text(B_STATS));
        assertEquals("count=1,bytes=2", text(BC_STATS));
        log.create("/b/c/d", bytes("333"), 0L);
        assertEquals("count=2,bytes=3", text(B_STATS));
        assertEquals("count=2,bytes=5", text(BC_STATS));
        log.create("/b/e", bytes("4444"), 0L);
        assertEquals("count=3,bytes=7", text(B_STATS));
        assertEquals("count=2,bytes=5", text(BC_STATS));
    }

    @Test
    void deletingTheLimitsNodeStopsTrackingAndRecreatingItResumesFromTheStoredStats() {
        log.create("/b", bytes("1"), 0L);
        setQuota("/b");
        log.apply(new Txn.DeleteTxn("/zookeeper/quota/b/zookeeper_limits"));
        log.create("/b/x", bytes("22"), 0L);
        assertEquals("count=1,bytes=1", text(B_STATS));
        log.create("/zookeeper/quota/b/zookeeper_limits", bytes("count=5,bytes=-1"), 0L);
        log.create("/b/y", bytes("333"), 0L);
        assertEquals("count=2,bytes=4", text(B_STATS));
    }

    @Test
    void deletedStatsNodeIsNotUpdatedAndARecreatedOneIsRecounted() {
        log.create("/b", bytes("1"), 0L);
        setQuota("/b");
        log.apply(new Txn.DeleteTxn(B_STATS));
        log.create("/b/x", bytes("22"), 0L);
        assertNull(tree.get(B_STATS));
        log.create(B_STATS, bytes("count=0,bytes=0"), 0L);
        assertEquals("count=2,bytes=3", text(B_STATS));
    }

    @Test
    void statsChangesKeepVersionMzxidAndMtimeAndFireNoWatch() {
        log.create("/b", bytes("1"), 0L);
        log.timeMs = 7_000L;
        setQuota("/b");
        Stat before = tree.get(B_STATS).stat();
        log.timeMs = 9_000L;
        ApplyResult created = log.create("/b/x", bytes("22"), 0L);
        long zxid = tree.lastAppliedZxid().toLong();
        assertEquals(List.of(
                new WatchTrigger(new WatchEvent(EventType.NODE_CREATED, "/b/x", zxid), Acl.OPEN_ACL_UNSAFE),
                new WatchTrigger(new WatchEvent(EventType.NODE_CHILDREN_CHANGED, "/b", zxid), Acl.OPEN_ACL_UNSAFE)),
                created.triggers());
        Stat after = tree.get(B_STATS).stat();
        assertEquals("count=2,bytes=3", text(B_STATS));
        assertEquals(before.version(), after.version());
        assertEquals(before.mzxid(), after.mzxid());
        assertEquals(before.mtime(), after.mtime());
        assertEquals(before.czxid(), after.czxid());
        assertEquals("count=2,bytes=3".length(), after.dataLength());
    }

    @Test
    void createdStatsNodeReturnsTheStatOfTheDataTheClientSentAsZooKeeperDoes() {
        log.create("/b", bytes("1234567890"), 0L);
        log.create("/zookeeper/quota/b", new byte[0], 0L);
        log.create("/zookeeper/quota/b/zookeeper_limits", bytes("count=5,bytes=-1"), 0L);
        ApplyResult created = log.create(B_STATS, bytes("count=0,bytes=0"), 0L);
        assertEquals("count=0,bytes=0".length(), ((OpResult.Created) created.result()).stat().dataLength());
        assertEquals("count=1,bytes=10", text(B_STATS));
    }

    @Test
    void otherKeysOfTheStatsTextAreKeptSortedAfterCountAndBytes() {
        log.create("/b", bytes("1"), 0L);
        setQuota("/b");
        byte[] withLimits = bytes("count=1,bytes=1=;zeta=3;countHardLimit=9;byteHardLimit=7");
        log.apply(new Txn.SetDataTxn(B_STATS, withLimits, 1));
        log.create("/b/x", bytes("22"), 0L);
        assertEquals("count=2,bytes=3=;byteHardLimit=7;countHardLimit=9;zeta=3", text(B_STATS));
    }

    @Test
    void statsTextIsReadAsStatsTrackReadsIt() {
        assertEquals("count=4,bytes=-4", QuotaStats.parse(bytes("count=3,bytes==9")).plus(1, -3).toString());
        assertEquals("count=0,bytes=5", QuotaStats.parse(new byte[0]).plus(1, 6).toString());
        assertEquals("count=2,bytes=-1", QuotaStats.parse(bytes("count=1,,;count=2")).toString());
        assertEquals("count=1,bytes=-1=;x=-1", QuotaStats.parse(bytes("count=1;x==5")).toString());
        assertEquals("count=-1,bytes=-1", QuotaStats.parse(bytes(",;,")).toString());
        for (String bad : List.of("count", "count=x", ",count=1", "count=1,bytes", "count= 1")) {
            assertNull(QuotaStats.parse(bytes(bad)), bad);
        }
        assertNull(QuotaStats.parse(null));
    }

    @Test
    void statsThatCannotBeParsedAreLeftAsTheClientWroteThem() {
        log.create("/b", bytes("1"), 0L);
        setQuota("/b");
        log.apply(new Txn.SetDataTxn(B_STATS, bytes("garbage"), 1));
        log.create("/b/x", bytes("22"), 0L);
        assertEquals("garbage", text(B_STATS));
        log.apply(new Txn.SetDataTxn(B_STATS, null, 2));
        log.create("/b/y", bytes("22"), 0L);
        assertNull(tree.get(B_STATS).data());
    }

    @Test
    void limitsNodeDirectlyUnderTheQuotaNodeOrOutsideItTracksNothing() {
        log.create("/zookeeper/quota/zookeeper_limits", bytes("count=1"), 0L);
        log.create("/zookeeper/quota/zookeeper_stats", bytes("count=0,bytes=0"), 0L);
        log.create("/zookeeper/x", new byte[0], 0L);
        log.create("/zookeeper/x/zookeeper_limits", bytes("count=1"), 0L);
        log.create("/b", bytes("1"), 0L);
        log.apply(new Txn.DeleteTxn("/zookeeper/x/zookeeper_limits"));
        log.apply(new Txn.DeleteTxn("/zookeeper/quota/zookeeper_limits"));
        assertEquals("count=0,bytes=0", text("/zookeeper/quota/zookeeper_stats"));
    }

    @Test
    void sessionCloseDeletingEphemeralsMovesTheStats() {
        log.create("/b", bytes("1"), 0L);
        setQuota("/b");
        log.create("/b/e1", bytes("22"), Fixture.OTHER_SESSION);
        log.create("/b/e2", bytes("333"), Fixture.OTHER_SESSION);
        assertEquals("count=3,bytes=6", text(B_STATS));
        log.apply(new Txn.CloseSessionTxn(Fixture.OTHER_SESSION, List.of("/b/e1")));
        assertEquals("count=1,bytes=1", text(B_STATS));
    }

    @Test
    void restoredTreeKeepsTrackingItsQuotasAndKeepsTheStoredStats() {
        log.create("/b", bytes("1"), 0L);
        log.create("/b/c", bytes("22"), 0L);
        setQuota("/b");
        setQuota("/b/c");
        log.apply(new Txn.SetDataTxn(B_STATS, bytes("count=10,bytes=10"), 1));
        DataTree restored = restore(tree);
        assertEquals(TreeDigest.of(tree), TreeDigest.of(restored));
        // The original log goes on numbering; both trees are equal, so its txns fit the restored one.
        restored.apply(log.entry(Fixture.SESSION, log.createTxn("/b/x", bytes("333"), Acl.OPEN_ACL_UNSAFE, 0L)));
        restored.apply(log.entry(Fixture.SESSION, log.createTxn("/b/c/y", bytes("4444"), Acl.OPEN_ACL_UNSAFE, 0L)));
        assertEquals("count=11,bytes=13", new String(restored.get(B_STATS).data(), StandardCharsets.UTF_8));
        assertEquals("count=2,bytes=6", new String(restored.get(BC_STATS).data(), StandardCharsets.UTF_8));
    }

    @Test
    void snapshotOpenedBeforeAStatsChangeHoldsTheStatsAsTheyWere() {
        log.create("/b", bytes("1"), 0L);
        setQuota("/b");
        String statsBefore = text(B_STATS);
        SnapshotCursor cursor = tree.openSnapshot();
        List<NodeImage> images = new ArrayList<>(cursor.next(1));
        log.create("/b/x", bytes("22"), 0L);
        log.apply(new Txn.SetDataTxn("/b", bytes("12345"), 1));
        for (List<NodeImage> slice = cursor.next(3); !slice.isEmpty(); slice = cursor.next(3)) {
            images.addAll(slice);
        }
        NodeImage stats = images.stream().filter(image -> image.path().equals(B_STATS)).findFirst().orElseThrow();
        assertEquals(statsBefore, new String(stats.data(), StandardCharsets.UTF_8));
        assertEquals("count=2,bytes=7", text(B_STATS));
    }

    private static DataTree restore(DataTree source) {
        SnapshotCursor cursor = source.openSnapshot();
        TreeLoader loader = new TreeLoader(cursor.zxid(), cursor.sessionTimeouts(), cursor.nodeCount());
        for (List<NodeImage> slice = cursor.next(5); !slice.isEmpty(); slice = cursor.next(5)) {
            slice.forEach(loader::add);
        }
        return loader.finish();
    }
}
