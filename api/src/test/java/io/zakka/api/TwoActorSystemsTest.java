package io.zakka.api;

import static io.zakka.api.client.Await.result;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.Address;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.zakka.api.client.SessionEvent;
import io.zakka.api.client.ZakkaClient;
import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.EventType;
import io.zakka.protocol.Limits;
import io.zakka.protocol.WatchEvent;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server ActorSystem and separate client ActorSystems in one JVM, joined into one Akka cluster over
 * loopback Artery: clients find the server through the receptionist and every message crosses the wire.
 */
class TwoActorSystemsTest {

    private static final String SYSTEM_NAME = "zakka";
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(20);
    private static ActorSystem<Void> serverSystem;
    private static ActorTestKit serverKit;
    private static Address serverAddress;

    private static Config config(String role) {
        return ConfigFactory.parseString(String.join("\n",
                        "akka.actor.provider = cluster",
                        "akka.actor.serialize-messages = on",
                        "akka.remote.artery.canonical.hostname = \"127.0.0.1\"",
                        "akka.remote.artery.canonical.port = 0",
                        "akka.remote.artery.advanced.maximum-frame-size = 2MiB",
                        "akka.remote.artery.advanced.buffer-pool-size = 16",
                        "akka.cluster.jmx.multi-mbeans-in-same-jvm = on",
                        "akka.cluster.roles = [" + role + "]",
                        "akka.coordinated-shutdown.terminate-actor-system = on",
                        "akka.loggers = [\"akka.event.slf4j.Slf4jLogger\"]",
                        "zakka.tick-time = 200ms"))
                .withFallback(ConfigFactory.load());
    }

    @BeforeAll
    static void startServer() {
        serverSystem = ActorSystem.create(Behaviors.empty(), SYSTEM_NAME, config("zakka-server"));
        serverKit = ActorTestKit.create(serverSystem);
        Cluster cluster = Cluster.get(serverSystem);
        serverAddress = cluster.selfMember().address();
        cluster.manager().tell(Join.create(serverAddress));
        awaitUp(serverKit, cluster);
        ZakkaServer.start(serverSystem);
    }

    @AfterAll
    static void stopServer() {
        serverKit.shutdownTestKit();
    }

    private static void awaitUp(ActorTestKit kit, Cluster cluster) {
        kit.createTestProbe().awaitAssert(JOIN_TIMEOUT, () -> {
            assertEquals(MemberStatus.up(), cluster.selfMember().status());
            return null;
        });
    }

    /** A client ActorSystem with role zakka-client that has joined the server's cluster. */
    private static ActorTestKit joinedClientSystem() {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), SYSTEM_NAME, config("zakka-client"));
        ActorTestKit kit = ActorTestKit.create(system);
        Cluster cluster = Cluster.get(system);
        cluster.manager().tell(Join.create(serverAddress));
        awaitUp(kit, cluster);
        return kit;
    }

    private static ZakkaClient connect(ActorTestKit kit, ZakkaClient.Settings settings) {
        return result(ZakkaClient.connect(kit.system(), Duration.ofSeconds(20), settings));
    }

    @Test
    void clientInAnotherSystemCreatesWatchesAndClosesAcrossTheWire() {
        ActorTestKit clientKit = joinedClientSystem();
        try {
            TestProbe<WatchEvent> watcher = clientKit.createTestProbe();
            ZakkaClient client = connect(clientKit, ZakkaClient.Settings.defaults().withWatcher(watcher.getRef()));
            ZakkaClient second = connect(serverKit, ZakkaClient.Settings.defaults());
            assertEquals("/remote-eph", result(client.create("/remote-eph", new byte[] {1}, Acl.OPEN_ACL_UNSAFE,
                    CreateMode.EPHEMERAL)).path());
            result(client.getData("/remote-eph", true));
            result(second.setData("/remote-eph", new byte[] {2}, -1));
            WatchEvent event = watcher.receiveMessage(Duration.ofSeconds(10));
            assertEquals(EventType.NODE_DATA_CHANGED, event.type());
            assertEquals("/remote-eph", event.path());
            result(client.close());
            assertEquals(Optional.empty(), result(second.exists("/remote-eph", false)));
            result(second.close());
        } finally {
            clientKit.shutdownTestKit();
        }
    }

    @Test
    void largestZnodeDataCrossesTheWire() {
        ActorTestKit clientKit = joinedClientSystem();
        try {
            ZakkaClient client = connect(clientKit, ZakkaClient.Settings.defaults());
            byte[] data = new byte[Limits.MAX_DATA_BYTES];
            Arrays.fill(data, (byte) 7);
            result(client.create("/big", data, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
            assertArrayEquals(data, result(client.getData("/big", false)).data());
            result(client.delete("/big", -1));
            result(client.close());
        } finally {
            clientKit.shutdownTestKit();
        }
    }

    @Test
    void sessionOfATerminatedClientSystemExpiresAndItsEphemeralDisappears() {
        ActorTestKit observerKit = serverKit;
        TestProbe<WatchEvent> deletions = observerKit.createTestProbe();
        ZakkaClient observer = connect(observerKit, ZakkaClient.Settings.defaults());
        ActorTestKit doomedKit = joinedClientSystem();
        TestProbe<SessionEvent> states = doomedKit.createTestProbe();
        ZakkaClient doomed = connect(doomedKit, ZakkaClient.Settings.defaults()
                .withSessionTimeout(Duration.ofMillis(1000)).withSessionListener(states.getRef()));
        assertEquals(1000, doomed.sessionTimeoutMs());
        assertEquals(SessionEvent.State.CONNECTED, states.receiveMessage().state());
        result(doomed.create("/doomed", new byte[0], Acl.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL));
        assertTrue(result(observer.exists("/doomed", deletions.getRef())).isPresent());
        doomedKit.shutdownTestKit();
        WatchEvent deleted = deletions.receiveMessage(Duration.ofSeconds(15));
        assertEquals(EventType.NODE_DELETED, deleted.type());
        assertEquals("/doomed", deleted.path());
        assertEquals(Optional.empty(), result(observer.exists("/doomed", false)));
        result(observer.close());
    }
}
