package io.zakka.actors.node;

import static io.zakka.actors.testing.TestSession.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.Done;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import io.zakka.actors.pipeline.Pipeline;
import io.zakka.actors.testing.ActorTestKitExtension;
import io.zakka.actors.testing.TestSession;
import io.zakka.protocol.Acl;
import io.zakka.protocol.AddWatchMode;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.EventType;
import io.zakka.protocol.Id;
import io.zakka.protocol.Perms;
import io.zakka.protocol.WatcherType;
import io.zakka.protocol.client.ClientBound;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import io.zakka.storage.acl.AclChecker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A whole standalone node (local committer) driven through its entry actor, as a client would. */
class ZakkaNodeTest {

    private static final Duration QUIET = Duration.ofMillis(200);
    @RegisterExtension
    static final ActorTestKitExtension kit = new ActorTestKitExtension();

    private ActorRef<ZakkaNode.Command> node;
    private ActorRef<ServerCommand> entry;

    @BeforeEach
    void startNode() {
        node = kit.spawn(ZakkaNode.create(NodeConfig.defaults().withServerId(3), Clock.systemUTC()));
        TestProbe<ZakkaNode.Entry> probe = kit.createTestProbe();
        node.tell(new ZakkaNode.GetEntry(probe.getRef()));
        entry = probe.receiveMessage().ref();
    }

    private TestSession open() {
        return TestSession.open(kit, entry, 10_000);
    }

    @Test
    void testsRunWithForcedMessageSerialization() {
        assertTrue(kit.system().settings().config().getBoolean("akka.actor.serialize-messages"));
    }

    @Test
    void openSessionNegotiatesTimeoutAndIssuesIdOfThisServer() {
        TestProbe<ClientBound> client = kit.createTestProbe();
        entry.tell(new ServerCommand.OpenSession(1, false, "127.0.0.1", client.getRef()));
        ClientBound.SessionOpened opened = client.expectMessageClass(ClientBound.SessionOpened.class);
        assertEquals(4000, opened.timeoutMs(), "clamped to 2 ticks");
        assertEquals(3, opened.sessionId() >>> 56);
        assertEquals(16, opened.password().length);
        assertEquals(entry, opened.server());
    }

    @Test
    void closeSessionDeletesEphemeralsAndFiresTheirWatches() {
        TestSession owner = open();
        TestSession watcher = open();
        assertInstanceOf(OpResult.Created.class, owner.create("/eph", "x", CreateMode.EPHEMERAL));
        assertInstanceOf(OpResult.StatResult.class, watcher.call(new Op.Exists("/eph", true)));
        assertInstanceOf(OpResult.ChildrenResult.class, watcher.call(new Op.GetChildren("/", true, false)));
        assertEquals(new OpResult.Done(), owner.call(new Op.CloseSession()));
        watcher.expectEvent(EventType.NODE_DELETED, "/eph");
        watcher.expectEvent(EventType.NODE_CHILDREN_CHANGED, "/");
        assertEquals(new OpResult.Error(ErrorCode.NONODE), watcher.call(new Op.Exists("/eph", false)));
    }

    @Test
    void requestAfterCloseIsAnsweredSessionExpired() {
        TestSession session = open();
        int close = session.submit(new Op.CloseSession());
        int late = session.submit(new Op.GetData("/", false));
        ClientBound.Reply first = session.probe.expectMessageClass(ClientBound.Reply.class);
        ClientBound.Reply second = session.probe.expectMessageClass(ClientBound.Reply.class);
        // The late request is refused by the tracker at once, possibly before the close commits.
        ClientBound.Reply lateReply = first.cxid() == late ? first : second;
        assertEquals(new OpResult.Error(ErrorCode.SESSIONEXPIRED), lateReply.result());
        assertEquals(close, (first.cxid() == late ? second : first).cxid());
    }

    @Test
    void requestOfUnknownSessionIsAnsweredSessionExpired() {
        TestProbe<ClientBound> client = kit.createTestProbe();
        entry.tell(new ServerCommand.Submit(42L, 7, new Op.GetData("/", false), client.getRef()));
        ClientBound.Reply reply = client.expectMessageClass(ClientBound.Reply.class);
        assertEquals(7, reply.cxid());
        assertEquals(new OpResult.Error(ErrorCode.SESSIONEXPIRED), reply.result());
    }

