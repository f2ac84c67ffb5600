package io.zakka.wire.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.wire.support.Clients;
import io.zakka.wire.support.Events;
import io.zakka.wire.support.Target;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.ClientInfo;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Data-model rules seen through the stock Java client, written once and run against a real ZooKeeper 3.9.5
 * and against Zakka: create modes and sequence numbers, Stat fields, versions, error codes, multi results,
 * ACLs and auth, the system nodes and the 3.6+ reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CoreCompatibilitySuite {

    private static final List<ACL> OPEN = ZooDefs.Ids.OPEN_ACL_UNSAFE;

    private Target target;
    private ZooKeeper zk;

    abstract Target startTarget();

    @BeforeAll
    void start() {
        target = startTarget();
        zk = Clients.connect(target.connectString());
    }

    @AfterAll
    void stop() throws InterruptedException {
        zk.close();
        target.close();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sequentialNamesCountEveryChildCreationOfTheParent() throws Exception {
        zk.create("/seq", null, OPEN, CreateMode.PERSISTENT);
        assertEquals("/seq/a-0000000000", zk.create("/seq/a-", null, OPEN, CreateMode.PERSISTENT_SEQUENTIAL));
        zk.create("/seq/plain", null, OPEN, CreateMode.PERSISTENT);
        assertEquals("/seq/e-0000000002", zk.create("/seq/e-", null, OPEN, CreateMode.EPHEMERAL_SEQUENTIAL));
        zk.delete("/seq/plain", -1);
        assertEquals("/seq/0000000003", zk.create("/seq/", null, OPEN, CreateMode.PERSISTENT_SEQUENTIAL));
    }

    @Test
    void createModesShowInEphemeralOwner() throws Exception {
        zk.create("/modes", null, OPEN, CreateMode.PERSISTENT);
        Stat stat = new Stat();
        zk.create("/modes/eph", null, OPEN, CreateMode.EPHEMERAL, stat);
        assertEquals(zk.getSessionId(), stat.getEphemeralOwner());
        zk.create("/modes/container", null, OPEN, CreateMode.CONTAINER, stat);
        assertEquals(0, stat.getEphemeralOwner());
        zk.create("/modes/ttl", null, OPEN, CreateMode.PERSISTENT_WITH_TTL, stat, 60_000);
        assertEquals(0, stat.getEphemeralOwner());
        assertEquals("/modes/ttl-0000000003",
                zk.create("/modes/ttl-", null, OPEN, CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL, stat, 60_000));
        assertEquals(List.of("container", "eph", "ttl", "ttl-0000000003"),
                zk.getChildren("/modes", false).stream().sorted().toList());
    }

    @Test
    void statFieldsChangeExactlyAsZooKeeperChangesThem() throws Exception {
        Stat created = new Stat();
        zk.create("/stat", bytes("abc"), OPEN, CreateMode.PERSISTENT, created);
        assertTrue(created.getCzxid() > 0);
        assertEquals(created.getCzxid(), created.getMzxid());
        assertEquals(created.getCzxid(), created.getPzxid());
        assertEquals(created.getCtime(), created.getMtime());
        assertEquals(List.of(0, 0, 0, 3, 0), List.of(created.getVersion(), created.getCversion(),
                created.getAversion(), created.getDataLength(), created.getNumChildren()));
        Stat set = zk.setData("/stat", bytes("abcd"), 0);
        assertEquals(1, set.getVersion());
        assertTrue(set.getMzxid() > created.getMzxid());
        assertEquals(created.getPzxid(), set.getPzxid());
        Stat child = new Stat();
        zk.create("/stat/c", null, OPEN, CreateMode.PERSISTENT, child);
        Stat parent = zk.exists("/stat", false);
        assertEquals(List.of(1, 1), List.of(parent.getCversion(), parent.getNumChildren()));
        assertEquals(child.getCzxid(), parent.getPzxid());
        zk.delete("/stat/c", 0);
        parent = zk.exists("/stat", false);
        assertEquals(List.of(2, 0), List.of(parent.getCversion(), parent.getNumChildren()));
        Stat acl = zk.setACL("/stat", ZooDefs.Ids.READ_ACL_UNSAFE, 0);
        assertEquals(List.of(1, 1), List.of(acl.getAversion(), acl.getVersion()));
    }

    @Test
    void staleVersionsAreRejectedAndMinusOneMatchesAny() throws Exception {
        zk.create("/ver", bytes("a"), OPEN, CreateMode.PERSISTENT);
        assertThrows(KeeperException.BadVersionException.class, () -> zk.setData("/ver", bytes("b"), 5));
        assertThrows(KeeperException.BadVersionException.class, () -> zk.delete("/ver", 3));
        assertThrows(KeeperException.BadVersionException.class, () -> zk.setACL("/ver", OPEN, 7));
        assertEquals(1, zk.setData("/ver", bytes("b"), -1).getVersion());
        zk.delete("/ver", -1);
        assertNull(zk.exists("/ver", false));
    }

    @Test
    void errorsCarryZooKeepersCodes() throws Exception {
        zk.create("/err", null, OPEN, CreateMode.PERSISTENT);
        zk.create("/err/child", null, OPEN, CreateMode.PERSISTENT);
        zk.create("/err/eph", null, OPEN, CreateMode.EPHEMERAL);
        assertThrows(KeeperException.NodeExistsException.class,
                () -> zk.create("/err", null, OPEN, CreateMode.PERSISTENT));
        assertThrows(KeeperException.NoNodeException.class,
                () -> zk.create("/err/missing/x", null, OPEN, CreateMode.PERSISTENT));
        assertThrows(KeeperException.NotEmptyException.class, () -> zk.delete("/err", -1));
        assertThrows(KeeperException.NoChildrenForEphemeralsException.class,
                () -> zk.create("/err/eph/x", null, OPEN, CreateMode.PERSISTENT));
        assertThrows(KeeperException.NoNodeException.class, () -> zk.getData("/err/none", false, null));
        assertThrows(KeeperException.InvalidACLException.class,
                () -> zk.create("/err/acl", null, List.of(), CreateMode.PERSISTENT));
        assertThrows(KeeperException.BadArgumentsException.class, () -> zk.delete("/zookeeper", -1));
        assertNull(zk.exists("/err/none", false));
    }

    @Test
    void multiCommitsEveryOpUnderOneZxidAndReportsEachResult() throws Exception {
        zk.create("/multi", bytes("0"), OPEN, CreateMode.PERSISTENT);
        List<OpResult> results = zk.multi(List.of(
                Op.create("/multi/a", null, OPEN, CreateMode.PERSISTENT),
                Op.create("/multi/b", null, OPEN, CreateMode.CONTAINER),
                Op.setData("/multi", bytes("1"), 0),
                Op.check("/multi", 1),
                Op.delete("/multi/a", 0)));
        assertEquals("/multi/a", assertInstanceOf(OpResult.CreateResult.class, results.get(0)).getPath());
        OpResult.CreateResult container = assertInstanceOf(OpResult.CreateResult.class, results.get(1));
        assertEquals(ZooDefs.OpCode.create2, container.getType());
        Stat set = assertInstanceOf(OpResult.SetDataResult.class, results.get(2)).getStat();
        assertEquals(container.getStat().getCzxid(), set.getMzxid());
        assertInstanceOf(OpResult.CheckResult.class, results.get(3));
        assertInstanceOf(OpResult.DeleteResult.class, results.get(4));
        assertEquals(List.of("b"), zk.getChildren("/multi", false));
    }

    @Test
    void failedMultiAbortsAndReportsOkFailedAndRuntimeInconsistency() throws Exception {
        zk.create("/mfail", null, OPEN, CreateMode.PERSISTENT);
        KeeperException failure = assertThrows(KeeperException.NoNodeException.class, () -> zk.multi(List.of(
                Op.create("/mfail/a", null, OPEN, CreateMode.PERSISTENT),
                Op.setData("/mfail/missing", null, -1),
                Op.create("/mfail/b", null, OPEN, CreateMode.PERSISTENT))));
        List<Integer> codes = failure.getResults().stream()
                .map(r -> assertInstanceOf(OpResult.ErrorResult.class, r).getErr()).toList();
        assertEquals(List.of(0, -101, -2), codes);
        assertEquals(List.of(), zk.getChildren("/mfail", false));
    }

    @Test
    void multiReadAnswersEachOpOnItsOwn() throws Exception {
        zk.create("/mread", bytes("d"), OPEN, CreateMode.PERSISTENT);
        zk.create("/mread/k", null, OPEN, CreateMode.PERSISTENT);
        List<OpResult> results = zk.multi(List.of(Op.getData("/mread"), Op.getChildren("/mread/none"),
                Op.getChildren("/mread")));
        assertArrayEquals(bytes("d"), assertInstanceOf(OpResult.GetDataResult.class, results.get(0)).getData());
        assertEquals(-101, assertInstanceOf(OpResult.ErrorResult.class, results.get(1)).getErr());
        assertEquals(List.of("k"), assertInstanceOf(OpResult.GetChildrenResult.class, results.get(2)).getChildren());
    }

    @Test
    void digestAclsLetOnlyTheAuthenticatedUserIn() throws Exception {
        ZooKeeper alice = Clients.connect(target.connectString());
        try {
            alice.addAuthInfo("digest", bytes("alice:secret"));
            alice.create("/acl", bytes("x"), ZooDefs.Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT);
            assertThrows(KeeperException.NoAuthException.class, () -> zk.getData("/acl", false, null));
            assertArrayEquals(bytes("x"), alice.getData("/acl", false, null));
            List<ACL> acl = alice.getACL("/acl", new Stat());
            assertEquals("digest", acl.get(0).getId().getScheme());
            assertTrue(acl.get(0).getId().getId().startsWith("alice:"));
            List<ClientInfo> whoAmI = alice.whoAmI();
            assertTrue(whoAmI.stream().anyMatch(i -> i.getAuthScheme().equals("digest")
                    && i.getUser().equals("alice")), whoAmI.toString());
            assertTrue(whoAmI.stream().anyMatch(i -> i.getAuthScheme().equals("ip")), whoAmI.toString());
        } finally {
            alice.close();
        }
    }

    @Test
    void unknownAuthSchemeFailsTheHandleWithAuthFailed() throws Exception {
        Events events = new Events();
        ZooKeeper mallory = Clients.connect(target.connectString(), events);
        try {
            mallory.addAuthInfo("nosuchscheme", bytes("who"));
            events.awaitState(Watcher.Event.KeeperState.AuthFailed);
            assertThrows(KeeperException.AuthFailedException.class, () -> mallory.exists("/", false));
        } finally {
            mallory.close();
        }
    }

    @Test
    void systemNodesAndConfigAreThere() throws Exception {
        Stat stat = new Stat();
        assertArrayEquals(new byte[0], zk.getConfig(false, stat));
        assertEquals(List.of("config", "quota"), zk.getChildren("/zookeeper", false).stream().sorted().toList());
        assertEquals(0, zk.exists("/zookeeper", false).getCzxid());
    }

    @Test
    void ephemeralsAndDescendantCountsAreReported() throws Exception {
        zk.create("/count", null, OPEN, CreateMode.PERSISTENT);
        zk.create("/count/a", null, OPEN, CreateMode.PERSISTENT);
        zk.create("/count/a/b", null, OPEN, CreateMode.EPHEMERAL);
        zk.create("/count/c", null, OPEN, CreateMode.EPHEMERAL);
        assertEquals(3, zk.getAllChildrenNumber("/count"));
        assertEquals(List.of("/count/a/b", "/count/c"), zk.getEphemerals("/count").stream().sorted().toList());
        assertThrows(KeeperException.NoNodeException.class, () -> zk.getAllChildrenNumber("/count/none"));
    }

    @Test
    void syncEchoesItsPath() throws Exception {
        CompletableFuture<String> synced = new CompletableFuture<>();
        zk.sync("/zookeeper", (rc, path, ctx) -> synced.complete(rc + " " + path), null);
        assertEquals("0 /zookeeper", synced.get(Events.WAIT_MS, TimeUnit.MILLISECONDS));
    }
}
