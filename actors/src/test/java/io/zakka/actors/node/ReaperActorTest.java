package io.zakka.actors.node;

import static io.zakka.actors.testing.TestSession.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import io.zakka.actors.pipeline.LocalCommitter;
import io.zakka.actors.pipeline.Pipeline;
import io.zakka.actors.pipeline.PipelineActor;
import io.zakka.actors.testing.ActorTestKitExtension;
import io.zakka.actors.testing.MutableClock;
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
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reaper deletes empty containers and expired TTL nodes through the pipeline; the test ticks it by hand. */
class ReaperActorTest {

    @RegisterExtension
    static final ActorTestKitExtension kit = new ActorTestKitExtension();

    private MutableClock clock;
    private ActorRef<Pipeline.Command> pipeline;
    private ActorRef<ReaperActor.Command> reaper;
    private TestSession session;

    @BeforeEach
    void start() {
        clock = new MutableClock(1_000_000_000L);
        pipeline = kit.spawn(PipelineActor.create(PrepConfig.DEFAULTS, new AclChecker(Optional.empty()), clock,
                kit.spawn(LocalCommitter.create())));
        reaper = kit.spawn(ReaperActor.create(pipeline, clock, Duration.ofHours(1), 100));
        TestProbe<ClientBound> client = kit.createTestProbe();
        TestProbe<ServerCommand> server = kit.createTestProbe();
        pipeline.tell(new Pipeline.OpenSession(0x0100_0000_0000_0001L, 10_000, new byte[16], "", client.getRef(),
                server.getRef()));
        client.expectMessageClass(ClientBound.SessionOpened.class);
        session = new TestSession(client, 0x0100_0000_0000_0001L, new byte[16],
                submit -> pipeline.tell(new Pipeline.Request(submit)));
    }

    private OpResult exists(String path) {
        return session.call(new Op.Exists(path, false));
    }

    @Test
    void emptyContainerThatHadAChildIsReaped() {
        session.create("/c", "", CreateMode.CONTAINER);
        session.create("/c/x", "", CreateMode.PERSISTENT);
        session.call(new Op.Delete("/c/x", -1));
        session.call(new Op.Exists("/c", true));
        reaper.tell(ReaperActor.Tick.INSTANCE);
        session.expectEvent(EventType.NODE_DELETED, "/c");
        assertEquals(new OpResult.Error(ErrorCode.NONODE), exists("/c"));
    }

    @Test
    void containerThatNeverHadAChildStays() {
        session.create("/fresh", "", CreateMode.CONTAINER);
        reaper.tell(ReaperActor.Tick.INSTANCE);
        session.call(new Op.Sync("/"));
        assertInstanceOf(OpResult.StatResult.class, exists("/fresh"));
    }

    @Test
    void expiredTtlNodeWithoutChildrenIsReaped() {
        session.call(new Op.Create("/ttl", bytes(""), Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL, 1000));
        session.call(new Op.Exists("/ttl", true));
        reaper.tell(ReaperActor.Tick.INSTANCE);
        session.call(new Op.Sync("/"));
        assertInstanceOf(OpResult.StatResult.class, exists("/ttl"), "not expired yet");
        clock.advance(Duration.ofMillis(1001));
        reaper.tell(ReaperActor.Tick.INSTANCE);
        session.expectEvent(EventType.NODE_DELETED, "/ttl");
        assertEquals(new OpResult.Error(ErrorCode.NONODE), exists("/ttl"));
    }
}