    @Test
    void resumeWithWrongPasswordIsRejectedAsExpired() {
        TestSession session = open();
        TestProbe<ClientBound> other = kit.createTestProbe();
        entry.tell(new ServerCommand.ResumeSession(session.sessionId, new byte[16], 10_000, 0, "", other.getRef()));
        ClientBound.SessionRejected rejected = other.expectMessageClass(ClientBound.SessionRejected.class);
        assertEquals(ErrorCode.SESSIONEXPIRED, rejected.code());
        session.probe.expectNoMessage(QUIET);
    }

    @Test
    void resumeOfUnknownSessionIsRejectedAsExpired() {
        TestProbe<ClientBound> client = kit.createTestProbe();
        entry.tell(new ServerCommand.ResumeSession(0x0300_0000_0000_0099L, new byte[16], 10_000, 0, "",
                client.getRef()));
        assertEquals(ErrorCode.SESSIONEXPIRED, client.expectMessageClass(ClientBound.SessionRejected.class).code());
    }

    @Test
    void resumeMovesSessionAndTellsPreviousClientSessionMoved() {
        TestSession first = open();
        first.create("/kept", "", CreateMode.EPHEMERAL);
        TestProbe<ClientBound> second = kit.createTestProbe();
        entry.tell(new ServerCommand.ResumeSession(first.sessionId, first.password, 10_000, 0, "", second.getRef()));
        assertEquals(ErrorCode.SESSIONMOVED, first.probe.expectMessageClass(ClientBound.SessionClosed.class).reason());
        assertEquals(first.sessionId, second.expectMessageClass(ClientBound.SessionOpened.class).sessionId());
        TestSession moved = new TestSession(second, first.sessionId, first.password, entry::tell);
        assertInstanceOf(OpResult.StatResult.class, moved.call(new Op.Exists("/kept", false)), "same session");
        int stale = first.submit(new Op.GetData("/", false));
        assertEquals(new OpResult.Error(ErrorCode.SESSIONMOVED), first.expectReply(stale).result());
    }

    @Test
    void resumeFromClientThatHasSeenANewerZxidIsRefused() {
        TestSession session = open();
        TestProbe<ClientBound> client = kit.createTestProbe();
        long future = 0x7FFF_0000_0000_0000L;
        entry.tell(new ServerCommand.ResumeSession(session.sessionId, session.password, 10_000, future, "",
                client.getRef()));
        ClientBound.SessionRejected rejected = client.expectMessageClass(ClientBound.SessionRejected.class);
        assertEquals(ErrorCode.CONNECTIONLOSS, rejected.code(), "try another server: the session lives on");
        assertInstanceOf(OpResult.StatResult.class, session.call(new Op.Exists("/", false)));
    }

    @Test
    void existsOnMissingNodeSetsWatchThatFiresOnCreate() {
        TestSession watcher = open();
        TestSession writer = open();
        assertEquals(new OpResult.Error(ErrorCode.NONODE), watcher.call(new Op.Exists("/later", true)));
        writer.create("/later", "", CreateMode.PERSISTENT);
        watcher.expectEvent(EventType.NODE_CREATED, "/later");
    }

    @Test
    void recursiveWatchSeesDescendantsButNeverChildrenChanged() {
        TestSession watcher = open();
        TestSession writer = open();
        assertEquals(new OpResult.Done(), watcher.call(new Op.AddWatch("/tree", AddWatchMode.PERSISTENT_RECURSIVE)));
        writer.create("/tree", "", CreateMode.PERSISTENT);
        writer.create("/tree/a", "", CreateMode.PERSISTENT);
        writer.call(new Op.SetData("/tree/a", bytes("v"), -1));
        watcher.expectEvent(EventType.NODE_CREATED, "/tree");
        watcher.expectEvent(EventType.NODE_CREATED, "/tree/a");
        watcher.expectEvent(EventType.NODE_DATA_CHANGED, "/tree/a");
        watcher.probe.expectNoMessage(QUIET);
    }

    @Test
    void notificationIsDroppedForSessionWithoutReadOnTheNode() {
        TestSession reader = open();
        TestSession alice = open();
        reader.call(new Op.AddWatch("/", AddWatchMode.PERSISTENT_RECURSIVE));
        alice.call(new Op.AddAuth("digest", bytes("alice:pw")));
        Id aliceId = AclChecker.digestId("alice:pw");
        alice.call(new Op.Create("/private", bytes(""), List.of(new Acl(Perms.ALL, aliceId)), CreateMode.PERSISTENT));
        alice.create("/public", "", CreateMode.PERSISTENT);
        reader.expectEvent(EventType.NODE_CREATED, "/public");
    }

