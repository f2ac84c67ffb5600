package io.zakka.actors.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import io.zakka.actors.pipeline.Pipeline;
import io.zakka.actors.testing.ActorTestKitExtension;
import io.zakka.actors.testing.MutableClock;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.client.ClientBound;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tracker alone, with a probe as the pipeline: what it admits, forwards and refuses. */
class SessionTrackerActorTest {

    private static final byte[] SECRET = "s".getBytes(StandardCharsets.UTF_8);
    @RegisterExtension
    static final ActorTestKitExtension kit = new ActorTestKitExtension();

    private TestProbe<Pipeline.Command> pipeline;
    private TestProbe<ServerCommand> entry;
    private TestProbe<ClientBound> client;
    private SessionTable table;
    private ActorRef<SessionTrackerActor.Command> tracker;

    @BeforeEach
    void spawn() {
        pipeline = kit.createTestProbe();
        entry = kit.createTestProbe();
        client = kit.createTestProbe();
        // A tick of an hour: no expiry interferes; expiry itself is covered by SessionExpiryTest.
        table = new SessionTable(SessionTable.Settings.fromTick(5, 3_600_000, SECRET), 0);
        tracker = kit.spawn(SessionTrackerActor.create(table, new MutableClock(0), pipeline.getRef()));
    }

    private void send(ServerCommand command) {
        tracker.tell(new SessionTrackerActor.FromClient(command, entry.getRef()));
    }

    private long open() {
        send(new ServerCommand.OpenSession(100_000_000, false, "10.0.0.1", client.getRef()));
        Pipeline.OpenSession open = pipeline.expectMessageClass(Pipeline.OpenSession.class);
        assertEquals(entry.getRef(), open.server(), "SessionOpened will name the entry as the server");
        return open.sessionId();
    }

    @Test
    void openSessionIsProposedWithClampedTimeoutAndDerivedPassword() {
        send(new ServerCommand.OpenSession(100_000_000, false, "10.0.0.1", client.getRef()));
        Pipeline.OpenSession open = pipeline.expectMessageClass(Pipeline.OpenSession.class);
        assertEquals(72_000_000, open.timeoutMs(), "20 ticks");
        assertEquals(5, open.sessionId() >>> 56);
        assertTrue(table.verify(open.sessionId(), open.password()));
        assertEquals("10.0.0.1", open.clientAddress());
    }

    @Test
    void requestsOfALiveSessionAreForwardedInArrivalOrder() {
        long session = open();
        for (int cxid = 1; cxid <= 5; cxid++) {
            send(new ServerCommand.Submit(session, cxid, new Op.Exists("/", false), client.getRef()));
        }
        for (int cxid = 1; cxid <= 5; cxid++) {
            assertEquals(cxid, pipeline.expectMessageClass(Pipeline.Request.class).submit().cxid());
        }
    }

    @Test
    void closeMarksTheSessionClosingSoLaterRequestsAreRefusedHere() {
        long session = open();
        send(new ServerCommand.Submit(session, 1, new Op.CloseSession(), client.getRef()));
        Pipeline.CloseSession close = pipeline.expectMessageClass(Pipeline.CloseSession.class);
        assertEquals(ErrorCode.OK, close.reason());
        assertEquals(1, close.cxid());
        send(new ServerCommand.Submit(session, 2, new Op.Exists("/", false), client.getRef()));
        ClientBound.Reply refused = client.expectMessageClass(ClientBound.Reply.class);
        assertEquals(new OpResult.Error(ErrorCode.SESSIONEXPIRED), refused.result());
        pipeline.expectNoMessage(Duration.ofMillis(100));
        close.tracker().tell(new Pipeline.SessionEnded(session, 9));
        pipeline.awaitAssert(() -> {
            assertTrue(table.get(session).isEmpty(), "forgotten once the close is applied");
            return null;
        });
    }

    @Test
    void pingOfALiveSessionGoesThroughThePipeline() {
        long session = open();
        send(new ServerCommand.Ping(session, client.getRef()));
        assertEquals(session, pipeline.expectMessageClass(Pipeline.Heartbeat.class).ping().sessionId());
    }

    @Test
    void resumeWithTheRightPasswordIsForwardedWithTheSessionsTimeout() {
        long session = open();
        TestProbe<ClientBound> other = kit.createTestProbe();
        send(new ServerCommand.ResumeSession(session, table.passwordOf(session), 1, 42L, "", other.getRef()));
        Pipeline.ResumeSession resume = pipeline.expectMessageClass(Pipeline.ResumeSession.class);
        assertEquals(72_000_000, resume.timeoutMs());
        assertEquals(42L, resume.lastZxidSeen());
        assertEquals(other.getRef(), resume.client());
    }
}
