package io.zakka.bench.client;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.zakka.api.client.ZakkaClient;
import io.zakka.api.client.ZakkaException;
import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.EventType;
import io.zakka.protocol.WatchEvent;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Sessions of Zakka's Akka ask API: a client ActorSystem named {@code zakka} with role {@code zakka-client}
 * joins the server's cluster at {@code seed}, and each session is a {@link ZakkaClient}.
 */
public final class AskAccess implements Access {

    private final ActorSystem<Void> system;

    public AskAccess(String seed) {
        Config config = ConfigFactory.parseString(String.join("\n",
                "akka.actor.provider = cluster",
                "akka.loglevel = WARNING",
                "akka.remote.artery.canonical { hostname = 127.0.0.1, port = 0 }",
                "akka.remote.artery.advanced.maximum-frame-size = 2MiB",
                "akka.cluster.roles = [zakka-client]",
                "akka.cluster.seed-node-timeout = 500ms",
                "akka.cluster.retry-unsuccessful-join-after = 500ms",
                // The standalone server runs Akka's split brain resolver; a joining node must name the same.
                "akka.cluster.downing-provider-class = \"akka.cluster.sbr.SplitBrainResolverProvider\"",
                "akka.cluster.jmx.multi-mbeans-in-same-jvm = on",
                "akka.coordinated-shutdown.run-by-jvm-shutdown-hook = off",
                "akka.cluster.seed-nodes = [\"" + seed + "\"]")).withFallback(ConfigFactory.load());
        system = ActorSystem.create(Behaviors.empty(), "zakka", config);
    }

    @Override
    public BenchClient open(Duration timeout) throws Exception {
        Map<String, Runnable> watches = new ConcurrentHashMap<>();
        ActorRef<WatchEvent> watcher = system.systemActorOf(Behaviors.receive(WatchEvent.class)
                .onAnyMessage(event -> {
                    Runnable onEvent = event.type() == EventType.NODE_DATA_CHANGED
                            ? watches.remove(event.path()) : null;
                    if (onEvent != null) {
                        onEvent.run();
                    }
                    return Behaviors.same();
                }).build(), "bench-watcher-" + UUID.randomUUID(), Props.empty());
        ZakkaClient client = ZakkaClient.connect(system, timeout, ZakkaClient.Settings.defaults().withWatcher(watcher))
                .toCompletableFuture().get(timeout.toMillis() + 10_000, TimeUnit.MILLISECONDS);
        return new Session(client, watches);
    }

    /** ZakkaClient.connect waits, up to its timeout, for a server to appear in the receptionist. */
    @Override
    public boolean waitsForServer() {
        return true;
    }

    @Override
    public void close() {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("bench: the ask client system did not terminate in 30 s: " + e);
        }
    }

    private record Session(ZakkaClient client, Map<String, Runnable> watches) implements BenchClient {

        @Override
        public void getData(String path, Done done) {
            complete(client.getData(path, false), path, done);
        }

        @Override
        public void setData(String path, byte[] data, Done done) {
            complete(client.setData(path, data, -1), path, done);
        }

        @Override
        public void create(String path, byte[] data, boolean sequential, Done done) {
            client.create(path, data, Acl.OPEN_ACL_UNSAFE,
                    sequential ? CreateMode.PERSISTENT_SEQUENTIAL : CreateMode.PERSISTENT).whenComplete(
                            (created, failure) -> done.complete(error(failure),
                                    created == null ? null : created.path()));
        }

        @Override
        public void delete(String path, Done done) {
            complete(client.delete(path, -1), path, done);
        }

        @Override
        public void watchData(String path, Runnable onEvent, Done done) {
            watches.put(path, onEvent);
            complete(client.getData(path, true), path, done);
        }

        @Override
        public void close() {
            try {
                client.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("bench: closing a Zakka session failed: " + e);
            }
        }

        private static void complete(CompletionStage<?> stage, String path, Done done) {
            stage.whenComplete((result, failure) -> done.complete(error(failure), path));
        }

        private static String error(Throwable failure) {
            if (failure == null) {
                return null;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            return cause instanceof ZakkaException zakka ? zakka.code().name() : cause.toString();
        }
    }
}
