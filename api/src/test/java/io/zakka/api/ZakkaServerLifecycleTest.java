package io.zakka.api;

import static org.junit.jupiter.api.Assertions.assertFalse;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** whenStopped() is how a hosting process learns that its node is gone (asked to stop, or unable to go on). */
class ZakkaServerLifecycleTest {

    private static ActorTestKit kit;

    @BeforeAll
    static void start() {
        kit = ActorTestKit.create();
    }

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    @Test
    void whenStoppedCompletesOnlyOnceTheNodeHasStopped() throws Exception {
        ZakkaServer server = ZakkaServer.start(kit.system());
        CompletableFuture<?> stopped = server.whenStopped().toCompletableFuture();
        server.status().toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertFalse(stopped.isDone(), "a serving node has not stopped");
        server.stop().toCompletableFuture().get(20, TimeUnit.SECONDS);
        stopped.get(20, TimeUnit.SECONDS);
    }
}
