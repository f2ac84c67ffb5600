package io.zakka.api;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.Behavior;
import akka.actor.typed.Props;
import akka.actor.typed.Terminated;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.receptionist.Receptionist;
import akka.actor.typed.receptionist.ServiceKey;
import io.zakka.actors.durability.DurabilityStats;
import io.zakka.actors.durability.DurableState;
import io.zakka.actors.node.EntryActor;
import io.zakka.actors.node.NodeConfig;
import io.zakka.actors.node.ZakkaNode;
import io.zakka.actors.pipeline.Pipeline;
import io.zakka.actors.session.SessionTrackerActor;
import io.zakka.protocol.Zxid;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.storage.durability.DataDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A Zakka server node running inside an ActorSystem the application owns. The node's entry actor is
 * registered with the receptionist under {@link #SERVICE_KEY}, where clients ({@code ZakkaClient}) in any
 * ActorSystem of the same cluster find it; {@link #openDoorIn} lets clients of another system of the same JVM
 * reach it too.
 */
public final class ZakkaServer {

    /** The receptionist key of every server's entry actor. */
    public static final ServiceKey<ServerCommand> SERVICE_KEY = ServiceKey.create(ServerCommand.class, "zakka-server");

    /** How long starting and stopping may take before they fail. */
    public static final Duration LIFECYCLE_TIMEOUT = Duration.ofSeconds(30);

    private final ActorSystem<?> system;
    private final ActorRef<ZakkaNode.Command> node;
    private final ActorRef<ServerCommand> entry;
    private final ActorRef<SessionTrackerActor.Command> sessions;
    private final NodeConfig config;
    private final CompletableFuture<Done> stopped;
    /** Front doors opened in other ActorSystems ({@link #openDoorIn}), withdrawn by {@link #stop()}. */
    private final List<Door> doors = new CopyOnWriteArrayList<>();

    private ZakkaServer(ActorSystem<?> system, ActorRef<ZakkaNode.Command> node, ZakkaNode.Entry entry,
                        NodeConfig config, CompletableFuture<Done> stopped) {
        this.system = system;
        this.node = node;
        this.entry = entry.ref();
        this.sessions = entry.sessions();
        this.config = config;
        this.stopped = stopped;
        // A node that stops on its own leaves no door that leads nowhere registered.
        stopped.thenRun(this::withdrawDoors);
    }

    private record Door(ActorSystem<?> system, ActorRef<ServerCommand> entry) {
    }

    /**
     * Spawns a node with the {@code zakka} settings of the system's own configuration and waits (bounded by
     * {@link #LIFECYCLE_TIMEOUT}) until it is registered. Call it from outside any actor.
     */
    public static ZakkaServer start(ActorSystem<?> system) {
        return start(system, NodeConfig.fromConfig(system.settings().config()));
    }

    /** Spawns a node with {@code config} and waits until it is registered. Call it from outside any actor. */
    public static ZakkaServer start(ActorSystem<?> system, NodeConfig config) {
        return await(startAsync(system, config));
    }

    /**
     * Spawns a node that starts from {@code recovered} (recovered from its data dir beforehand, e.g. while the
     * ActorSystem was starting) and waits until it is registered. Call it from outside any actor.
     */
    public static ZakkaServer start(ActorSystem<?> system, NodeConfig config, DurableState recovered) {
        return await(startAsync(system, config, ZakkaNode.create(config, Clock.systemUTC(), recovered)));
    }

    private static ZakkaServer await(CompletionStage<ZakkaServer> starting) {
        try {
            return starting.toCompletableFuture()
                    .get(LIFECYCLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the Zakka node", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the Zakka node did not start", e);
        }
    }

    /** Spawns a node with {@code config}; completes once its entry is registered with the receptionist. */
    public static CompletionStage<ZakkaServer> startAsync(ActorSystem<?> system, NodeConfig config) {
        return startAsync(system, config, ZakkaNode.create(config, Clock.systemUTC()));
    }

    private static CompletionStage<ZakkaServer> startAsync(ActorSystem<?> system, NodeConfig config,
                                                           Behavior<ZakkaNode.Command> behavior) {
        ActorRef<ZakkaNode.Command> node = system.systemActorOf(behavior, "zakka-node-" + config.serverId(),
                Props.empty());
        CompletableFuture<Done> stopped = new CompletableFuture<>();
        system.systemActorOf(watcherOf(node, stopped), "zakka-node-watch-" + config.serverId(), Props.empty());
        return AskPattern.<ZakkaNode.Command, ZakkaNode.Entry>ask(node, ZakkaNode.GetEntry::new,
                        LIFECYCLE_TIMEOUT, system.scheduler())
                .thenCompose(started -> AskPattern.<Receptionist.Command, Receptionist.Registered>ask(
                                system.receptionist(),
                                replyTo -> Receptionist.register(SERVICE_KEY, started.ref(), replyTo),
                                LIFECYCLE_TIMEOUT, system.scheduler())
                        .thenApply(registered -> new ZakkaServer(system, node, started, config, stopped)));
    }

    /** Completes {@code stopped} when the node stops, whether asked to or because an invariant or fsync failed. */
    private static Behavior<Void> watcherOf(ActorRef<ZakkaNode.Command> node, CompletableFuture<Done> stopped) {
        return Behaviors.setup(ctx -> {
            ctx.watch(node);
            return Behaviors.receive(Void.class).onSignal(Terminated.class, signal -> {
                stopped.complete(Done.getInstance());
                return Behaviors.stopped();
            }).build();
        });
    }

    /**
     * Completes when the node has stopped: after {@link #stop()}, or on its own when it could not go on (a
     * failed fsync, a broken invariant). A process that hosts only this node should then exit.
     */
    public CompletionStage<Done> whenStopped() {
        return stopped;
    }

    /** The entry actor: where clients send their {@link ServerCommand}s. */
    public ActorRef<ServerCommand> ref() {
        return entry;
    }

    public NodeConfig config() {
        return config;
    }

    public CompletionStage<ServerStatus> status() {
        CompletionStage<DurabilityStats> durability = AskPattern.ask(node, ZakkaNode.GetDurabilityStats::new,
                LIFECYCLE_TIMEOUT, system.scheduler());
        return AskPattern.<ZakkaNode.Command, Pipeline.Status>ask(node,
                        ZakkaNode.GetStatus::new, LIFECYCLE_TIMEOUT, system.scheduler())
                .thenApply(s -> new ServerStatus(s.lastApplied(), s.nodeCount(), s.sessionCount(), s.watchCount(),
                        s.writesInFlight()))
                .thenCombine(durability, (s, d) -> s.withFsyncThresholdExceedCount(d.fsyncThresholdExceedCount()));
    }

    /** {@link #status()} plus the sizes of the data dir's snapshot and log directories (four-letter word dirs). */
    public CompletionStage<ServerStatus> statusWithDirSizes() {
        // Directory sizes are file I/O: measured on the blocking dispatcher, never the default one.
        return status().thenApplyAsync(this::withDirSizes, system.dispatchers().lookup(DispatcherSelector.blocking()));
    }

    private ServerStatus withDirSizes(ServerStatus status) {
        return config.durability().dataDir().map(DataDir::new)
                .map(dir -> status.withDirSizes(bytesIn(dir.snapshotDir()), bytesIn(dir.logDir())))
                .orElse(status);
    }

    /** The total size of the regular files directly in {@code dir}; 0 when it does not exist (yet). */
    private static long bytesIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException vanished) {
                    return 0; // purged by retention while we looked
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The zxid of the last txn this server applied. */
    public CompletionStage<Zxid> lastZxid() {
        return status().thenApply(ServerStatus::lastZxid);
    }

    /**
     * Opens another front door of this node in {@code other}, an ActorSystem of the same JVM (e.g. the clustered
     * system of a server whose node runs in a local one, where Akka clients of that cluster cannot reach it): an
     * entry actor there, registered with that system's receptionist under {@link #SERVICE_KEY}. Sessions opened
     * through it name it as their server. Completes with the door once it is registered.
     */
    public CompletionStage<ActorRef<ServerCommand>> openDoorIn(ActorSystem<?> other) {
        // On that system's node dispatcher: a host that gives both systems' node dispatchers one thread (the
        // standalone server does) keeps the door's hand-over to the tracker a queue append on the node's thread.
        ActorRef<ServerCommand> door = other.systemActorOf(EntryActor.create(sessions),
                "zakka-entry-" + config.serverId(), DispatcherSelector.fromConfig("zakka.node-dispatcher"));
        doors.add(new Door(other, door));
        return AskPattern.<Receptionist.Command, Receptionist.Registered>ask(other.receptionist(),
                        replyTo -> Receptionist.register(SERVICE_KEY, door, replyTo),
                        LIFECYCLE_TIMEOUT, other.scheduler())
                .thenApply(registered -> door);
    }

    private void withdrawDoors() {
        doors.forEach(door -> door.system().receptionist().tell(Receptionist.deregister(SERVICE_KEY, door.entry())));
    }

    /** Withdraws the entry (and every other door) from the receptionist and stops the node and its sessions. */
    public CompletionStage<Done> stop() {
        system.receptionist().tell(Receptionist.deregister(SERVICE_KEY, entry));
        withdrawDoors();
        return AskPattern.ask(node, ZakkaNode.Stop::new, LIFECYCLE_TIMEOUT, system.scheduler());
    }
}
