package io.zakka.actors.pipeline;

import static io.zakka.actors.testing.TestSession.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import io.zakka.actors.testing.ActorTestKitExtension;
import io.zakka.actors.testing.TestSession;
import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.EventType;
import io.zakka.protocol.client.ClientBound;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import io.zakka.storage.acl.AclChecker;
import io.zakka.storage.prep.PrepConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pipeline's ordering rules, with a probe as the commit seam so the test decides when a txn commits.
 * Sessions are opened straight at the pipeline (no tracker), with ids the test picks.
 */
class PipelineOrderingTest {

    private static final Duration QUIET = Duration.ofMillis(200);
    @RegisterExtension
    static final ActorTestKitExtension kit = new ActorTestKitExtension();

    private TestProbe<Committer.Command> committer;
    private ActorRef<Pipeline.Command> pipeline;
    private long nextSessionId = 0x0100_0000_0000_0001L;

    @BeforeEach
    void spawnPipeline() {
        committer = kit.createTestProbe();
        pipeline = kit.spawn(PipelineActor.create(PrepConfig.DEFAULTS, new AclChecker(Optional.empty()),
                Clock.systemUTC(), committer.getRef()));
    }

    private TestSession open() {
        long id = nextSessionId++;
        TestProbe<ClientBound> client = kit.createTestProbe();
        TestProbe<ServerCommand> server = kit.createTestProbe();
        pipeline.tell(new Pipeline.OpenSession(id, 10_000, new byte[16], "127.0.0.1", client.getRef(),
                server.getRef()));
        commitNext();
        ClientBound.SessionOpened opened = client.expectMessageClass(ClientBound.SessionOpened.class);
        assertEquals(id, opened.sessionId());
        return new TestSession(client, id, opened.password(), submit -> pipeline.tell(new Pipeline.Request(submit)));
    }

    /** Takes the next proposal off the seam without committing it. */
    private Committer.Propose nextProposal() {
        return committer.expectMessageClass(Committer.Propose.class);
    }

    private static void commit(Committer.Propose proposal) {
        proposal.replyTo().tell(new Committer.Committed(proposal.entry()));
    }

    private void commitNext() {
        commit(nextProposal());
    }

