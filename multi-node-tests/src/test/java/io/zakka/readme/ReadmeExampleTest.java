package io.zakka.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.typed.Cluster;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.zakka.api.client.ZakkaClient;
import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.EventType;
import io.zakka.protocol.WatchEvent;
import io.zakka.server.LaunchOptions;
import io.zakka.server.ServerConfigLoader;
import io.zakka.server.StandaloneServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Using Zakka from another ActorSystem" example, run as written against a standalone server
 * started the way {@code bin/zakka start} starts it, so the README cannot drift from the code.
 */
class ReadmeExampleTest {

    private StandaloneServer server;
    private ActorSystem<?> client;

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            ActorTestKit.shutdown(client, Duration.ofSeconds(20));
        }
        if (server != null) {
            server.shutdown(Duration.ofSeconds(20));
        }
    }

    /** A data dir of its own: the launcher's default ("data" in the working dir) would outlive the run. */
    @TempDir
    Path dataDir;

    @Test
    void readmeClientExampleRunsAgainstStandaloneServer() throws Exception {
        Config serverConfig = ConfigFactory.parseString("akka.coordinated-shutdown.exit-jvm = off")
                .withFallback(ServerConfigLoader.load(LaunchOptions.parse(
                        List.of("--akka-port", "0", "--client-port", "0", "--data-dir", dataDir.toString()))));
        server = StandaloneServer.start(serverConfig);
        int port = Cluster.get(server.clusterSystem()).selfMember().address().getPort().get();

        Config config = ConfigFactory.parseString(String.join("\n",
                "akka.actor.provider = cluster",
                "akka.remote.artery.canonical { hostname = 127.0.0.1, port = 0 }",
                "akka.remote.artery.advanced.maximum-frame-size = 2MiB",
                "akka.cluster.roles = [zakka-client]",
                "akka.cluster.jmx.multi-mbeans-in-same-jvm = on",
                "akka.cluster.seed-nodes = [\"akka://zakka@127.0.0.1:" + port + "\"]"))
                .withFallback(ConfigFactory.load());
        ActorSystem<Void> clientSystem = ActorSystem.create(Behaviors.empty(), "zakka", config);
        client = clientSystem;
        TestProbe<WatchEvent> watcher = TestProbe.create(clientSystem);

        ZakkaClient zk = ZakkaClient.connect(clientSystem, Duration.ofSeconds(30),
                ZakkaClient.Settings.defaults().withWatcher(watcher.ref()))
                .toCompletableFuture().get(60, TimeUnit.SECONDS);
        String registered = zk.create("/workers", null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)
                .thenCompose(created -> zk.getChildren("/workers", true))
                .thenCompose(children -> zk.create("/workers/w-", "host-a".getBytes(),
                        Acl.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL))
                .thenApply(created -> created.path())
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertEquals("/workers/w-0000000000", registered);
        WatchEvent event = watcher.expectMessageClass(WatchEvent.class, Duration.ofSeconds(10));
        assertEquals(EventType.NODE_CHILDREN_CHANGED, event.type());
        assertEquals("/workers", event.path());
        zk.close().toCompletableFuture().get(20, TimeUnit.SECONDS);

        ZakkaClient other = ZakkaClient.connect(clientSystem, Duration.ofSeconds(30), ZakkaClient.Settings.defaults())
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertTrue(other.getChildren("/workers", false).toCompletableFuture().get(20, TimeUnit.SECONDS).isEmpty(),
                "the ephemeral goes with the closed session");
        other.close().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
