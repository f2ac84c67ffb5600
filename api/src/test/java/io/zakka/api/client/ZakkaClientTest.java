package io.zakka.api.client;

import static io.zakka.api.client.Await.failure;
import static io.zakka.api.client.Await.result;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.TestProbe;
import io.zakka.actors.testing.ActorTestKitExtension;
import io.zakka.api.ZakkaServer;
import io.zakka.protocol.Acl;
import io.zakka.protocol.AddWatchMode;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.EventType;
import io.zakka.protocol.Id;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.WatcherType;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The facade against a server in the same (local) ActorSystem; every message is serialized anyway. */
class ZakkaClientTest {

    private static final List<Acl> OPEN = Acl.OPEN_ACL_UNSAFE;
    @RegisterExtension
    static final ActorTestKitExtension kit = new ActorTestKitExtension();
    private static ZakkaServer server;

    @BeforeAll
    static void start() {
        server = ZakkaServer.start(kit.system());
    }

    @AfterAll
    static void stop() {
        result(server.stop());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ZakkaClient connect(ZakkaClient.Settings settings) {
        return result(ZakkaClient.connect(kit.system(), Duration.ofSeconds(10), settings));
    }

    private static ZakkaClient connect() {
        return connect(ZakkaClient.Settings.defaults().withSessionTimeout(Duration.ofSeconds(4)));
    }

    @Test
    void createReadUpdateDeleteRoundTrip() {
        ZakkaClient client = connect();
        OpResult.Created created = result(client.create("/crud", bytes("one"), OPEN, CreateMode.PERSISTENT));
        assertEquals("/crud", created.path());
        assertArrayEquals(bytes("one"), result(client.getData("/crud", false)).data());
        assertEquals(1, result(client.setData("/crud", bytes("two"), 0)).version());
        assertEquals(OPEN, result(client.getACL("/crud")).acl());
        result(client.delete("/crud", 1));
        assertEquals(Optional.empty(), result(client.exists("/crud", false)));
        result(client.close());
    }

    @Test
    void errorCodeFailsTheStageWithZakkaException() {
        ZakkaClient client = connect();
        ZakkaException missing = assertInstanceOf(ZakkaException.class, failure(client.getData("/absent", false)));
        assertEquals(ErrorCode.NONODE, missing.code());
        assertEquals("/absent", missing.path());
        result(client.create("/v", bytes(""), OPEN, CreateMode.PERSISTENT));
        assertEquals(ErrorCode.BADVERSION,
                assertInstanceOf(ZakkaException.class, failure(client.setData("/v", bytes("x"), 7))).code());
    }

    @Test
    void sequentialAndTtlAndContainerModesCreate() {
        ZakkaClient client = connect();
        result(client.create("/q", bytes(""), OPEN, CreateMode.CONTAINER));
        String first = result(client.create("/q/item-", bytes(""), OPEN, CreateMode.PERSISTENT_SEQUENTIAL)).path();
        assertEquals("/q/item-0000000000", first);
        OpResult.Created ttl = result(client.create("/ttl", bytes(""), OPEN, CreateMode.PERSISTENT_WITH_TTL, 60_000));
        assertEquals(0, ttl.stat().ephemeralOwner(), "clients see 0 for TTL nodes");
        assertEquals(1, result(client.getAllChildrenNumber("/q")));
    }

    @Test
    void failedMultiCarriesThePerOpResults() {
        ZakkaClient client = connect();
        ZakkaException failed = assertInstanceOf(ZakkaException.class, failure(client.transaction()
                .create("/tx-a", bytes(""), OPEN, CreateMode.PERSISTENT)
                .delete("/tx-missing", -1)
                .commit()));
        assertEquals(ErrorCode.NONODE, failed.code());
        assertEquals(List.of(new OpResult.Error(ErrorCode.OK), new OpResult.Error(ErrorCode.NONODE)),
                failed.results());
        assertEquals(Optional.empty(), result(client.exists("/tx-a", false)), "nothing applied");
    }

    @Test
    void transactionAppliesAllOpsAtomically() {
        ZakkaClient client = connect();
        List<OpResult> results = result(client.transaction()
                .create("/atomic", bytes("a"), OPEN, CreateMode.PERSISTENT)
                .setData("/atomic", bytes("b"), 0)
                .check("/atomic", 1)
                .commit());
        assertEquals(3, results.size());
        assertArrayEquals(bytes("b"), result(client.getData("/atomic", false)).data());
    }

    @Test
    void multiReadAnswersEachOpOnItsOwn() {
        ZakkaClient client = connect();
        result(client.create("/mr", bytes("d"), OPEN, CreateMode.PERSISTENT));
        List<OpResult> results = result(client.multiRead(List.of(new Op.GetData("/mr", false),
                new Op.GetData("/mr-missing", false), new Op.GetChildren("/mr", false, false))));
        assertInstanceOf(OpResult.DataResult.class, results.get(0));
        assertEquals(new OpResult.Error(ErrorCode.NONODE), results.get(1));
        assertEquals(List.of(), ((OpResult.ChildrenResult) results.get(2)).children());
    }

    @Test
    void sessionWatcherReceivesOnlyEventsOfWatchesSetWithoutAWatcherObject() {
        TestProbe<WatchEvent> sessionWatcher = kit.createTestProbe();
        TestProbe<WatchEvent> callWatcher = kit.createTestProbe();
        ZakkaClient client = connect(ZakkaClient.Settings.defaults().withWatcher(sessionWatcher.getRef()));
        ZakkaClient writer = connect();
        result(writer.create("/pw", bytes(""), OPEN, CreateMode.PERSISTENT));
        result(client.getData("/pw", callWatcher.getRef()));
        result(client.getChildren("/", true));
        result(writer.setData("/pw", bytes("x"), -1));
        assertEquals(new WatchEvent(EventType.NODE_DATA_CHANGED, "/pw", 0).type(), callWatcher.receiveMessage().type());
        result(writer.create("/other", bytes(""), OPEN, CreateMode.PERSISTENT));
        WatchEvent children = sessionWatcher.receiveMessage();
        assertEquals(EventType.NODE_CHILDREN_CHANGED, children.type(), "the data change went to its own watcher only");
        assertEquals("/", children.path());
        callWatcher.expectNoMessage(Duration.ofMillis(200));
    }

    @Test
    void persistentRecursiveWatchSurvivesFiring() {
        TestProbe<WatchEvent> watcher = kit.createTestProbe();
        ZakkaClient client = connect();
        result(client.addWatch("/rec", AddWatchMode.PERSISTENT_RECURSIVE, watcher.getRef()));
        result(client.create("/rec", bytes(""), OPEN, CreateMode.PERSISTENT));
        result(client.create("/rec/child", bytes(""), OPEN, CreateMode.PERSISTENT));
        assertEquals("/rec", watcher.receiveMessage().path());
        assertEquals("/rec/child", watcher.receiveMessage().path());
        result(client.checkWatches("/rec", WatcherType.PERSISTENT_RECURSIVE));
        result(client.removeWatches("/rec", WatcherType.ANY));
        ZakkaException none = assertInstanceOf(ZakkaException.class,
                failure(client.removeWatches("/rec", WatcherType.ANY)));
        assertEquals(ErrorCode.NOWATCHER, none.code());
    }

    @Test
    void addAuthAndWhoAmI() {
        ZakkaClient client = connect();
        result(client.addAuth("digest", bytes("carol:pw")));
        assertTrue(result(client.whoAmI()).contains(new Id("digest", "carol")), "the user name, never the hash");
        ZakkaException refused = assertInstanceOf(ZakkaException.class,
                failure(client.addAuth("nosuchscheme", bytes("x"))));
        assertEquals(ErrorCode.AUTHFAILED, refused.code());
        List<Id> ids = result(client.whoAmI());
        assertEquals(1, ids.stream().filter(id -> id.scheme().equals("digest")).count());
    }

    @Test
    void ephemeralsAreListedAndGoneAfterClose() {
        ZakkaClient owner = connect();
        ZakkaClient other = connect();
        result(owner.create("/eph-list", bytes(""), OPEN, CreateMode.EPHEMERAL));
        assertEquals(List.of("/eph-list"), result(owner.getEphemerals("/eph")));
        assertEquals("/", result(owner.sync("/")));
        result(owner.close());
        assertEquals(Optional.empty(), result(other.exists("/eph-list", false)));
        ZakkaException closed = assertInstanceOf(ZakkaException.class, failure(owner.exists("/", false)));
        assertEquals(ErrorCode.SESSIONEXPIRED, closed.code());
        result(owner.close());
    }

    @Test
    void heartbeatsKeepAnIdleSessionAlive() {
        TestProbe<SessionEvent> states = kit.createTestProbe();
        ZakkaClient client = connect(ZakkaClient.Settings.defaults().withSessionTimeout(Duration.ofMillis(1000))
                .withSessionListener(states.getRef()));
        assertEquals(1000, client.sessionTimeoutMs());
        assertEquals(SessionEvent.State.CONNECTED, states.receiveMessage().state());
        // Three timeouts without a request: only the pings (every third of the timeout) keep it open.
        states.expectNoMessage(Duration.ofSeconds(3));
        assertTrue(result(client.exists("/", false)).isPresent());
    }

    @Test
    void requestedTimeoutIsClampedToTheServersMinimum() {
        ZakkaClient client = connect(ZakkaClient.Settings.defaults().withSessionTimeout(Duration.ofMillis(1)));
        assertEquals(400, client.sessionTimeoutMs(), "2 ticks of 200 ms");
        result(client.close());
    }

    @Test
    void configNodeIsReadable() {
        ZakkaClient client = connect();
        assertInstanceOf(OpResult.DataResult.class, result(client.getConfig(false)));
    }

    @Test
    void serverReportsItsLastZxid() {
        ZakkaClient client = connect();
        OpResult.Created created = result(client.create("/z", bytes(""), OPEN, CreateMode.PERSISTENT));
        assertTrue(result(server.lastZxid()).toLong() >= created.stat().czxid());
    }
}
