package io.zakka.server;

import com.typesafe.config.Config;
import io.zakka.actors.node.NodeConfig;
import java.util.List;

/** The values a server actually runs with, printed at start so an operator never has to guess. */
record EffectiveSettings(NodeConfig node, String akkaHost, int akkaPort, int clientPort, String dataDir) {

    static EffectiveSettings of(Config config, NodeConfig node) {
        return new EffectiveSettings(node,
                config.getString("akka.remote.artery.canonical.hostname"),
                config.getInt("akka.remote.artery.canonical.port"),
                config.getInt("zakka.client-port"),
                config.getString("zakka.data-dir"));
    }

    List<String> lines() {
        return List.of(
                "zakka settings:",
                "  server-id            " + node.serverId(),
                "  akka address         " + akkaHost + ":" + akkaPort,
                "  client-port          " + clientPort + " (ZooKeeper wire protocol)",
                "  data-dir             " + dataDir + " (unused: this build keeps the tree in memory only)",
                "  tick-time            " + node.tickTimeMs() + " ms",
                "  session timeout      " + node.minSessionTimeoutMs() + ".." + node.maxSessionTimeoutMs() + " ms",
                "  reaper-interval      " + node.reaperIntervalMs() + " ms",
                "  ttl-enabled          " + node.ttlEnabled(),
                "  super-digest         " + (node.superDigest().isPresent() ? "set" : "none"),
                "  max-data-bytes       " + node.maxDataBytes());
    }

    String readyLine(String address, String clientAddress) {
        return "zakka ready: standalone server " + node.serverId() + " at " + address
                + ", ZooKeeper clients on " + clientAddress
                + " (IN MEMORY ONLY: nothing is persisted, all data is lost at shutdown;"
                + " Akka clients join the cluster with role zakka-client)";
    }
}
