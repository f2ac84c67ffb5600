package io.zakka.storage.tree;

import static io.zakka.storage.Fixture.bytes;
import static io.zakka.storage.Fixture.create;
import static io.zakka.storage.Fixture.persistent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.EphemeralOwner;
import io.zakka.protocol.Stat;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.storage.Fixture;
import org.junit.jupiter.api.Test;

/** Stat field by field (docs/zookeeper-semantics.md §1.2, DataTree and DataNode.copyStat). */
class StatRulesTest {
    private final Fixture fx = new Fixture();

    private Stat stat(String path) {
        return fx.tree.get(path).stat();
    }

    @Test
    void createStampsEveryZxidFieldWithItsZxidAndBothTimesWithTheHeaderTime() {
        fx.nowMs = 42_000L;
        TxnEntry entry = fx.propose(persistent("/a"));
        fx.apply(entry);
        long zxid = entry.header().zxid().toLong();
        assertEquals(new Stat(zxid, zxid, 42_000L, 42_000L, 0, 0, 0, 0L, 1, 0, zxid), stat("/a"));
    }

    @Test
    void setDataMovesMzxidAndMtimeButNotCzxidCtimeOrPzxid() {
        fx.write(persistent("/a"));
        Stat created = stat("/a");
        fx.nowMs = 77_000L;
        TxnEntry set = fx.propose(new Op.SetData("/a", bytes("longer"), -1));
        fx.apply(set);
        Stat after = stat("/a");
        assertEquals(set.header().zxid().toLong(), after.mzxid());
        assertEquals(77_000L, after.mtime());
        assertEquals(created.czxid(), after.czxid());
        assertEquals(created.ctime(), after.ctime());
        assertEquals(created.pzxid(), after.pzxid());
        assertEquals(6, after.dataLength());
    }

    @Test
    void versionIncrementsOnEverySetDataEvenWithIdenticalBytes() {
        fx.write(persistent("/a"));
        for (int i = 1; i <= 3; i++) {
            OpResult.StatResult result = (OpResult.StatResult) fx.write(new Op.SetData("/a", bytes("x"), -1)).result();
            assertEquals(i, result.stat().version());
        }
        assertEquals(3, stat("/a").version());
    }

    @Test
    void aversionIncrementsOnEverySetAclAndNothingElseMoves() {
        fx.write(persistent("/a"));
        Stat before = stat("/a");
        fx.write(new Op.SetAcl("/a", Acl.OPEN_ACL_UNSAFE, -1));
        fx.write(new Op.SetAcl("/a", Acl.OPEN_ACL_UNSAFE, 1));
        Stat after = stat("/a");
        assertEquals(2, after.aversion());
        assertEquals(new Stat(before.czxid(), before.mzxid(), before.ctime(), before.mtime(), before.version(),
                before.cversion(), 2, 0L, before.dataLength(), 0, before.pzxid()), after);
    }

    @Test
    void childCreateMovesParentPzxidAndCreationCounterButNotMzxid() {
        fx.write(persistent("/p"));
        Stat before = stat("/p");
        TxnEntry child = fx.propose(persistent("/p/c"));
        fx.apply(child);
        Stat after = stat("/p");
        assertEquals(child.header().zxid().toLong(), after.pzxid());
        assertEquals(before.mzxid(), after.mzxid());
        assertEquals(1, fx.tree.get("/p").childCreations());
        assertEquals(1, after.numChildren());
    }

    @Test
    void childDeleteMovesParentPzxidButNotTheCreationCounter() {
        fx.write(persistent("/p"));
        fx.write(persistent("/p/c"));
        TxnEntry delete = fx.propose(new Op.Delete("/p/c", -1));
        fx.apply(delete);
        assertEquals(delete.header().zxid().toLong(), stat("/p").pzxid());
        assertEquals(1, fx.tree.get("/p").childCreations());
    }

    @Test
    void cversionSeenByClientCountsCreationsAndDeletions() {
        fx.write(persistent("/p"));
        fx.write(persistent("/p/a"));
        fx.write(persistent("/p/b"));
        fx.write(persistent("/p/c"));
        fx.write(new Op.Delete("/p/b", -1));
        Stat parent = stat("/p");
        assertEquals(2, parent.numChildren());
        assertEquals(4, parent.cversion());
        assertEquals(3, fx.tree.get("/p").childCreations());
        fx.write(new Op.Delete("/p/a", -1));
        fx.write(new Op.Delete("/p/c", -1));
        assertEquals(6, stat("/p").cversion());
    }

    @Test
    void ephemeralOwnerShowsTheSessionForEphemeralsAndZeroForContainersAndTtlNodes() {
        fx.write(create("/e", CreateMode.EPHEMERAL));
        fx.write(create("/c", CreateMode.CONTAINER));
        fx.write(new Op.Create("/t", null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL, 5_000L));
        assertEquals(Fixture.SESSION, stat("/e").ephemeralOwner());
        assertEquals(0L, stat("/c").ephemeralOwner());
        assertEquals(0L, stat("/t").ephemeralOwner());
        assertEquals(EphemeralOwner.CONTAINER, fx.tree.get("/c").ephemeralOwner());
        assertEquals(EphemeralOwner.ttl(5_000L), fx.tree.get("/t").ephemeralOwner());
    }

    @Test
    void dataLengthIsZeroForNullData() {
        fx.write(new Op.Create("/n", null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
        assertEquals(0, stat("/n").dataLength());
    }

    @Test
    void systemNodesHaveAnAllZeroStoredStatExceptTheConfigNodesAversion() {
        assertEquals(Stat.ZERO, stat("/zookeeper/quota"));
        // ZooKeeper builds the config node's ACL with setACL(..., -1), so its aversion reads -1.
        assertEquals(new Stat(0, 0, 0, 0, 0, 0, -1, 0, 0, 0, 0), stat("/zookeeper/config"));
        // copyStat derives numChildren and cversion (0 creations * 2 - children), as real ZooKeeper shows.
        assertEquals(new Stat(0, 0, 0, 0, 0, -2, 0, 0, 0, 2, 0), stat("/zookeeper"));
        assertEquals(new Stat(0, 0, 0, 0, 0, -1, 0, 0, 0, 1, 0), stat("/"));
    }
}
