package io.zakka.actors.node;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import io.zakka.actors.session.SessionTrackerActor;
import io.zakka.protocol.client.ServerCommand;

/**
 * The node's front door: the {@code ActorRef<ServerCommand>} that clients find through the receptionist and
 * that SessionOpened names as the server. It hands every command, unchanged and in arrival order, to the
 * session tracker (Akka keeps per-sender order across this one hop, so a client's order is kept).
 *
 * <p>A node has one entry in its own ActorSystem and may have more in other ActorSystems of the same JVM (a
 * standalone server's clustered system, whose Akka clients cannot reach a local system's actors): each hands to
 * the same tracker and names itself as the server, so a client always talks to the door it came through.
 */
public final class EntryActor extends AbstractBehavior<ServerCommand> {

    private final ActorRef<SessionTrackerActor.Command> tracker;

    public static Behavior<ServerCommand> create(ActorRef<SessionTrackerActor.Command> tracker) {
        return Behaviors.setup(context -> new EntryActor(context, tracker));
    }

    private EntryActor(ActorContext<ServerCommand> context, ActorRef<SessionTrackerActor.Command> tracker) {
        super(context);
        this.tracker = tracker;
    }

    @Override
    public Receive<ServerCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(ServerCommand.class, this::onCommand)
                .build();
    }

    private Behavior<ServerCommand> onCommand(ServerCommand command) {
        tracker.tell(new SessionTrackerActor.FromClient(command, getContext().getSelf()));
        return this;
    }
}
