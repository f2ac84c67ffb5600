package io.zakka.wire.support;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.zakka.api.ZakkaServer;
import io.zakka.wire.WireServer;
import io.zakka.wire.WireSettings;
import java.util.concurrent.TimeUnit;

/** A Zakka node with its wire gateway on a loopback port chosen by the OS (tick 200 ms, as the ZooKeeper target). */
public final class ZakkaTarget implements Target {

    private final ActorTestKit kit;
    private final ZakkaServer server;
    private final WireServer wire;

    public ZakkaTarget() {
        this(WireSettings.fromConfig(ConfigFactory.load("application-test")));
    }

    public ZakkaTarget(WireSettings settings) {
        this(ConfigFactory.load("application-test"), settings);
    }

    public ZakkaTarget(Config config, WireSettings settings) {
        kit = ActorTestKit.create(config);
        server = ZakkaServer.start(kit.system());
        wire = WireServer.start(kit.system(), server, settings);
    }

    public WireServer wire() {
        return wire;
    }

    public ZakkaServer server() {
        return server;
    }

    @Override
    public String connectString() {
        return wire.connectString();
    }

    @Override
    public int port() {
        return wire.port();
    }

    @Override
    public int minSessionTimeoutMs() {
        return server.config().minSessionTimeoutMs();
    }

    @Override
    public void close() {
        wire.stop();
        try {
            server.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the Zakka node did not stop", e);
        } finally {
            kit.shutdownTestKit();
        }
    }
}
