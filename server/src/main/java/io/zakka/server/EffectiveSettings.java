package io.zakka.server;

import com.typesafe.config.Config;
import io.zakka.actors.durability.DurabilityConfig;
import io.zakka.actors.node.NodeConfig;
import java.util.List;

/** The values a server actually runs with, printed at start so an operator never has to guess. */
record EffectiveSettings(NodeConfig node, String akkaHost, int akkaPort, int clientPort) {

    static EffectiveSettings of(Config config, NodeConfig node) {
        return new EffectiveSettings(node,
                config.getString("akka.remote.artery.canonical.hostname"),
                config.getInt("akka.remote.artery.canonical.port"),
                config.getInt("zakka.client-port"));
    }

    List<String> lines() {
        return List.of(
                "zakka settings:",
                "  server-id            " + node.serverId(),
                "  akka address         " + akkaHost + ":" + akkaPort,
                "  client-port          " + clientPort + " (ZooKeeper wire protocol)",
                "  data-dir             " + dataDirLine(),
                "  fsync-warning        " + node.durability().fsyncWarningThreshold().toMillis() + " ms (slower"
                        + " txn log syncs are logged and counted in mntr)",
                "  tick-time            " + node.tickTimeMs() + " ms",
                "  session timeout      " + node.minSessionTimeoutMs() + ".." + node.maxSessionTimeoutMs() + " ms",
                "  reaper-interval      " + node.reaperIntervalMs() + " ms",
                "  ttl-enabled          " + node.ttlEnabled(),
                "  super-digest         " + (node.superDigest().isPresent() ? "set" : "none"),
                "  max-data-bytes       " + node.maxDataBytes());
    }

    private String dataDirLine() {
        DurabilityConfig durability = node.durability();
        return durability.dataDir().map(dir -> dir.toAbsolutePath().normalize() + " (persistent: txn log and"
                + " snapshots; force-sync " + (durability.forceSync() ? "on" : "OFF, a crash may lose writes")
                + ", snapshot every ~" + durability.snapshotEveryTxns() + " txns, keeping "
                + durability.snapshotsRetained() + ")").orElse("none (IN MEMORY ONLY: nothing is persisted)");
    }

    private String persistence() {
        return node.durability().dataDir().map(dir -> "persisting to " + dir.toAbsolutePath().normalize())
                .orElse("IN MEMORY ONLY: nothing is persisted, all data is lost at shutdown");
    }

    /** Printed once stock ZooKeeper clients are served, before the clustered side has started. */
    String servingLine(String clientAddress) {
        return "zakka serving: ZooKeeper clients on " + clientAddress + " (" + persistence()
                + "); the Akka cluster side is starting";
    }

    /** Printed once Akka clients can join and find the node too: the server is fully up. */
    String readyLine(String address, String clientAddress) {
        return "zakka ready: standalone server " + node.serverId() + " at " + address
                + ", ZooKeeper clients on " + clientAddress
                + " (" + persistence() + "; Akka clients join the cluster with role zakka-client)";
    }
}