    private int submitCreate(TestSession session, String path, String data) {
        return session.submit(new Op.Create(path, bytes(data), Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
    }

    @Test
    void readWaitsForSessionsEarlierWrite() {
        TestSession a = open();
        int create = submitCreate(a, "/x", "v1");
        Committer.Propose proposal = nextProposal();
        int read = a.submit(new Op.GetData("/x", false));
        a.probe.expectNoMessage(QUIET);
        commit(proposal);
        assertInstanceOf(OpResult.Created.class, a.expectReply(create).result());
        OpResult.DataResult data = (OpResult.DataResult) a.expectReply(read).result();
        assertArrayEquals(bytes("v1"), data.data());
    }

    @Test
    void readsOfOtherSessionsAreNotBlockedByAnotherSessionsWrite() {
        TestSession a = open();
        TestSession b = open();
        submitCreate(a, "/y", "v");
        Committer.Propose proposal = nextProposal();
        assertEquals(new OpResult.Error(ErrorCode.NONODE), b.call(new Op.Exists("/y", false)));
        commit(proposal);
    }

    @Test
    void errorReplyOfRejectedWriteWaitsBehindEarlierInFlightWrites() {
        TestSession a = open();
        int first = submitCreate(a, "/dup", "1");
        Committer.Propose proposal = nextProposal();
        int second = submitCreate(a, "/dup", "2");
        a.probe.expectNoMessage(QUIET);
        committer.expectNoMessage(Duration.ZERO);
        commit(proposal);
        assertInstanceOf(OpResult.Created.class, a.expectReply(first).result());
        assertEquals(new OpResult.Error(ErrorCode.NODEEXISTS), a.expectReply(second).result());
    }

    @Test
    void watchEventArrivesBeforeReplyThatReadsNewData() {
        TestSession a = open();
        submitCreate(a, "/w", "old");
        commitNext();
        a.expectReply(1);
        a.call(new Op.GetData("/w", true));
        TestSession b = open();
        int write = b.submit(new Op.SetData("/w", bytes("new"), -1));
        Committer.Propose proposal = nextProposal();
        OpResult.DataResult stale = (OpResult.DataResult) a.call(new Op.GetData("/w", false));
        assertArrayEquals(bytes("old"), stale.data(), "a read of another session is not held back");
        commit(proposal);
        b.expectReply(write);
        int read = a.submit(new Op.GetData("/w", false));
        a.expectEvent(EventType.NODE_DATA_CHANGED, "/w");
        OpResult.DataResult fresh = (OpResult.DataResult) a.expectReply(read).result();
        assertArrayEquals(bytes("new"), fresh.data());
    }

    @Test
    void ownWriteFiresWatchBeforeItsReplyAndBeforeTheNextRead() {
        TestSession a = open();
        submitCreate(a, "/o", "old");
        commitNext();
        a.expectReply(1);
        a.call(new Op.GetData("/o", true));
        int write = a.submit(new Op.SetData("/o", bytes("new"), -1));
        Committer.Propose proposal = nextProposal();
        int read = a.submit(new Op.GetData("/o", false));
        a.probe.expectNoMessage(QUIET);
        commit(proposal);
        a.expectEvent(EventType.NODE_DATA_CHANGED, "/o");
        assertInstanceOf(OpResult.StatResult.class, a.expectReply(write).result());
        assertArrayEquals(bytes("new"), ((OpResult.DataResult) a.expectReply(read).result()).data());
    }

    @Test
    void severalWritesOfASessionInFlightCompleteInOrder() {
        TestSession a = open();
        int first = submitCreate(a, "/m1", "");
        int second = submitCreate(a, "/m2", "");
        Committer.Propose p1 = nextProposal();
        Committer.Propose p2 = nextProposal();
        assertEquals(p1.entry().header().zxid().next(), p2.entry().header().zxid(), "consecutive zxids");
        commit(p1);
        commit(p2);
        assertEquals(p1.entry().header().zxid().toLong(), a.expectReply(first).zxid());
        assertEquals(p2.entry().header().zxid().toLong(), a.expectReply(second).zxid());
    }

    @Test
    void syncIsAnsweredAfterTheSessionsEarlierWrites() {
        TestSession a = open();
        int create = submitCreate(a, "/s", "");
        Committer.Propose proposal = nextProposal();
        int sync = a.submit(new Op.Sync("/s"));
        a.probe.expectNoMessage(QUIET);
        commit(proposal);
        a.expectReply(create);
        assertEquals(new OpResult.SyncResult("/s"), a.expectReply(sync).result());
    }

    @Test
    void pingIsAnsweredInTheSessionsTurn() {
        TestSession a = open();
        int create = submitCreate(a, "/p", "");
        Committer.Propose proposal = nextProposal();
        pipeline.tell(new Pipeline.Heartbeat(new ServerCommand.Ping(a.sessionId, a.probe.getRef())));
        a.probe.expectNoMessage(QUIET);
        commit(proposal);
        ClientBound.Reply reply = a.expectReply(create);
        ClientBound.Pong pong = a.probe.expectMessageClass(ClientBound.Pong.class);
        assertEquals(reply.zxid(), pong.lastZxid());
    }

    @Test
    void addAuthTakesEffectForTheNextWriteEvenWhileEarlierWritesAreInFlight() {
        TestSession a = open();
        int create = submitCreate(a, "/auth", "");
        Committer.Propose proposal = nextProposal();
        int auth = a.submit(new Op.AddAuth("digest", bytes("alice:secret")));
        int createSecret = a.submit(new Op.Create("/auth/secret", bytes(""), Acl.CREATOR_ALL_ACL,
                CreateMode.PERSISTENT));
        Committer.Propose secretProposal = nextProposal();
        commit(proposal);
        commit(secretProposal);
        a.expectReply(create);
        assertEquals(new OpResult.Done(), a.expectReply(auth).result());
        assertInstanceOf(OpResult.Created.class, a.expectReply(createSecret).result(),
                "CREATOR_ALL needs an authenticated id: the addAuth before it counted");
    }
}
