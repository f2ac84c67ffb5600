package io.zakka.storage.tree;

import static io.zakka.storage.Fixture.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.protocol.Acl;
import io.zakka.protocol.EventType;
import io.zakka.protocol.Id;
import io.zakka.protocol.Perms;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.Zxid;
import io.zakka.protocol.op.OpResult;
import io.zakka.protocol.txn.Txn;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.protocol.txn.TxnHeader;
import io.zakka.storage.Fixture;
import io.zakka.storage.TxnLog;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DataTree.apply for every txn kind: results, triggers in firing order, zxid bookkeeping, invariants. */
class DataTreeApplyTest {
    private static final List<Acl> SECRET = List.of(new Acl(Perms.ALL, new Id("digest", "bob:hash")));

    private final DataTree tree = new DataTree();
    private final TxnLog log = new TxnLog(tree);

    @Test
    void newTreeHoldsRootAndSystemNodes() {
        assertEquals(4, tree.nodeCount());
        assertEquals(List.of("zookeeper"), tree.getChildren("/"));
        assertEquals(List.of("config", "quota"), tree.getChildren("/zookeeper"));
        assertEquals(Acl.OPEN_ACL_UNSAFE, tree.get("/zookeeper").acl());
        assertEquals(Acl.READ_ACL_UNSAFE, tree.get("/zookeeper/config").acl());
        assertArrayEquals(new byte[0], tree.get("/zookeeper/config").data());
        assertEquals(Zxid.ZERO, tree.lastAppliedZxid());
    }

    @Test
    void createReturnsPathAndStatAndFiresNodeCreatedThenParentChildrenChanged() {
        log.create("/a");
        ApplyResult result = log.apply(log.createTxn("/a/b", bytes("v"), SECRET, 0L));
        OpResult.Created created = (OpResult.Created) result.result();
        assertEquals("/a/b", created.path());
        long zxid = tree.lastAppliedZxid().toLong();
        assertEquals(zxid, created.stat().czxid());
        assertEquals(List.of(
                new WatchTrigger(new WatchEvent(EventType.NODE_CREATED, "/a/b", zxid), SECRET),
                new WatchTrigger(new WatchEvent(EventType.NODE_CHILDREN_CHANGED, "/a", zxid), Acl.OPEN_ACL_UNSAFE)),
                result.triggers());
    }

    @Test
    void deleteFiresNodeDeletedWithTheDeletedNodesAclThenParentChildrenChanged() {
        log.create("/a");
        log.apply(log.createTxn("/a/b", bytes("v"), SECRET, 0L));
        ApplyResult result = log.apply(new Txn.DeleteTxn("/a/b"));
        long zxid = tree.lastAppliedZxid().toLong();
        assertEquals(new OpResult.Done(), result.result());
        assertEquals(List.of(
                new WatchTrigger(new WatchEvent(EventType.NODE_DELETED, "/a/b", zxid), SECRET),
                new WatchTrigger(new WatchEvent(EventType.NODE_CHILDREN_CHANGED, "/a", zxid), Acl.OPEN_ACL_UNSAFE)),
                result.triggers());
        assertNull(tree.get("/a/b"));
    }

    @Test
    void childOfRootFiresChildrenChangedOnRoot() {
        ApplyResult result = log.create("/top");
        assertEquals("/", result.triggers().get(1).event().path());
    }

    @Test
    void setDataFiresNodeDataChangedOnly() {
        log.create("/a");
        ApplyResult result = log.apply(new Txn.SetDataTxn("/a", bytes("new"), 1));
        long zxid = tree.lastAppliedZxid().toLong();
        assertEquals(List.of(new WatchTrigger(new WatchEvent(EventType.NODE_DATA_CHANGED, "/a", zxid),
                Acl.OPEN_ACL_UNSAFE)), result.triggers());
        assertArrayEquals(bytes("new"), tree.get("/a").data());
        assertEquals(1, ((OpResult.StatResult) result.result()).stat().version());
    }

