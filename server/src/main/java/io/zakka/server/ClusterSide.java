package io.zakka.server;

import akka.Done;
import akka.actor.BootstrapSetup;
import akka.actor.CoordinatedShutdown;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.zakka.api.ZakkaServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The clustered half of a standalone server: the ActorSystem named {@value StandaloneServer#SYSTEM_NAME} with
 * Artery and the cluster, which Akka clients join and where the node has a front door registered with the
 * cluster's receptionist. The node itself and the ZooKeeper client port live in a local ActorSystem that serves
 * before this one has started (an ActorSystem with Artery and the cluster takes about twice as long to start as
 * a local one, and stock clients need neither).
 *
 * <p>The two halves stop together: stopping the node's system (SIGTERM, a node that stopped on its own, a failed
 * start) first lets this one leave the cluster and terminate, and this one stopping on its own (downed, removed)
 * stops the node's system with the same reason, whose exit code then ends the process.
 */
final class ClusterSide {

    private ClusterSide() {
    }

    /**
     * Refuses a start at once when the Akka port is taken, before the client port serves: the clustered system
     * starts after the node serves, and a server that served for a moment and then gave up would be worse. (Artery
     * binds the port itself later; a port taken in between is still refused then, only later.)
     */
    static void checkAkkaPortFree(Config config) {
        int port = bindPort(config);
        String host = bindHost(config);
        // Port 0 is any free port; "<getHostAddress>"-style hosts are resolved by Artery itself.
        if (port == 0 || host.startsWith("<")) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw refusal(host + ":" + port, e);
        }
    }

    /**
     * Creates the clustered system, links its shutdown with the node system's, joins (its own one-member cluster
     * unless seed nodes are configured) and opens the node's door there; returns once the door is registered.
     */
    static ActorSystem<Void> start(Config config, ActorSystem<Void> nodeSystem, ZakkaServer server) {
        ActorSystem<Void> system = create(config);
        linkShutdowns(nodeSystem, system);
        joinSelfUnlessSeeded(system, config);
        await(server.openDoorIn(system));
        return system;
    }

    private static ActorSystem<Void> create(Config config) {
        // The process ends with the node's system (its exit code says why), never in the middle of its shutdown.
        Config clustered = ConfigFactory.parseString("akka.coordinated-shutdown.exit-jvm = off").withFallback(config);
        try {
            // The class loader the configuration was read with, so that Akka finds the same (cached) reference.
            return ActorSystem.create(Behaviors.empty(), StandaloneServer.SYSTEM_NAME,
                    BootstrapSetup.create(clustered).withClassloader(RenderedReference.loader()));
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw refusal(config.getString("akka.remote.artery.canonical.hostname") + ":"
                    + config.getInt("akka.remote.artery.canonical.port"), root);
        }
    }

    /** The usual cause is an Akka port that another process (often a second server) has bound. */
    private static UncheckedIOException refusal(String address, Throwable cause) {
        return new UncheckedIOException("the ActorSystem could not start on " + address + " ("
                + cause.getClass().getSimpleName() + ": " + cause.getMessage() + "); if that port is in use,"
                + " choose another with --akka-port (akka.remote.artery.canonical.port)", new IOException(cause));
    }

    /**
     * The node's shutdown waits (in its first phase) for this system to leave the cluster and terminate, so that
     * Akka clients see the server leave before its sessions go; this system's own shutdown starts the node's
     * without waiting for it (the node's waits for this one).
     */
    private static void linkShutdowns(ActorSystem<Void> nodeSystem, ActorSystem<Void> clusterSystem) {
        CoordinatedShutdown node = CoordinatedShutdown.get(nodeSystem);
        CoordinatedShutdown cluster = CoordinatedShutdown.get(clusterSystem);
        node.addTask(CoordinatedShutdown.PhaseBeforeServiceUnbind(), "leave-the-cluster",
                () -> cluster.run(reasonOf(node)));
        cluster.addTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate(), "stop-the-node", () -> {
            node.run(reasonOf(cluster));
            return CompletableFuture.completedFuture(Done.getInstance());
        });
        // A shutdown that began while this system was starting did not see the task above.
        if (node.getShutdownReason().isPresent()) {
            cluster.run(reasonOf(node));
        }
    }

    private static CoordinatedShutdown.Reason reasonOf(CoordinatedShutdown shutdown) {
        return shutdown.getShutdownReason().orElse(CoordinatedShutdown.unknownReason());
    }

    /** A standalone server forms its own one-member cluster unless seed nodes were configured. */
    private static void joinSelfUnlessSeeded(ActorSystem<Void> system, Config config) {
        if (config.getStringList("akka.cluster.seed-nodes").isEmpty()) {
            Cluster cluster = Cluster.get(system);
            cluster.manager().tell(Join.create(cluster.selfMember().address()));
        }
    }

    private static int bindPort(Config config) {
        String port = config.getString("akka.remote.artery.bind.port");
        return port.isEmpty() ? config.getInt("akka.remote.artery.canonical.port") : Integer.parseInt(port);
    }

    private static String bindHost(Config config) {
        String host = config.getString("akka.remote.artery.bind.hostname");
        return host.isEmpty() ? config.getString("akka.remote.artery.canonical.hostname") : host;
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(ZakkaServer.LIFECYCLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the node's door in the cluster", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the node's door in the cluster was not registered", e);
        }
    }
}
