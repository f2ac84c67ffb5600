package io.zakka.api.client;

import static io.zakka.api.client.Await.failure;
import static io.zakka.api.client.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import akka.actor.testkit.typed.javadsl.FishingOutcomes;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.receptionist.Receptionist;
import io.zakka.actors.testing.ActorTestKitExtension;
import io.zakka.api.ZakkaServer;
import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.client.ClientBound;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client against a scripted server: a probe registered under the server key plays the server, so the
 * test decides which answers never come. Each test registers its own probe and withdraws it afterwards, so
 * the receptionist lists only the current one (no real server runs in this system).
 */
class ClientSessionFailureTest {

    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(300);

    @RegisterExtension
    static final ActorTestKitExtension kit = new ActorTestKitExtension();
    private TestProbe<ServerCommand> server;
    private TestProbe<SessionEvent> states;
    private boolean registered;

    @BeforeEach
    void createProbes() {
        server = kit.createTestProbe();
        states = kit.createTestProbe();
        registered = false;
    }

    @AfterEach
    void withdrawScriptedServer() {
        if (!registered) {
            return;
        }
        TestProbe<Receptionist.Deregistered> withdrawn = kit.createTestProbe();
        kit.system().receptionist().tell(Receptionist.deregister(ZakkaServer.SERVICE_KEY, server.getRef(),
                withdrawn.getRef()));
        withdrawn.receiveMessage();
    }

    /** Registers the probe as a server, connects, and answers the OpenSession like a server would. */
    private ZakkaClient connectToScriptedServer(int grantedTimeoutMs) {
        TestProbe<Receptionist.Registered> ack = kit.createTestProbe();
        kit.system().receptionist().tell(Receptionist.register(ZakkaServer.SERVICE_KEY, server.getRef(),
                ack.getRef()));
        ack.receiveMessage();
        this.registered = true;
        ZakkaClient.Settings settings = ZakkaClient.Settings.defaults().withRequestTimeout(REQUEST_TIMEOUT)
                .withSessionTimeout(Duration.ofMillis(grantedTimeoutMs)).withSessionListener(states.getRef());
        CompletionStage<ZakkaClient> connecting = ZakkaClient.connect(kit.system(), Duration.ofSeconds(10), settings);
        ServerCommand.OpenSession open = server.expectMessageClass(ServerCommand.OpenSession.class);
        open.client().tell(new ClientBound.SessionOpened(77L, new byte[16], grantedTimeoutMs, 5L, server.getRef()));
        ZakkaClient client = result(connecting);
        assertEquals(SessionEvent.State.CONNECTED, states.receiveMessage().state());
        return client;
    }