    @Test
    void setAclFiresNoWatch() {
        log.create("/a");
        ApplyResult result = log.apply(new Txn.SetAclTxn("/a", SECRET, 1));
        assertTrue(result.triggers().isEmpty());
        assertEquals(SECRET, tree.get("/a").acl());
        assertEquals(1, ((OpResult.StatResult) result.result()).stat().aversion());
    }

    @Test
    void nullDataStaysNullAndEmptyDataStaysEmpty() {
        log.create("/null", null, 0L);
        log.create("/empty", new byte[0], 0L);
        assertNull(tree.get("/null").data());
        assertArrayEquals(new byte[0], tree.get("/empty").data());
        log.apply(new Txn.SetDataTxn("/empty", null, 1));
        assertNull(tree.get("/empty").data());
    }

    @Test
    void treeKeepsItsOwnCopyOfTheData() {
        byte[] data = bytes("abc");
        log.create("/a", data, 0L);
        data[0] = 'z';
        assertArrayEquals(bytes("abc"), tree.get("/a").data());
    }

    @Test
    void zxidMustIncrease() {
        TxnEntry first = log.entry(1L, log.createTxn("/a", null, Acl.OPEN_ACL_UNSAFE, 0L));
        tree.apply(first);
        TxnEntry again = new TxnEntry(first.header(), new Txn.CreateSessionTxn(9L, 1000));
        assertThrows(IllegalStateException.class, () -> tree.apply(again));
        TxnEntry older = new TxnEntry(new TxnHeader(1L, 1, new Zxid(1, 0), 0L), new Txn.CreateSessionTxn(9L, 1));
        assertThrows(IllegalStateException.class, () -> tree.apply(older));
        assertEquals(first.header().zxid(), tree.lastAppliedZxid());
    }

    @Test
    void multiSubTxnsShareOneZxidAndLastAppliedMovesOnceAfterTheWholeMulti() {
        log.create("/m");
        Zxid before = tree.lastAppliedZxid();
        ApplyResult result = log.apply(new Txn.MultiTxn(List.of(
                new Txn.CreateTxn("/m/a", null, Acl.OPEN_ACL_UNSAFE, 0L, 1),
                new Txn.SetDataTxn("/m/a", bytes("v"), 1),
                new Txn.CheckVersionTxn("/m/a", 1),
                new Txn.DeleteTxn("/m/a"))));
        Zxid zxid = before.next();
        assertEquals(zxid, tree.lastAppliedZxid());
        List<OpResult> results = ((OpResult.MultiResult) result.result()).results();
        assertEquals(4, results.size());
        assertEquals("/m/a", ((OpResult.Created) results.get(0)).path());
        assertEquals(zxid.toLong(), ((OpResult.StatResult) results.get(1)).stat().mzxid());
        assertEquals(new OpResult.Done(), results.get(2));
        assertEquals(new OpResult.Done(), results.get(3));
        List<EventType> types = result.triggers().stream().map(t -> t.event().type()).toList();
        assertEquals(List.of(EventType.NODE_CREATED, EventType.NODE_CHILDREN_CHANGED, EventType.NODE_DATA_CHANGED,
                EventType.NODE_DELETED, EventType.NODE_CHILDREN_CHANGED), types);
        assertTrue(result.triggers().stream().allMatch(t -> t.event().zxid() == zxid.toLong()));
    }

    @Test
    void multiMayHoldOnlyCreateDeleteSetDataAndCheck() {
        assertThrows(IllegalStateException.class, () -> log.apply(new Txn.MultiTxn(List.of(
                new Txn.CreateSessionTxn(5L, 1000)))));
        assertThrows(IllegalStateException.class, () -> log.apply(new Txn.MultiTxn(List.of(
                new Txn.SetAclTxn("/zookeeper", Acl.OPEN_ACL_UNSAFE, 1)))));
    }

