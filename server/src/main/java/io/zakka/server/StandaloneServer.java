package io.zakka.server;

import akka.actor.BootstrapSetup;
import akka.actor.CoordinatedShutdown;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.typed.Cluster;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.zakka.actors.durability.DurableState;
import io.zakka.actors.node.NodeConfig;
import io.zakka.api.ZakkaServer;
import io.zakka.wire.WireServer;
import io.zakka.wire.WireSettings;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one standalone Zakka server in the foreground, in two ActorSystems of one JVM: a local one,
 * {@value #NODE_SYSTEM_NAME}, with the node and the ZooKeeper wire protocol on its client port
 * ({@code zakka.client-port}), which serves as soon as the data dir is recovered; and then the clustered one,
 * {@value #SYSTEM_NAME}, which forms its own cluster (client systems join it as members with role
 * {@code zakka-client}) and where the node has a second front door ({@link ClusterSide}). SIGTERM and Ctrl-C run
 * Akka's coordinated shutdown, which leaves the cluster, unbinds the client port and stops the node cleanly.
 */
public final class StandaloneServer {

    /** Every server and client ActorSystem of a Zakka cluster carries this name. */
    public static final String SYSTEM_NAME = "zakka";

    /** The local ActorSystem of a standalone server's node and client port. */
    public static final String NODE_SYSTEM_NAME = "zakka-node";

    /**
     * What the node's system leaves out. Akka loads its library extensions at start; of them the node's system
     * needs only the typed ones (the receptionist): nothing in it is ever serialized (creating every configured
     * serializer was a third of its start, about 55 ms on the way to serving) and nothing in it runs Akka Streams.
     * Either extension is still created on first use, should anything ever use it. Its shutdown first waits for
     * the clustered system's ({@link ClusterSide}), whose phases take about a second when the member leaves
     * normally; the bound keeps a stuck leave from holding up the node's clean stop for long.
     */
    private static final String NODE_SYSTEM_CONFIG = String.join("\n",
            "akka.actor.provider = local",
            "akka.library-extensions = [\"akka.actor.typed.internal.adapter.ActorSystemAdapter$LoadTypedExtensions\"]",
            "akka.coordinated-shutdown.phases.before-service-unbind.timeout = 20 s");

    private final ActorSystem<Void> nodeSystem;
    private final ActorSystem<Void> clusterSystem;
    private final String connectString;

    private StandaloneServer(ActorSystem<Void> nodeSystem, ActorSystem<Void> clusterSystem, String connectString) {
        this.nodeSystem = nodeSystem;
        this.clusterSystem = clusterSystem;
        this.connectString = connectString;
    }

    /** Where stock ZooKeeper clients connect: {@code host:port} of the client port. */
    public String connectString() {
        return connectString;
    }

    /** The local system of the node and the client port; its termination ends the server. */
    public ActorSystem<Void> nodeSystem() {
        return nodeSystem;
    }

    /** The clustered system that Akka clients join. */
    public ActorSystem<Void> clusterSystem() {
        return clusterSystem;
    }

    /** Shuts the server down as SIGTERM does and waits, bounded, until both systems have terminated. */
    public void shutdown(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        CoordinatedShutdown.get(nodeSystem).run(CoordinatedShutdown.jvmExitReason());
        long deadlineNanos = System.nanoTime() + timeout.toNanos();
        for (ActorSystem<Void> system : List.of(nodeSystem, clusterSystem)) {
            system.getWhenTerminated().toCompletableFuture()
                    .get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Starts the server, prints the effective settings, a {@code zakka serving} line once ZooKeeper clients are
     * served and the {@code zakka ready} line once Akka clients can join too; returns the running server.
     */
    public static StandaloneServer start(Config serverConfig) {
        String nodeThread = SharedNodeThread.newId();
        Config config = withSharedNodeThread(serverConfig, nodeThread);
        NodeConfig nodeConfig = NodeConfig.fromConfig(config);
        StartupTimes times = StartupTimes.begin();
        WireSettings wireSettings = WireSettings.fromConfig(config);
        ServerSocketChannel clientPort = bindClientPort(wireSettings);
        CompletableFuture<Optional<DurableState>> recovery = startRecovery(nodeConfig, times);
        // Printed once recovery is under way: the first string building of a JVM is slow (indy bootstraps).
        EffectiveSettings settings = EffectiveSettings.of(config, nodeConfig);
        settings.lines().forEach(System.out::println);
        ActorSystem<Void> system;
        try {
            ClusterSide.checkAkkaPortFree(config);
            system = createNodeSystem(config);
        } catch (RuntimeException e) {
            closeQuietly(clientPort);
            throw e;
        }
        times.actorSystemCreated();
        AtomicReference<ActorSystem<Void>> clusterSystem = new AtomicReference<>();
        releaseWhenBothTerminated(nodeThread, system, clusterSystem);
        WireServer wire = null;
        try {
            Optional<DurableState> recovered = recovered(recovery);
            times.recoveryAwaited();
            ZakkaServer server = recovered.isPresent() ? ZakkaServer.start(system, nodeConfig, recovered.get())
                    : ZakkaServer.start(system, nodeConfig);
            CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseServiceStop(), "stop-zakka-node",
                    () -> server.stop().thenApply(done -> akka.Done.getInstance()));
            wire = WireServer.start(system, server, wireSettings, clientPort);
            WireServer started = wire;
            CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseServiceUnbind(), "unbind-client-port",
                    () -> {
                        started.stop();
                        return CompletableFuture.completedFuture(akka.Done.getInstance());
                    });
            exitWhenTheNodeStopsOnItsOwn(system, server);
            times.served();
            System.out.println(settings.servingLine(wire.connectString()));
            ActorSystem<Void> cluster = ClusterSide.start(config, system, server);
            clusterSystem.set(cluster);
            times.clusterJoined();
            System.out.println(settings.readyLine(Cluster.get(cluster).selfMember().address().toString(),
                    wire.connectString()));
            system.log().info(times.summary());
            return new StandaloneServer(system, cluster, wire.connectString());
        } catch (RuntimeException | Error e) {
            // Say why before the shutdown, which ends the JVM (exit-jvm) with the exit code of StartFailed (1).
            System.err.println("zakka: cannot start: " + e.getMessage());
            if (wire == null) {
                closeQuietly(clientPort);
            }
            CoordinatedShutdown.get(system).run(StartFailed.INSTANCE);
            awaitTermination(system);
            throw e;
        }
    }

    /** Recovery from the data dir, on a thread of its own while the node's ActorSystem starts (independent). */
    private static CompletableFuture<Optional<DurableState>> startRecovery(NodeConfig nodeConfig,
                                                                           StartupTimes times) {
        return CompletableFuture.supplyAsync(() -> {
            Optional<DurableState> state = nodeConfig.durability().dataDir().map(dir -> DurableState.recover(
                    nodeConfig.durability(), nodeConfig.serverId(), System.nanoTime()));
            times.recovered();
            return state;
        });
    }

    /** Both systems' {@code zakka.node-dispatcher} on one thread ({@link SharedNodeThread}). */
    private static Config withSharedNodeThread(Config config, String nodeThread) {
        return ConfigFactory.parseMap(Map.of("zakka.node-dispatcher.executor", SharedNodeThread.class.getName(),
                "zakka.node-dispatcher.shared-thread", nodeThread)).withFallback(config);
    }

    /**
     * Ends the shared node thread once the node's system has terminated and the clustered one too (normally first:
     * the node's shutdown waits for it), or never started.
     */
    private static void releaseWhenBothTerminated(String nodeThread, ActorSystem<Void> nodeSystem,
                                                  AtomicReference<ActorSystem<Void>> clusterSystem) {
        nodeSystem.getWhenTerminated().thenRun(() -> {
            ActorSystem<Void> cluster = clusterSystem.get();
            if (cluster == null) {
                SharedNodeThread.release(nodeThread);
            } else {
                cluster.getWhenTerminated().thenRun(() -> SharedNodeThread.release(nodeThread));
            }
        });
    }

    /**
     * The node's local ActorSystem: the server's configuration without remoting or the cluster (a stock client
     * needs neither, and a local system starts in about half the time), whose coordinated shutdown ends the JVM
     * with the exit code of its reason.
     */
    private static ActorSystem<Void> createNodeSystem(Config config) {
        Config local = ConfigFactory.parseString(NODE_SYSTEM_CONFIG).withFallback(config);
        // The class loader the configuration was read with, so that Akka finds the same (cached) reference.
        return ActorSystem.create(Behaviors.empty(), NODE_SYSTEM_NAME,
                BootstrapSetup.create(local).withClassloader(RenderedReference.loader()));
    }

    /**
     * The client port, bound before anything else starts: a client that connects while the server recovers waits in
     * the accept backlog (as with ZooKeeper, which binds before it loads its data) instead of being refused and
     * backing off; and a port in use is refused at once, with what to do.
     */
    private static ServerSocketChannel bindClientPort(WireSettings settings) {
        try {
            return WireServer.bindEarly(settings);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the ZooKeeper client port " + settings.host() + ":"
                    + settings.port() + " could not be bound (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); if another process (often a second server) uses it, choose another with --client-port"
                    + " (zakka.client-port)", e);
        }
    }

    private static void closeQuietly(ServerSocketChannel channel) {
        try {
            channel.close();
        } catch (java.io.IOException e) {
            // The server is not starting: the port is released with the process either way.
        }
    }

    /**
     * A node stops on its own only when it cannot go on safely (a failed fsync, a broken invariant): the process
     * must not linger as a server that serves nothing, so it shuts down with exit code 2 (NodeStopped).
     */
    private static void exitWhenTheNodeStopsOnItsOwn(ActorSystem<Void> system, ZakkaServer server) {
        CoordinatedShutdown shutdown = CoordinatedShutdown.get(system);
        server.whenStopped().thenRun(() -> {
            if (shutdown.getShutdownReason().isEmpty()) {
                System.err.println("zakka: the node stopped on its own (see the log above for why); shutting down");
                shutdown.run(NodeStopped.INSTANCE);
            }
        });
    }

    /** Why a server shuts down after its node stopped on its own; zakka-server-defaults.conf maps it to 2. */
    static final class NodeStopped implements CoordinatedShutdown.Reason {
        static final NodeStopped INSTANCE = new NodeStopped();

        private NodeStopped() {
        }
    }

    private static Optional<DurableState> recovered(CompletableFuture<Optional<DurableState>> recovery) {
        try {
            return recovery.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Why a server that could not start shuts down; zakka-server-defaults.conf maps it to exit code 1. */
    static final class StartFailed implements CoordinatedShutdown.Reason {
        static final StartFailed INSTANCE = new StartFailed();

        private StartFailed() {
        }
    }

    private static void awaitTermination(ActorSystem<Void> system) {
        try {
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("zakka: the actor system did not terminate in 30 s: " + e);
        }
    }
}
