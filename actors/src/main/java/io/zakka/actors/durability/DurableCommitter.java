package io.zakka.actors.durability;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.Terminated;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import io.zakka.actors.pipeline.Committer;
import io.zakka.storage.txnlog.TxnLog;
import java.time.Duration;

/**
 * The committer of a node with a data dir: it puts the {@link TxnLogActor} on its dedicated dispatcher and
 * forwards every proposal to it, so the pipeline sees the usual commit seam. If the log actor stops (an I/O
 * error), this actor stops too, and the node with it.
 */
public final class DurableCommitter extends AbstractBehavior<Committer.Command> {

    private final ActorRef<TxnLogActor.Command> log;

    /** @param fsyncWarning syncs slower than this are logged and counted in {@code slowFsyncs} */
    public static Behavior<Committer.Command> create(TxnLog log, Duration fsyncWarning, SlowFsyncs slowFsyncs) {
        return Behaviors.setup(context -> new DurableCommitter(context, log, fsyncWarning, slowFsyncs));
    }

    private DurableCommitter(ActorContext<Committer.Command> context, TxnLog txnLog, Duration fsyncWarning,
                             SlowFsyncs slowFsyncs) {
        super(context);
        log = context.spawn(TxnLogActor.create(txnLog, fsyncWarning, slowFsyncs), "txn-log",
                DispatcherSelector.fromConfig(DurabilityConfig.LOG_DISPATCHER));
        context.watch(log);
    }

    @Override
    public Receive<Committer.Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Committer.Propose.class, this::onPropose)
                .onSignal(Terminated.class, this::onLogStopped)
                .build();
    }

    private Behavior<Committer.Command> onPropose(Committer.Propose propose) {
        log.tell(new TxnLogActor.Append(propose));
        return this;
    }

    private Behavior<Committer.Command> onLogStopped(Terminated terminated) {
        getContext().getLog().error("the txn log actor stopped; no write can be made durable, stopping the node");
        return Behaviors.stopped();
    }
}