    @Test
    void createWhoseParentCounterDoesNotFollowTheTreeIsRejectedBeforeAnyChange() {
        log.create("/a");
        assertThrows(IllegalStateException.class,
                () -> log.apply(new Txn.CreateTxn("/a/b", null, Acl.OPEN_ACL_UNSAFE, 0L, 5)));
        assertNull(tree.get("/a/b"));
        assertEquals(0, tree.meta("/a").childCreations());
    }

    @Test
    void txnsThatDoNotFitTheTreeThrowIllegalState() {
        log.create("/a");
        assertThrows(IllegalStateException.class, () -> log.apply(new Txn.CreateTxn("/x/y", null,
                Acl.OPEN_ACL_UNSAFE, 0L, 1)));
        assertThrows(IllegalStateException.class, () -> log.create("/a"));
        assertThrows(IllegalStateException.class, () -> log.apply(new Txn.DeleteTxn("/missing")));
        assertThrows(IllegalStateException.class, () -> log.apply(new Txn.DeleteTxn("/zookeeper/config")));
        assertThrows(IllegalStateException.class, () -> log.apply(new Txn.SetDataTxn("/a", null, 7)));
        assertThrows(IllegalStateException.class, () -> log.apply(new Txn.SetAclTxn("/a", Acl.OPEN_ACL_UNSAFE, 3)));
        assertThrows(IllegalStateException.class, () -> log.apply(new Txn.CheckVersionTxn("/a", 4)));
        log.create("/a/child");
        assertThrows(IllegalStateException.class, () -> log.apply(new Txn.DeleteTxn("/a")));
    }

    @Test
    void ephemeralCannotGetAChildEvenFromATxn() {
        log.create("/e", null, Fixture.SESSION);
        assertThrows(IllegalStateException.class, () -> log.create("/e/child"));
    }

    @Test
    void everyTxnKindHasAHandler() {
        log.create("/k");
        Txn[] samples = {
            new Txn.CreateTxn("/k/c", null, Acl.OPEN_ACL_UNSAFE, 0L, 1),
            new Txn.SetDataTxn("/k/c", null, 1),
            new Txn.SetAclTxn("/k/c", Acl.OPEN_ACL_UNSAFE, 1),
            new Txn.CheckVersionTxn("/k/c", 1),
            new Txn.DeleteTxn("/k/c"),
            new Txn.CreateSessionTxn(8L, 1000),
            new Txn.CloseSessionTxn(8L, List.of()),
            new Txn.MultiTxn(List.of()),
        };
        Set<Class<?>> kinds = new HashSet<>();
        for (Txn sample : samples) {
            assertNotNull(log.apply(sample).result());
            kinds.add(sample.getClass());
        }
        assertEquals(Set.of(Txn.class.getPermittedSubclasses()), kinds);
    }

    @Test
    void getAllChildrenNumberCountsEveryDescendant() {
        log.create("/a");
        log.create("/a/b");
        log.create("/a/b/c");
        log.create("/a/d");
        assertEquals(3, tree.getAllChildrenNumber("/a"));
        assertEquals(1, tree.getAllChildrenNumber("/a/b"));
        assertEquals(0, tree.getAllChildrenNumber("/a/d"));
        assertEquals(0, tree.getAllChildrenNumber("/missing"));
        assertEquals(tree.nodeCount() - 1, tree.getAllChildrenNumber("/"));
        assertEquals(7, tree.getAllChildrenNumber("/"));
    }

    @Test
    void childrenAreListedInSortedOrder() {
        log.create("/p");
        for (String name : List.of("c", "a", "b")) {
            log.create("/p/" + name);
        }
        assertEquals(List.of("a", "b", "c"), tree.getChildren("/p"));
        assertEquals(Set.of("a", "b", "c"), tree.get("/p").children());
    }
}
