package io.zakka.api.client;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.ConfigFactory;
import io.zakka.api.ZakkaServer;
import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A terminated ActorSystem has no scheduler, so an ask on it would never time out: the facade must fail
 * pending and new calls instead of leaving the caller waiting forever (seen when a client system could not
 * join the cluster and shut itself down).
 */
class ClientTerminationTest {

    @Test
    void connectFailsInsteadOfHangingWhenTheClientSystemHasTerminated() throws Exception {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "terminated",
                ConfigFactory.load("application-test"));
        ActorTestKit.shutdown(system, Duration.ofSeconds(20));
        CompletableFuture<ZakkaClient> connect = ZakkaClient.connect(system, Duration.ofMinutes(5),
                ZakkaClient.Settings.defaults()).toCompletableFuture();
        ExecutionException failure = assertThrows(ExecutionException.class, () -> connect.get(20, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, failure.getCause());
    }

    @Test
    void callsFailWhenTheClientSystemTerminates() throws Exception {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "terminating",
                ConfigFactory.load("application-test"));
        ZakkaServer server = ZakkaServer.start(system);
        ZakkaClient client = ZakkaClient.connect(system, Duration.ofSeconds(20), ZakkaClient.Settings.defaults())
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        ActorTestKit.shutdown(system, Duration.ofSeconds(20));
        CompletableFuture<?> create = client.create("/after", null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)
                .toCompletableFuture();
        ExecutionException failure = assertThrows(ExecutionException.class, () -> create.get(20, TimeUnit.SECONDS));
        assertTrue(failure.getCause().getMessage().contains("terminated"), failure.getCause().toString());
        assertTrue(server.ref() != null);
    }
}
