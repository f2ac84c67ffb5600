package io.zakka.actors.node;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.PostStop;
import akka.actor.typed.Terminated;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import io.zakka.actors.LocalMessage;
import io.zakka.actors.durability.DurabilityStats;
import io.zakka.actors.durability.DurableState;
import io.zakka.actors.durability.SlowFsyncs;
import io.zakka.actors.pipeline.Committer;
import io.zakka.actors.pipeline.LocalCommitter;
import io.zakka.actors.pipeline.Pipeline;
import io.zakka.actors.pipeline.PipelineActor;
import io.zakka.actors.session.SessionTable;
import io.zakka.actors.session.SessionTrackerActor;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.storage.acl.AclChecker;
import io.zakka.storage.prep.PrepConfig;
import io.zakka.storage.tree.DataTree;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The guardian of one standalone server node. It wires, in this order: the committer (the commit seam), the
 * pipeline (tree, prep, watches, per-session order), the session tracker (expiry) and its entry actor (the
 * node's {@code ActorRef<ServerCommand>}), and the container/TTL reaper.
 *
 * <p>A child that stops (an invariant violation throws and stops it, an I/O error stops the txn log) stops the
 * whole node, loudly, rather than serve from a half-reset state; with a data dir, the next start recovers
 * everything that was acknowledged.
 */
public final class ZakkaNode extends AbstractBehavior<ZakkaNode.Command> {

    /** What the guardian accepts. */
    public sealed interface Command extends LocalMessage permits GetEntry, GetStatus, GetDurabilityStats, Stop {
    }

    /** Asks for the node's entry actor. */
    public record GetEntry(ActorRef<Entry> replyTo) implements Command {
    }

    /**
     * The node's entry: where clients send {@link ServerCommand}s. {@code sessions} is the session tracker behind
     * it, for another front door ({@link EntryActor#create}) in another ActorSystem of the same JVM.
     */
    public record Entry(ActorRef<ServerCommand> ref, ActorRef<SessionTrackerActor.Command> sessions)
            implements LocalMessage {
    }

    public record GetStatus(ActorRef<Pipeline.Status> replyTo) implements Command {
    }

    /** Asks for the durability figures (slow fsyncs); all zero for a node in memory only. */
    public record GetDurabilityStats(ActorRef<DurabilityStats> replyTo) implements Command {
    }

    /** Stops the node; {@code replyTo} hears Done once every child has stopped. */
    public record Stop(ActorRef<Done> replyTo) implements Command {
    }

    private final ActorRef<Pipeline.Command> pipeline;
    private final ActorRef<ServerCommand> entry;
    private final ActorRef<SessionTrackerActor.Command> tracker;
    private final SlowFsyncs slowFsyncs;
    private final List<ActorRef<Done>> stopWaiters = new ArrayList<>();

    /**
     * A standalone node. With a data dir ({@code zakka.data-dir}) it first recovers from it, here on the caller's
     * thread (so a data dir that cannot be used fails this call with a message that says what to do), and its
     * committer is the fsynced txn log; without one, its committer answers every txn at once (in memory only).
     */
    public static Behavior<Command> create(NodeConfig config, Clock clock) {
        if (config.durability().dataDir().isEmpty()) {
            return create(config, clock, LocalCommitter.create());
        }
        DurableState state = DurableState.recover(config.durability(), config.serverId(),
                config.serverId() * 0x9E3779B97F4A7C15L ^ clock.millis());
        return Behaviors.setup(context -> new ZakkaNode(context, config, clock, state.committer(),
                Optional.of(state)));
    }

    /** A node that starts from a state recovered beforehand ({@link DurableState#recover}). */
    public static Behavior<Command> create(NodeConfig config, Clock clock, DurableState state) {
        return Behaviors.setup(context -> new ZakkaNode(context, config, clock, state.committer(),
                Optional.of(state)));
    }

    /** A node whose txns are made final by {@code committer} (replication and durability plug in here). */
    public static Behavior<Command> create(NodeConfig config, Clock clock, Behavior<Committer.Command> committer) {
        return Behaviors.setup(context -> new ZakkaNode(context, config, clock, committer, Optional.empty()));
    }

    /**
     * The entry, the session tracker, the pipeline and the committer's front share one thread
     * ({@code zakka.node-dispatcher}): a request passes them all, and on one thread each hop is a queue append
     * that the same thread picks up next, where on the shared pool each hop could wake another thread. The
     * pipeline is the one serial stage anyway; the txn log's I/O keeps its own thread behind the committer.
     */
    private static final DispatcherSelector NODE_THREAD = DispatcherSelector.fromConfig("zakka.node-dispatcher");

    private ZakkaNode(ActorContext<Command> context, NodeConfig config, Clock clock,
                      Behavior<Committer.Command> committerBehavior, Optional<DurableState> durable) {
        super(context);
        ActorRef<Committer.Command> committer = context.spawn(committerBehavior, "committer", NODE_THREAD);
        PrepConfig prepConfig = new PrepConfig(config.maxDataBytes(), config.ttlEnabled());
        DataTree tree = durable.map(DurableState::tree).orElseGet(DataTree::new);
        slowFsyncs = durable.map(DurableState::slowFsyncs).orElseGet(SlowFsyncs::new);
        pipeline = context.spawn(PipelineActor.create(prepConfig, new AclChecker(config.superDigest()), clock,
                committer, tree, durable.map(DurableState::snapshots)), "pipeline", NODE_THREAD);
        SessionTable table = new SessionTable(config.sessionSettings(), clock.millis());
        // Recovered sessions get a full timeout from now, as ZooKeeper does after a restart: their clients may
        // reconnect, and those that do not expire as usual.
        tree.sessionTimeouts().forEach((session, timeoutMs) -> table.track(session, timeoutMs, clock.millis()));
        durable.ifPresent(state -> state.notes().forEach(note -> context.getLog().info("recovery: {}", note)));
        tracker = context.spawn(SessionTrackerActor.create(table, clock, pipeline), "sessions", NODE_THREAD);
        entry = context.spawn(EntryActor.create(tracker), "entry", NODE_THREAD);
        ActorRef<ReaperActor.Command> reaper = context.spawn(ReaperActor.create(pipeline, clock,
                Duration.ofMillis(config.reaperIntervalMs()), config.reaperMaxPerRun()), "reaper");
        for (ActorRef<?> child : List.of(committer, pipeline, tracker, entry, reaper)) {
            context.watch(child);
        }
        context.getLog().info("Zakka node {} started: tick {} ms, sessions {}-{} ms", config.serverId(),
                config.tickTimeMs(), config.minSessionTimeoutMs(), config.maxSessionTimeoutMs());
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(GetEntry.class, this::onGetEntry)
                .onMessage(GetStatus.class, this::onGetStatus)
                .onMessage(GetDurabilityStats.class, this::onGetDurabilityStats)
                .onMessage(Stop.class, this::onStop)
                .onSignal(Terminated.class, this::onChildStopped)
                .onSignal(PostStop.class, this::onPostStop)
                .build();
    }

    private Behavior<Command> onGetEntry(GetEntry get) {
        get.replyTo().tell(new Entry(entry, tracker));
        return this;
    }

    private Behavior<Command> onGetStatus(GetStatus get) {
        pipeline.tell(new Pipeline.GetStatus(get.replyTo()));
        return this;
    }

    private Behavior<Command> onGetDurabilityStats(GetDurabilityStats get) {
        get.replyTo().tell(new DurabilityStats(slowFsyncs.count()));
        return this;
    }

    private Behavior<Command> onStop(Stop stop) {
        stopWaiters.add(stop.replyTo());
        return Behaviors.stopped();
    }

    private Behavior<Command> onChildStopped(Terminated terminated) {
        getContext().getLog().error("node child {} stopped; stopping the node", terminated.getRef().path());
        return Behaviors.stopped();
    }

    private Behavior<Command> onPostStop(PostStop signal) {
        stopWaiters.forEach(waiter -> waiter.tell(Done.getInstance()));
        return this;
    }
}
