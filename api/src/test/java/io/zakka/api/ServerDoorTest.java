package io.zakka.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.FishingOutcomes;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.receptionist.Receptionist;
import io.zakka.actors.testing.ActorTestKitExtension;
import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.client.ClientBound;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node's door in another ActorSystem of the same JVM ({@link ZakkaServer#openDoorIn}): it serves the node's one
 * tree and sessions, names itself as the server of the sessions opened through it, and is withdrawn from that
 * system's receptionist when the node stops.
 */
class ServerDoorTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final ActorTestKitExtension kit = new ActorTestKitExtension();

    private final ActorTestKit other = ActorTestKit.create("other-system");

    @AfterEach
    void stopOther() {
        other.shutdownTestKit();
    }

    @Test
    void aSessionOpenedThroughADoorNamesTheDoorAndSeesTheNodesTree() throws Exception {
        ZakkaServer server = ZakkaServer.start(kit.system());
        ActorRef<ServerCommand> door = server.openDoorIn(other.system()).toCompletableFuture()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        byte[] data = "through the node's own entry".getBytes(StandardCharsets.UTF_8);
        long ownSession = open(kit.kit().createTestProbe(ClientBound.class), server.ref());
        TestProbe<ClientBound> ownClient = kit.kit().createTestProbe(ClientBound.class);
        server.ref().tell(new ServerCommand.Submit(ownSession, 1,
                new Op.Create("/shared", data, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, 0), ownClient.ref()));
        ownClient.expectMessageClass(ClientBound.Reply.class, WAIT);

        TestProbe<ClientBound> client = other.createTestProbe(ClientBound.class);
        long session = open(client, door);
        door.tell(new ServerCommand.Submit(session, 1, new Op.GetData("/shared", false), client.ref()));
        ClientBound.Reply reply = client.expectMessageClass(ClientBound.Reply.class, WAIT);
        assertArrayEquals(data, ((OpResult.DataResult) reply.result()).data());
    }

    @Test
    void stoppingTheNodeWithdrawsItsDoorFromTheOtherSystemsReceptionist() throws Exception {
        ZakkaServer server = ZakkaServer.start(kit.system());
        ActorRef<ServerCommand> door = server.openDoorIn(other.system()).toCompletableFuture()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        TestProbe<Receptionist.Listing> listings = other.createTestProbe(Receptionist.Listing.class);
        other.system().receptionist().tell(Receptionist.subscribe(ZakkaServer.SERVICE_KEY, listings.ref()));
        listings.fishForMessage(WAIT, listing -> listing.getServiceInstances(ZakkaServer.SERVICE_KEY).contains(door)
                ? FishingOutcomes.complete()
                : FishingOutcomes.continueAndIgnore());
        server.stop().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        listings.fishForMessage(WAIT, listing -> listing.getServiceInstances(ZakkaServer.SERVICE_KEY).isEmpty()
                ? FishingOutcomes.complete()
                : FishingOutcomes.continueAndIgnore());
    }

    /** Opens a session through {@code entry}; checks that SessionOpened names that entry as the server. */
    private static long open(TestProbe<ClientBound> client, ActorRef<ServerCommand> entry) {
        entry.tell(new ServerCommand.OpenSession(10_000, false, "test", client.ref()));
        ClientBound.SessionOpened opened = client.expectMessageClass(ClientBound.SessionOpened.class, WAIT);
        assertEquals(entry, opened.server(), "the session's server is the door it came through");
        assertTrue(opened.sessionId() != 0);
        return opened.sessionId();
    }
}
