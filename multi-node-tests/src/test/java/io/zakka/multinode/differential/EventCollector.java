package io.zakka.multinode.differential;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import io.zakka.protocol.WatchEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The watcher actor of one Zakka client session: keeps the watch events it receives, in arrival order,
 * and hands them over on {@link Drain}. A drain asked after a reply of the session was received is
 * processed after every event the session actor sent before that reply (one mailbox, causal order).
 */
final class EventCollector {

    /** Answered with the events received since the last drain; never leaves the test's ActorSystem. */
    record Drain(ActorRef<List<WatchEvent>> replyTo) implements akka.actor.NoSerializationVerificationNeeded {
    }

    private EventCollector() {
    }

    static Behavior<Object> create() {
        List<WatchEvent> events = new ArrayList<>();
        return Behaviors.receive(Object.class)
                .onMessage(WatchEvent.class, event -> {
                    events.add(event);
                    return Behaviors.same();
                })
                .onMessage(Drain.class, drain -> {
                    drain.replyTo().tell(List.copyOf(events));
                    events.clear();
                    return Behaviors.same();
                })
                .build();
    }
}
