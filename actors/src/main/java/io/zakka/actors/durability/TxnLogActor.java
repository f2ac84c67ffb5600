package io.zakka.actors.durability;

import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import io.zakka.actors.LocalMessage;
import io.zakka.actors.pipeline.Committer;
import io.zakka.storage.txnlog.TxnLog;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    private final List<Committer.Propose> batch = new ArrayList<>();

    public static Behavior<Command> create(TxnLog log) {
        return Behaviors.setup(context -> new TxnLogActor(context, log));
    }

    private TxnLogActor(ActorContext<Command> context, TxnLog log) {
        super(context);
        this.log = log;
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
        try {
            log.sync();
        } catch (IOException e) {
            getContext().getLog().error("txn log sync failed with {} txns unacknowledged; stopping the node",
                    batch.size(), e);
            throw new UncheckedIOException("txn log sync failed: the node stops rather than lose writes", e);
        }
        for (Committer.Propose propose : batch) {
            propose.replyTo().tell(new Committer.Committed(propose.entry()));
        }
        batch.clear();
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