    @Test
    void writeWithoutReplyInTimeFailsWithOutcomeUnknown() {
        ZakkaClient client = connectToScriptedServer(30_000);
        CompletionStage<?> write = client.create("/w", new byte[0], Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        server.expectMessageClass(ServerCommand.Submit.class);
        OutcomeUnknownException unknown = assertInstanceOf(OutcomeUnknownException.class, failure(write));
        assertInstanceOf(Op.Create.class, unknown.op());
    }

    @Test
    void readWithoutReplyInTimeFailsWithPlainTimeout() {
        ZakkaClient client = connectToScriptedServer(30_000);
        CompletionStage<?> read = client.getData("/r", false);
        server.expectMessageClass(ServerCommand.Submit.class);
        assertInstanceOf(TimeoutException.class, failure(read));
    }

    @Test
    void lateReplyAfterTimeoutIsIgnored() {
        ZakkaClient client = connectToScriptedServer(30_000);
        CompletionStage<?> read = client.getData("/late", false);
        ServerCommand.Submit submit = server.expectMessageClass(ServerCommand.Submit.class);
        assertInstanceOf(TimeoutException.class, failure(read));
        submit.replyTo().tell(new ClientBound.Reply(77L, submit.cxid(), 6L,
                new OpResult.Error(ErrorCode.NONODE)));
        CompletionStage<?> next = client.sync("/");
        ServerCommand.Submit sync = server.expectMessageClass(ServerCommand.Submit.class);
        sync.replyTo().tell(new ClientBound.Reply(77L, sync.cxid(), 6L, new OpResult.SyncResult("/")));
        assertEquals("/", result(next));
    }

    @Test
    void serverExpiryIsReportedAndFailsPendingAndLaterCalls() {
        ZakkaClient client = connectToScriptedServer(30_000);
        CompletionStage<?> pending = client.getData("/p", false);
        ServerCommand.Submit submit = server.expectMessageClass(ServerCommand.Submit.class);
        submit.replyTo().tell(new ClientBound.SessionClosed(77L, ErrorCode.SESSIONEXPIRED));
        assertEquals(SessionEvent.State.EXPIRED, states.receiveMessage().state());
        assertEquals(ErrorCode.SESSIONEXPIRED, assertInstanceOf(ZakkaException.class, failure(pending)).code());
        assertEquals(ErrorCode.SESSIONEXPIRED,
                assertInstanceOf(ZakkaException.class, failure(client.exists("/", false))).code());
        result(client.close());
    }

    @Test
    void sessionMovedToAnotherClientIsReported() {
        ZakkaClient client = connectToScriptedServer(30_000);
        CompletionStage<?> pending = client.sync("/");
        ServerCommand.Submit submit = server.expectMessageClass(ServerCommand.Submit.class);
        submit.replyTo().tell(new ClientBound.SessionClosed(77L, ErrorCode.SESSIONMOVED));
        assertEquals(SessionEvent.State.MOVED, states.receiveMessage().state());
        assertEquals(ErrorCode.SESSIONMOVED, assertInstanceOf(ZakkaException.class, failure(pending)).code());
    }

    @Test
    void idleClientPingsAndASilentServerLeadsToResumeThenLocalExpiry() {
        connectToScriptedServer(600);
        ServerCommand.Ping ping = server.expectMessageClass(ServerCommand.Ping.class, Duration.ofSeconds(2));
        assertEquals(77L, ping.sessionId());
        assertEquals(SessionEvent.State.DISCONNECTED, states.receiveMessage(Duration.ofSeconds(2)).state());
        server.fishForMessage(Duration.ofSeconds(2), message -> message instanceof ServerCommand.ResumeSession
                ? FishingOutcomes.complete()
                : FishingOutcomes.continueAndIgnore());
        assertEquals(SessionEvent.State.EXPIRED, states.receiveMessage(Duration.ofSeconds(2)).state());
    }

    @Test
    void resumeAnsweredBySessionOpenedReconnects() {
        connectToScriptedServer(600);
        assertEquals(SessionEvent.State.DISCONNECTED, states.receiveMessage(Duration.ofSeconds(2)).state());
        ServerCommand.ResumeSession resume = (ServerCommand.ResumeSession) server.fishForMessage(
                Duration.ofSeconds(2), message -> message instanceof ServerCommand.ResumeSession
                        ? FishingOutcomes.complete()
                        : FishingOutcomes.continueAndIgnore()).get(0);
        assertEquals(5L, resume.lastZxidSeen(), "the client tells the last zxid it saw");
        resume.client().tell(new ClientBound.SessionOpened(77L, new byte[16], 600, 5L, server.getRef()));
        assertEquals(SessionEvent.State.CONNECTED, states.receiveMessage().state());
    }

    @Test
    void connectWithoutAnyServerFailsWithConnectionLoss() {
        CompletionStage<ZakkaClient> connecting = ZakkaClient.connect(kit.system(), Duration.ofMillis(300),
                ZakkaClient.Settings.defaults());
        assertEquals(ErrorCode.CONNECTIONLOSS, assertInstanceOf(ZakkaException.class, failure(connecting)).code());
    }
}
