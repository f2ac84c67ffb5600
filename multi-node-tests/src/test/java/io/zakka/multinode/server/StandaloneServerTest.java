package io.zakka.multinode.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.CoordinatedShutdown;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.typed.Cluster;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.zakka.api.client.ZakkaClient;
import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import io.zakka.server.LaunchOptions;
import io.zakka.server.ServerConfigLoader;
import io.zakka.server.StandaloneServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone server runs its node and client port in a local ActorSystem and opens a second door to the node in
 * its clustered one: stock clients and Akka clients share one tree, and the two systems stop together.
 */
class StandaloneServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private StandaloneServer server;
    private ActorSystem<?> client;
    private ZooKeeper zk;

    @AfterEach
    void stop() throws Exception {
        if (zk != null) {
            zk.close();
        }
        if (client != null) {
            ActorTestKit.shutdown(client, Duration.ofSeconds(20));
        }
        if (server != null) {
            server.shutdown(TIMEOUT);
        }
    }

    @Test
    void stockAndAkkaClientsShareOneTreeThroughTheTwoSystems() throws Exception {
        start();
        zk = stockClient(server.connectString());
        zk.create("/from-stock", "s".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                org.apache.zookeeper.CreateMode.PERSISTENT);
        // The Akka client's session names the door in the clustered system as its server: a ref of the local
        // system could not be reached from another ActorSystem, and every request below would time out.
        ZakkaClient akka = akkaClient();
        assertArrayEquals("s".getBytes(StandardCharsets.UTF_8),
                akka.getData("/from-stock", false).toCompletableFuture().get(20, TimeUnit.SECONDS).data());
        akka.create("/from-akka", "a".getBytes(StandardCharsets.UTF_8), Acl.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL)
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertArrayEquals("a".getBytes(StandardCharsets.UTF_8), zk.getData("/from-akka", false, null));
        akka.close().toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertNull(zk.exists("/from-akka", false), "the Akka session's ephemeral goes with it");
        assertEquals("local", server.nodeSystem().settings().config().getString("akka.actor.provider"));
    }

    @Test
    void theNodesDoorInTheClusterRunsOnTheNodesOwnThread() {
        start();
        assertEquals(nodeThreadOf(server.nodeSystem()), nodeThreadOf(server.clusterSystem()),
                "an Akka client's request reaches the tracker without a thread hand-over");
    }

    @Test
    void aShutdownOfTheNodeSystemLeavesTheClusterBeforeTheNodeStops() throws Exception {
        start();
        CoordinatedShutdown.get(server.nodeSystem()).run(CoordinatedShutdown.jvmExitReason());
        server.nodeSystem().getWhenTerminated().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(server.clusterSystem().getWhenTerminated().toCompletableFuture().isDone(),
                "the clustered system terminated before the node's");
        assertClientPortClosed();
    }

    @Test
    void aShutdownOfTheClusterSystemOnItsOwnStopsTheNodeWithTheSameReason() throws Exception {
        start();
        Cluster cluster = Cluster.get(server.clusterSystem());
        CountDownLatch nodeSystemStopping = new CountDownLatch(1);
        CoordinatedShutdown.get(server.nodeSystem()).addTask(CoordinatedShutdown.PhaseServiceStop(), "observe",
                () -> {
                    nodeSystemStopping.countDown();
                    return java.util.concurrent.CompletableFuture.completedFuture(akka.Done.getInstance());
                });
        // What a downed member does: its cluster runs its coordinated shutdown with the downing reason.
        cluster.manager().tell(akka.cluster.typed.Down.apply(cluster.selfMember().address()));
        server.clusterSystem().getWhenTerminated().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        server.nodeSystem().getWhenTerminated().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(0, nodeSystemStopping.getCount());
        assertEquals(CoordinatedShutdown.get(server.clusterSystem()).getShutdownReason(),
                CoordinatedShutdown.get(server.nodeSystem()).getShutdownReason());
        assertClientPortClosed();
    }

    private void start() {
        Config config = ConfigFactory.parseString("akka.coordinated-shutdown.exit-jvm = off")
                .withFallback(ServerConfigLoader.load(LaunchOptions.parse(List.of("--akka-port", "0",
                        "--client-port", "0", "--data-dir", dataDir.toString()))));
        server = StandaloneServer.start(config);
    }

    private void assertClientPortClosed() {
        String[] hostPort = server.connectString().split(":");
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 2000);
            }
        });
    }

    private ZakkaClient akkaClient() throws Exception {
        int port = Cluster.get(server.clusterSystem()).selfMember().address().getPort().get();
        Config config = ConfigFactory.parseString(String.join("\n",
                        "akka.actor.provider = cluster",
                        "akka.remote.artery.canonical { hostname = 127.0.0.1, port = 0 }",
                        "akka.cluster.roles = [zakka-client]",
                        "akka.cluster.jmx.multi-mbeans-in-same-jvm = on",
                        "akka.cluster.seed-nodes = [\"akka://zakka@127.0.0.1:" + port + "\"]"))
                .withFallback(ConfigFactory.load());
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), StandaloneServer.SYSTEM_NAME, config);
        client = system;
        return ZakkaClient.connect(system, TIMEOUT, ZakkaClient.Settings.defaults())
                .toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private static ZooKeeper stockClient(String connectString) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper handle = new ZooKeeper(connectString, 10_000, event -> {
            if (event.getState() == org.apache.zookeeper.Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!connected.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            handle.close();
            throw new IllegalStateException("no session with " + connectString + " within " + TIMEOUT);
        }
        return handle;
    }

    /** The thread an actor on the node dispatcher of {@code system} runs on. */
    private static Thread nodeThreadOf(ActorSystem<Void> system) {
        TestProbe<Thread> probe = TestProbe.create(system);
        ActorRef<String> reporter = system.systemActorOf(Behaviors.receiveMessage(message -> {
            probe.getRef().tell(Thread.currentThread());
            return Behaviors.same();
        }), "thread-reporter", DispatcherSelector.fromConfig("zakka.node-dispatcher"));
        reporter.tell("which thread?");
        return probe.expectMessageClass(Thread.class, TIMEOUT);
    }
}