    @Test
    void addAuthWithUnknownSchemeAnswersAuthFailed() {
        TestSession session = open();
        assertEquals(new OpResult.Error(ErrorCode.AUTHFAILED), session.call(new Op.AddAuth("kerberos", bytes("x"))));
    }

    @Test
    void whoAmIShowsDigestUserNamesNeverTheirPasswordHashes() {
        TestSession session = open();
        session.call(new Op.AddAuth("digest", bytes("bob:pw")));
        OpResult.WhoAmIResult who = (OpResult.WhoAmIResult) session.call(new Op.WhoAmI());
        assertEquals(List.of(new Id("ip", "127.0.0.1"), new Id("digest", "bob")), who.ids());
    }

    @Test
    void syncWithAnInvalidPathIsBadArguments() {
        TestSession session = open();
        assertEquals(new OpResult.Error(ErrorCode.BADARGUMENTS), session.call(new Op.Sync("a")));
        assertEquals(new OpResult.SyncResult("/"), session.call(new Op.Sync("/")));
    }

    @Test
    void removeAndCheckWatchesAnswerNoWatcherWhenNothingMatches() {
        TestSession session = open();
        assertEquals(new OpResult.Error(ErrorCode.NOWATCHER),
                session.call(new Op.RemoveWatches("/", WatcherType.ANY)));
        session.call(new Op.GetData("/", true));
        assertEquals(new OpResult.Error(ErrorCode.NOWATCHER),
                session.call(new Op.CheckWatches("/", WatcherType.CHILDREN)));
        assertEquals(new OpResult.Done(), session.call(new Op.CheckWatches("/", WatcherType.DATA)));
        assertEquals(new OpResult.Done(), session.call(new Op.RemoveWatches("/", WatcherType.DATA)));
        assertEquals(new OpResult.Error(ErrorCode.NOWATCHER), session.call(new Op.CheckWatches("/", WatcherType.DATA)));
    }

    @Test
    void setWatchesSendsCatchUpEventsBeforeItsReply() {
        TestSession writer = open();
        writer.create("/cu", "", CreateMode.PERSISTENT);
        ClientBound.Reply base = writer.request(new Op.Exists("/cu", false));
        writer.call(new Op.SetData("/cu", bytes("changed"), -1));
        TestSession session = open();
        int cxid = session.submit(new Op.SetWatches(base.zxid(), List.of("/cu"), List.of("/cu", "/none"),
                List.of("/gone"), List.of(), List.of()));
        session.expectEvent(EventType.NODE_DATA_CHANGED, "/cu");
        session.expectEvent(EventType.NODE_CREATED, "/cu");
        session.expectEvent(EventType.NODE_DELETED, "/gone");
        assertEquals(new OpResult.Done(), session.expectReply(cxid).result());
        writer.create("/none", "", CreateMode.PERSISTENT);
        session.expectEvent(EventType.NODE_CREATED, "/none");
    }

    @Test
    void multiAppliesAtomicallyUnderOneZxid() {
        TestSession session = open();
        OpResult result = session.call(new Op.Multi(List.of(
                new Op.Create("/m", bytes("a"), Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                new Op.SetData("/m", bytes("b"), 0))));
        assertEquals(2, ((OpResult.MultiResult) result).results().size());
        OpResult.DataResult data = (OpResult.DataResult) session.call(new Op.GetData("/m", false));
        assertArrayEquals(bytes("b"), data.data());
        assertEquals(data.stat().czxid(), data.stat().mzxid());
    }

    @Test
    void statusReportsLastZxidAndCounts() {
        TestSession session = open();
        ClientBound.Reply reply = session.request(new Op.Create("/st", bytes(""),
                Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
        TestProbe<Pipeline.Status> status = kit.createTestProbe();
        node.tell(new ZakkaNode.GetStatus(status.getRef()));
        Pipeline.Status now = status.receiveMessage();
        assertEquals(reply.zxid(), now.lastApplied().toLong());
        assertEquals(1, now.sessionCount());
        assertEquals(0, now.writesInFlight());
    }

    @Test
    void stopAnswersDoneOnceTheNodeHasStopped() {
        TestProbe<Done> done = kit.createTestProbe();
        node.tell(new ZakkaNode.Stop(done.getRef()));
        done.expectMessage(Done.getInstance());
        done.expectTerminated(entry);
    }
}
