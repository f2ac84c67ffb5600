package io.zakka.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both ActorSystems of a standalone server run their node dispatcher on one thread, which ends with them. */
class SharedNodeThreadTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final DispatcherSelector NODE_DISPATCHER = DispatcherSelector.fromConfig("zakka.node-dispatcher");

    @Test
    void twoSystemsWithOneSharedIdRunTheirNodeDispatchersOnOneThreadUntilReleased() throws Exception {
        String id = SharedNodeThread.newId();
        ActorTestKit first = ActorTestKit.create("first", config(id));
        ActorTestKit second = ActorTestKit.create("second", config(id));
        Thread thread;
        try {
            thread = nodeThreadOf(first);
            assertEquals(thread, nodeThreadOf(second));
            String otherId = SharedNodeThread.newId();
            ActorTestKit unshared = ActorTestKit.create("unshared", config(otherId));
            assertNotEquals(thread, nodeThreadOf(unshared), "another id is another thread");
            unshared.shutdownTestKit();
            SharedNodeThread.release(otherId);
        } finally {
            first.shutdownTestKit();
        }
        assertEquals(thread, nodeThreadOf(second), "a system that terminated leaves the thread to the other");
        second.shutdownTestKit();
        SharedNodeThread.release(id);
        thread.join(WAIT.toMillis());
        assertFalse(thread.isAlive(), "released, the thread ends");
    }

    private static Config config(String id) {
        return ConfigFactory.parseMap(Map.of("zakka.node-dispatcher.executor", SharedNodeThread.class.getName(),
                "zakka.node-dispatcher.shared-thread", id)).withFallback(ConfigFactory.load());
    }

    /** The thread an actor on the node dispatcher of {@code kit}'s system runs on. */
    private static Thread nodeThreadOf(ActorTestKit kit) {
        TestProbe<Thread> probe = kit.createTestProbe(Thread.class);
        ActorRef<String> reporter = kit.spawn(Behaviors.receiveMessage(message -> {
            probe.getRef().tell(Thread.currentThread());
            return Behaviors.same();
        }), NODE_DISPATCHER);
        reporter.tell("which thread?");
        return probe.expectMessageClass(Thread.class, WAIT);
    }
}
