package io.zakka.actors.node;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import io.zakka.actors.LocalMessage;
import io.zakka.actors.pipeline.Pipeline;
import io.zakka.protocol.client.ClientBound;
import io.zakka.protocol.op.Op;
import java.time.Clock;
import java.time.Duration;

/**
 * The container and TTL reaper (ZooKeeper's ContainerManager): every interval it asks the pipeline for empty
 * containers and expired TTL nodes and submits a DeleteContainer for each, as the server. Going through the
 * pipeline as an ordinary write means prep re-checks each candidate against the latest state (a child may
 * have been created meanwhile) and every replica applies the same delete.
 */
public final class ReaperActor extends AbstractBehavior<ReaperActor.Command> {

    /** What the reaper accepts. */
    public sealed interface Command extends LocalMessage permits Tick, Found, Answered {
    }

    /** Runs a scan now; the timer sends it every interval. */
    public enum Tick implements Command {
        INSTANCE
    }

    private record Found(Pipeline.Reapable reapable) implements Command {
    }

    private record Answered(ClientBound answer) implements Command {
    }

    private final ActorRef<Pipeline.Command> pipeline;
    private final Clock clock;
    private final int maxPerRun;
    private final ActorRef<Pipeline.Reapable> foundAdapter;
    private final ActorRef<ClientBound> answerAdapter;
    private int nextCxid = 1;

    public static Behavior<Command> create(ActorRef<Pipeline.Command> pipeline, Clock clock, Duration interval,
                                           int maxPerRun) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers ->
                new ReaperActor(context, timers, pipeline, clock, interval, maxPerRun)));
    }

    private ReaperActor(ActorContext<Command> context, TimerScheduler<Command> timers,
                        ActorRef<Pipeline.Command> pipeline, Clock clock, Duration interval, int maxPerRun) {
        super(context);
        this.pipeline = pipeline;
        this.clock = clock;
        this.maxPerRun = maxPerRun;
        this.foundAdapter = context.messageAdapter(Pipeline.Reapable.class, Found::new);
        this.answerAdapter = context.messageAdapter(ClientBound.class, Answered::new);
        timers.startTimerWithFixedDelay(Tick.INSTANCE, interval);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessageEquals(Tick.INSTANCE, this::onTick)
                .onMessage(Found.class, this::onFound)
                .onMessage(Answered.class, this::onAnswered)
                .build();
    }

    private Behavior<Command> onTick() {
        pipeline.tell(new Pipeline.FindReapable(clock.millis(), maxPerRun, foundAdapter));
        return this;
    }

    private Behavior<Command> onFound(Found found) {
        for (String path : found.reapable().paths()) {
            pipeline.tell(new Pipeline.ServerWrite(nextCxid++, new Op.DeleteContainer(path), answerAdapter));
        }
        return this;
    }

    /** A candidate that gained a child meanwhile answers NOTEMPTY: expected, it stays. */
    private Behavior<Command> onAnswered(Answered answered) {
        if (answered.answer() instanceof ClientBound.Reply reply && !reply.result().isError()) {
            getContext().getLog().debug("reaped a node at zxid {}", reply.zxid());
        }
        return this;
    }
}
