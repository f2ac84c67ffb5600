package io.zakka.server;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.zakka.api.client.ZakkaClient;
import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The training run of the launcher's class-data archive (AppCDS): {@code zakka cds-training DIR}, run by
 * {@code bin/zakka} under {@code -XX:ArchiveClassesAtExit}, goes through what a start-up goes through so that the
 * JVM archives those classes (Akka, Artery, the cluster, serializers, logging, the node, the wire gateway, the
 * snapshot and log code) and the next launches map them instead of loading, verifying and linking them again.
 *
 * <p>Two rounds on a fresh data dir under {@code DIR}, on ephemeral ports: the first creates the dir, writes a
 * few znodes through a session and stops cleanly (which writes a snapshot); the second recovers from that
 * snapshot and the log and reads them back. Each round also runs a ZooKeeper-protocol session on the client port
 * ({@link WireTraining}). Any failure throws: the launcher then keeps no archive.
 */
final class ClassDataTraining {

    static final String COMMAND = "cds-training";

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int ZNODES = 200;

    private ClassDataTraining() {
    }

    /** Runs the training; 0 when it went through, 1 (after printing why) when not. */
    static int exitCode(Path dir) {
        try {
            run(dir);
            return 0;
        } catch (InterruptedException | ExecutionException | TimeoutException | IOException | RuntimeException e) {
            System.err.println("zakka: class-data training run failed: " + e);
            return 1;
        }
    }

    static void run(Path dir) throws InterruptedException, ExecutionException, TimeoutException, IOException {
        round(dir, true);
        round(dir, false);
    }

    private static Config config(Path dir, int clientPort) {
        return ConfigFactory.parseMap(Map.of(
                        // The training JVM must live on after the first round's shutdown.
                        "akka.coordinated-shutdown.exit-jvm", "off",
                        // Only classes matter here, not durability: skipping fdatasync keeps the run short.
                        "zakka.force-sync", "false"))
                .withFallback(ServerConfigLoader.load(LaunchOptions.parse(List.of("--data-dir",
                        dir.resolve("data").toString(), "--akka-port", "0", "--client-port",
                        Integer.toString(clientPort)))));
    }

    /** A port that was free a moment ago: the wire training must know where to connect. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void round(Path dir, boolean write)
            throws InterruptedException, ExecutionException, TimeoutException, IOException {
        int clientPort = freePort();
        StandaloneServer server = StandaloneServer.start(config(dir, clientPort));
        try {
            WireTraining.run(clientPort);
            ZakkaClient client = ZakkaClient.connect(server.clusterSystem(), TIMEOUT, ZakkaClient.Settings.defaults())
                    .toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            byte[] data = new byte[100];
            for (int i = 0; i < ZNODES; i++) {
                String path = "/cds-training-" + i;
                if (write) {
                    await(client.create(path, data, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
                    await(client.setData(path, data, 0));
                }
                await(client.getData(path, false));
            }
            await(client.close());
        } finally {
            server.shutdown(TIMEOUT);
        }
    }

    private static <T> T await(java.util.concurrent.CompletionStage<T> stage)
            throws InterruptedException, ExecutionException, TimeoutException {
        return stage.toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
