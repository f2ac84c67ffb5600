package io.zakka.actors.pipeline;

import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;

/**
 * The standalone committer: a txn is final as soon as it is proposed, because there is no quorum to ask
 * and (until the durability work lands) no log to fsync. Answers in arrival order, so zxid order holds.
 */
public final class LocalCommitter extends AbstractBehavior<Committer.Command> {

    public static Behavior<Committer.Command> create() {
        return Behaviors.setup(LocalCommitter::new);
    }

    private LocalCommitter(ActorContext<Committer.Command> context) {
        super(context);
    }

    @Override
    public Receive<Committer.Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Committer.Propose.class, this::onPropose)
                .build();
    }

    private Behavior<Committer.Command> onPropose(Committer.Propose propose) {
        propose.replyTo().tell(new Committer.Committed(propose.entry()));
        return this;
    }
}
