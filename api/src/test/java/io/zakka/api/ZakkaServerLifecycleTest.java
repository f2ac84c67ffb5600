package io.zakka.api;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.zakka.actors.testing.ActorTestKitExtension;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** whenStopped() is how a hosting process learns that its node is gone (asked to stop, or unable to go on). */
class ZakkaServerLifecycleTest {

    @RegisterExtension
    static final ActorTestKitExtension kit = new ActorTestKitExtension();

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
