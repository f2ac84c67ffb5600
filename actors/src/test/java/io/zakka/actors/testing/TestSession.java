package io.zakka.actors.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.EventType;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.client.ClientBound;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** A client session driven by a test: one probe is both the client and the replyTo, as the contract asks. */
public final class TestSession {

    public final TestProbe<ClientBound> probe;
    public final long sessionId;
    public final byte[] password;
    private final Consumer<ServerCommand.Submit> send;
    private int nextCxid = 1;

    public TestSession(TestProbe<ClientBound> probe, long sessionId, byte[] password,
                       Consumer<ServerCommand.Submit> send) {
        this.probe = probe;
        this.sessionId = sessionId;
        this.password = password;
        this.send = send;
    }

    /** Opens a session through a node's entry actor and waits for SessionOpened. */
    public static TestSession open(ActorTestKitExtension kit, ActorRef<ServerCommand> entry, int timeoutMs) {
        TestProbe<ClientBound> probe = kit.createTestProbe();
        entry.tell(new ServerCommand.OpenSession(timeoutMs, false, "127.0.0.1", probe.getRef()));
        ClientBound.SessionOpened opened = probe.expectMessageClass(ClientBound.SessionOpened.class);
        return new TestSession(probe, opened.sessionId(), opened.password(), entry::tell);
    }

    /** Sends {@code op} and returns its cxid without waiting. */
    public int submit(Op op) {
        int cxid = nextCxid++;
        send.accept(new ServerCommand.Submit(sessionId, cxid, op, probe.getRef()));
        return cxid;
    }

    /** Sends {@code op} and waits for its reply, which must be the next message. */
    public OpResult call(Op op) {
        return request(op).result();
    }

    /** Like {@link #call} but returns the whole reply (with its zxid). */
    public ClientBound.Reply request(Op op) {
        return expectReply(submit(op));
    }

    public ClientBound.Reply expectReply(int cxid) {
        ClientBound.Reply reply = probe.expectMessageClass(ClientBound.Reply.class);
        assertEquals(cxid, reply.cxid(), "replies come in request order");
        return reply;
    }

    public WatchEvent expectEvent(EventType type, String path) {
        ClientBound.Notification notification = probe.expectMessageClass(ClientBound.Notification.class);
        assertEquals(type, notification.event().type());
        assertEquals(path, notification.event().path());
        return notification.event();
    }

    public OpResult create(String path, String data, CreateMode mode) {
        return call(new Op.Create(path, bytes(data), Acl.OPEN_ACL_UNSAFE, mode));
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
