package io.zakka.actors.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import akka.actor.testkit.typed.javadsl.ManualTime;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import com.typesafe.config.ConfigFactory;
import io.zakka.actors.node.NodeConfig;
import io.zakka.actors.node.ZakkaNode;
import io.zakka.actors.testing.ActorTestKitExtension;
import io.zakka.actors.testing.MutableClock;
import io.zakka.actors.testing.TestSession;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.EventType;
import io.zakka.protocol.client.ClientBound;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Session expiry on a node driven by ManualTime: the test moves the scheduler and the node's clock together,
 * one tick at a time, so expiry happens exactly when the rounded bucket time is reached.
 */
class SessionExpiryTest {

    private static final int TICK_MS = 2000;
    private static final Duration TICK = Duration.ofMillis(TICK_MS);
    @RegisterExtension
    static final ActorTestKitExtension kit = new ActorTestKitExtension(ManualTime.config()
            .withFallback(ConfigFactory.parseResources("application-test.conf"))
            .withFallback(ConfigFactory.load()));
    private static ManualTime manualTime;

    private MutableClock clock;
    private ActorRef<ServerCommand> entry;

    @BeforeAll
    static void startManualTime() {
        manualTime = ManualTime.get(kit.system());
    }

    @BeforeEach
    void startNode() {
        clock = new MutableClock(1_000_000_000L);
        ActorRef<ZakkaNode.Command> node = kit.spawn(ZakkaNode.create(NodeConfig.defaults().withTickTime(TICK_MS),
                clock));
        TestProbe<ZakkaNode.Entry> probe = kit.createTestProbe();
        node.tell(new ZakkaNode.GetEntry(probe.getRef()));
        entry = probe.receiveMessage().ref();
    }

    /** Moves the node's clock, then the scheduler, one tick: the tracker's tick then reads the new time. */
    private void passTicks(int ticks) {
        for (int i = 0; i < ticks; i++) {
            clock.advance(TICK);
            manualTime.timePasses(TICK);
        }
    }

    @Test
    void sessionExpiresAfterTimeoutWithoutPings() {
        TestSession session = TestSession.open(kit, entry, 4000);
        // Opened at t0 (a tick boundary): the bucket is roundUp(t0 + 4000) = t0 + 6000, the third tick.
        passTicks(2);
        session.probe.expectNoMessage(Duration.ofMillis(100));
        passTicks(1);
        ClientBound.SessionClosed closed = session.probe.expectMessageClass(ClientBound.SessionClosed.class);
        assertEquals(ErrorCode.SESSIONEXPIRED, closed.reason());
        assertEquals(session.sessionId, closed.sessionId());
    }

    @Test
    void pingsKeepTheSessionAlive() {
        TestSession session = TestSession.open(kit, entry, 4000);
        for (int i = 0; i < 10; i++) {
            passTicks(1);
            entry.tell(new ServerCommand.Ping(session.sessionId, session.probe.getRef()));
            session.probe.expectMessageClass(ClientBound.Pong.class);
        }
        assertInstanceOf(OpResult.StatResult.class, session.call(new Op.Exists("/", false)));
    }

    @Test
    void requestsKeepTheSessionAliveLikePings() {
        TestSession session = TestSession.open(kit, entry, 4000);
        for (int i = 0; i < 10; i++) {
            passTicks(1);
            session.call(new Op.Exists("/", false));
        }
        session.probe.expectNoMessage(Duration.ofMillis(100));
    }

    @Test
    void expiryDeletesEphemeralsAndFiresTheirWatches() {
        TestSession owner = TestSession.open(kit, entry, 4000);
        TestSession watcher = TestSession.open(kit, entry, 40_000);
        owner.create("/lease", "", CreateMode.EPHEMERAL);
        watcher.call(new Op.GetData("/lease", true));
        passTicks(3);
        owner.probe.expectMessageClass(ClientBound.SessionClosed.class);
        watcher.expectEvent(EventType.NODE_DELETED, "/lease");
        assertEquals(new OpResult.Error(ErrorCode.NONODE), watcher.call(new Op.Exists("/lease", false)));
    }

    @Test
    void requestAndPingAfterExpiryAreAnsweredSessionExpired() {
        TestSession session = TestSession.open(kit, entry, 4000);
        passTicks(3);
        session.probe.expectMessageClass(ClientBound.SessionClosed.class);
        assertEquals(new OpResult.Error(ErrorCode.SESSIONEXPIRED), session.call(new Op.Exists("/", false)));
        entry.tell(new ServerCommand.Ping(session.sessionId, session.probe.getRef()));
        ClientBound.Reply reply = session.probe.expectMessageClass(ClientBound.Reply.class);
        assertEquals(new OpResult.Error(ErrorCode.SESSIONEXPIRED), reply.result());
    }

    @Test
    void expiredSessionCannotBeResumed() {
        TestSession session = TestSession.open(kit, entry, 4000);
        passTicks(3);
        session.probe.expectMessageClass(ClientBound.SessionClosed.class);
        TestProbe<ClientBound> client = kit.createTestProbe();
        entry.tell(new ServerCommand.ResumeSession(session.sessionId, session.password, 4000, 0, "",
                client.getRef()));
        assertEquals(ErrorCode.SESSIONEXPIRED, client.expectMessageClass(ClientBound.SessionRejected.class).code());
    }
}
