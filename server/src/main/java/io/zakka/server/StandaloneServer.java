package io.zakka.server;

import akka.actor.BootstrapSetup;
import akka.actor.CoordinatedShutdown;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import com.typesafe.config.Config;
import io.zakka.actors.durability.DurableState;
import io.zakka.actors.node.NodeConfig;
import io.zakka.api.ZakkaServer;
import io.zakka.wire.WireServer;
import io.zakka.wire.WireSettings;
import java.nio.channels.ServerSocketChannel;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs one standalone Zakka server in the foreground: an ActorSystem named {@value #SYSTEM_NAME} that
 * forms its own cluster (client systems join it as members with role {@code zakka-client}), with a Zakka
 * node inside and the ZooKeeper wire protocol on its client port ({@code zakka.client-port}). SIGTERM and
 * Ctrl-C run Akka's coordinated shutdown, which unbinds the client port and stops the node cleanly.
 */
public final class StandaloneServer {

    /** Every server and client ActorSystem of a Zakka cluster carries this name. */
    public static final String SYSTEM_NAME = "zakka";

    private StandaloneServer() {
    }

    /** Starts the server, prints the effective settings and the {@code zakka ready} line; returns the system. */
    public static ActorSystem<Void> start(Config config) {
        NodeConfig nodeConfig = NodeConfig.fromConfig(config);
        StartupTimes times = StartupTimes.begin();
        WireSettings wireSettings = WireSettings.fromConfig(config);
        ServerSocketChannel clientPort = bindClientPort(wireSettings);
        // Recovery from the data dir runs while the ActorSystem starts (two independent seconds at start-up).
        CompletableFuture<Optional<DurableState>> recovery = CompletableFuture.supplyAsync(() -> {
            Optional<DurableState> state = nodeConfig.durability().dataDir().map(dir -> DurableState.recover(
                    nodeConfig.durability(), nodeConfig.serverId(), System.nanoTime()));
            times.recovered();
            return state;
        });
        // Printed once recovery is under way: the first string building of a JVM is slow (indy bootstraps).
        EffectiveSettings settings = EffectiveSettings.of(config, nodeConfig);
        settings.lines().forEach(System.out::println);
        ActorSystem<Void> system;
        try {
            system = createSystem(config);
        } catch (RuntimeException e) {
            closeQuietly(clientPort);
            throw e;
        }
        times.actorSystemCreated();
        WireServer wire = null;
        try {
            joinSelfUnlessSeeded(system, config);
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
            System.out.println(settings.readyLine(Cluster.get(system).selfMember().address().toString(),
                    wire.connectString()));
            system.log().info(times.summary());
            return system;
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
     * The ActorSystem, or a refusal that says what to do: the usual cause is an Akka port that another process
     * (often a second server on the same machine) has bound, which Akka reports as a bind failure deep in a
     * stack trace.
     */
    private static ActorSystem<Void> createSystem(Config config) {
        try {
            // The class loader the configuration was read with, so that Akka finds the same (cached) reference.
            return ActorSystem.create(Behaviors.empty(), SYSTEM_NAME,
                    BootstrapSetup.create(config).withClassloader(RenderedReference.loader()));
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String address = config.getString("akka.remote.artery.canonical.hostname") + ":"
                    + config.getInt("akka.remote.artery.canonical.port");
            throw new java.io.UncheckedIOException("the ActorSystem could not start on " + address + " ("
                    + root.getClass().getSimpleName() + ": " + root.getMessage() + "); if that port is in use,"
                    + " choose another with --akka-port (akka.remote.artery.canonical.port)",
                    new java.io.IOException(e));
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

    /** A standalone server forms its own one-member cluster unless seed nodes were configured. */
    private static void joinSelfUnlessSeeded(ActorSystem<Void> system, Config config) {
        if (config.getStringList("akka.cluster.seed-nodes").isEmpty()) {
            Cluster cluster = Cluster.get(system);
            cluster.manager().tell(Join.create(cluster.selfMember().address()));
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
