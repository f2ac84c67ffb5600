package io.zakka.bench.launch;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import com.typesafe.config.Config;
import io.zakka.actors.node.NodeConfig;
import io.zakka.api.ZakkaServer;
import io.zakka.server.LaunchOptions;
import io.zakka.server.ServerConfigLoader;
import io.zakka.wire.WireServer;
import io.zakka.wire.WireSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts Zakka in a bench child. When the server build starts the ZooKeeper wire gateway itself, this is
 * exactly {@code io.zakka.server.Main start <flags>}. A server build from before that integration serves only
 * the Akka API; then the child starts the same node the same way (same configuration loading, one-member
 * cluster) plus a {@link WireServer} on the client port, so the stock-client workloads can run anyway.
 */
final class ZakkaChild {

    private ZakkaChild() {
    }

    static void start(List<String> flags) throws IOException {
        if (serverStartsWire()) {
            List<String> args = new ArrayList<>(List.of("start"));
            args.addAll(flags);
            io.zakka.server.Main.main(args.toArray(new String[0]));
            return;
        }
        System.err.println("bench child: this server build does not start the wire gateway; starting it here");
        Config config = ServerConfigLoader.load(LaunchOptions.parse(flags));
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "zakka", config);
        Cluster cluster = Cluster.get(system);
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
        ZakkaServer server = ZakkaServer.start(system, NodeConfig.fromConfig(config));
        WireServer.start(system, server, WireSettings.fromConfig(config).withAddress("127.0.0.1",
                config.getInt("zakka.client-port")));
    }

    /** Whether the server's StandaloneServer refers to the wire module (its class file names the package). */
    static boolean serverStartsWire() throws IOException {
        try (InputStream in = ZakkaChild.class.getResourceAsStream("/io/zakka/server/StandaloneServer.class")) {
            if (in == null) {
                return false;
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains("io/zakka/wire/");
        }
    }
}
