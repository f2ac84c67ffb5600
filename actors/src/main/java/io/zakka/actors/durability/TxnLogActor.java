package io.zakka.actors.durability;

import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import io.zakka.actors.LocalMessage;
import io.zakka.actors.pipeline.Committer;
import io.zakka.storage.durability.CrashPoints;
import io.zakka.storage.txnlog.TxnLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The durable commit seam: appends every proposed txn to the txn log and answers {@link Committer.Committed}
 * only after an fsync that covers it. Runs on its own one-thread dispatcher ({@link DurabilityConfig#LOG_DISPATCHER}),
 * never on the default one.
 *
 * <p>Group commit: the first append of a batch tells the actor {@link Flush}; the Flush queues behind every
 * Propose already in the mailbox, so the actor appends all of them and then forces once, and answers the whole
 * batch in arrival (= zxid) order. A batch also syncs when it reaches {@link #MAX_BATCH} txns, so a steady stream
 * cannot hold replies back forever.
 *
 * <p>An I/O error (full disk, failed fsync) is never retried or ignored (ZOOKEEPER-3701): the actor fails, which
 * stops the node, and the txns of the failed batch are never acknowledged.
 *
 * <p>Every sync is timed; one slower than the warning threshold (ZooKeeper's {@code fsync.warningthresholdms})
 * is logged as a WARN and counted in {@link SlowFsyncs} (mntr's {@code zk_fsync_threshold_exceed_count}): every
 * write of the batch waited that long for its reply, which usually means a slow or overloaded disk.
 */
public final class TxnLogActor extends AbstractBehavior<TxnLogActor.Command> {

    /** The biggest batch before a sync, as ZooKeeper's zookeeper.maxBatchSize (1000). */
    static final int MAX_BATCH = 1000;

    /** What the log actor accepts. */
    public sealed interface Command extends LocalMessage permits Append, Flush {
    }

    /** A proposal to append and, once synced, to answer. */
    public record Append(Committer.Propose propose) implements Command {
    }

    /** Sync what was appended and release the batch. */
    enum Flush implements Command {
        INSTANCE
    }

    private final TxnLog log;
    private final long warnNanos;
    private final SlowFsyncs slowFsyncs;
    private final List<Committer.Propose> batch = new ArrayList<>();

    /**
     * @param fsyncWarning a sync slower than this is logged and counted in {@code slowFsyncs}
     */
    public static Behavior<Command> create(TxnLog log, Duration fsyncWarning, SlowFsyncs slowFsyncs) {
        return Behaviors.setup(context -> new TxnLogActor(context, log, fsyncWarning, slowFsyncs));
    }

    private TxnLogActor(ActorContext<Command> context, TxnLog log, Duration fsyncWarning, SlowFsyncs slowFsyncs) {
        super(context);
        this.log = log;
        this.warnNanos = fsyncWarning.toNanos();
        this.slowFsyncs = slowFsyncs;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Append.class, this::onAppend)
                .onMessageEquals(Flush.INSTANCE, this::onFlush)
                .onSignal(PostStop.class, this::onPostStop)
                .build();
    }

    private Behavior<Command> onAppend(Append append) throws IOException {
        log.append(append.propose().entry());
        batch.add(append.propose());
        if (batch.size() == 1) {
            getContext().getSelf().tell(Flush.INSTANCE);
        } else if (batch.size() >= MAX_BATCH) {
            syncAndRelease();
        }
        return this;
    }

    private Behavior<Command> onFlush() throws IOException {
        syncAndRelease();
        return this;
    }

    private void syncAndRelease() throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        try {
            log.sync();
        } catch (IOException e) {
            getContext().getLog().error("txn log sync failed with {} txns unacknowledged; stopping the node",
                    batch.size(), e);
            throw new UncheckedIOException("txn log sync failed: the node stops rather than lose writes", e);
        }
        CrashPoints.reach(CrashPoints.Point.LOG_SYNCED);
        long took = System.nanoTime() - start;
        if (took > warnNanos) {
            warnSlow(took);
        }
        for (Committer.Propose propose : batch) {
            propose.replyTo().tell(new Committer.Committed(propose.entry()));
        }
        batch.clear();
    }

    private void warnSlow(long tookNanos) {
        slowFsyncs.add();
        getContext().getLog().warn("fsync of the txn log took {} ms for a batch of {} txns (warning threshold {} ms):"
                        + " each of these writes waited at least that long for its reply. Client latency follows the"
                        + " disk; check that it is healthy, not shared with busy I/O, and that the log has a device"
                        + " of its own (zakka.data-dir). Slow syncs so far: {}", tookNanos / 1_000_000, batch.size(),
                warnNanos / 1_000_000, slowFsyncs.count());
    }

    private Behavior<Command> onPostStop(PostStop signal) {
        try {
            log.close();
        } catch (IOException e) {
            getContext().getLog().error("closing the txn log failed", e);
        }
        return this;
    }
}
