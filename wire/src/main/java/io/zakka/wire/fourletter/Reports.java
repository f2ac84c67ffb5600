package io.zakka.wire.fourletter;

import io.zakka.protocol.PureCore;
import io.zakka.wire.conn.ConnectionStats;
import io.zakka.wire.conn.LatencyStats;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The text of the reporting four-letter words, in ZooKeeper 3.9.5's layout. */
@PureCore
final class Reports {

    /** ZooKeeper's version string, then ours: tools parse the first token. */
    static final String VERSION = "3.9.5-zakka-0.1.0, built on 1970-01-01 00:00 UTC";

    private Reports() {
    }

    static String srvr(ServerView v) {
        return "Zookeeper version: " + VERSION + "\n" + summary(v);
    }

    static String stat(ServerView v) {
        StringBuilder out = new StringBuilder("Zookeeper version: " + VERSION + "\nClients:\n");
        for (ConnectionStats c : v.connections()) {
            out.append(' ').append(c.remote()).append(c.sessionId() == 0 ? "[0]" : "[1]").append("(queued=")
                    .append(c.outstanding()).append(",recved=")
                    .append(c.received()).append(",sent=").append(c.sent()).append(")\n");
        }
        return out.append('\n').append(summary(v)).toString();
    }

    private static String summary(ServerView v) {
        LatencyStats.Summary latency = v.latency();
        return "Latency min/avg/max: " + latency.minMs() + "/" + latency.avgMs() + "/" + latency.maxMs() + "\n"
                + "Received: " + v.packetsReceived() + "\n"
                + "Sent: " + v.packetsSent() + "\n"
                + "Connections: " + v.connections().size() + "\n"
                + "Outstanding: " + v.status().writesInFlight() + "\n"
                + "Zxid: 0x" + Long.toHexString(v.status().lastZxid().toLong()) + "\n"
                + "Mode: standalone\n"
                + "Node count: " + v.status().nodeCount() + "\n";
    }

    static String mntr(ServerView v) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("zk_version", VERSION);
        m.put("zk_server_state", "standalone");
        m.put("zk_avg_latency", Double.toString(v.latency().avgMs()));
        m.put("zk_max_latency", Long.toString(v.latency().maxMs()));
        m.put("zk_min_latency", Long.toString(v.latency().minMs()));
        m.put("zk_packets_received", Long.toString(v.packetsReceived()));
        m.put("zk_packets_sent", Long.toString(v.packetsSent()));
        m.put("zk_num_alive_connections", Integer.toString(v.connections().size()));
        m.put("zk_outstanding_requests", Integer.toString(v.status().writesInFlight()));
        m.put("zk_znode_count", Integer.toString(v.status().nodeCount()));
        m.put("zk_watch_count", Integer.toString(v.status().watchCount()));
        m.put("zk_global_sessions", Integer.toString(v.status().sessionCount()));
        m.put("zk_last_processed_zxid", Long.toString(v.status().lastZxid().toLong()));
        // ZooKeeper 3.4/3.5's mntr line; 3.6+ moved the count to JMX only, we keep it where operators look.
        m.put("zk_fsync_threshold_exceed_count", Long.toString(v.status().fsyncThresholdExceedCount()));
        StringBuilder out = new StringBuilder();
        m.forEach((key, value) -> out.append(key).append('\t').append(value).append('\n'));
        return out.toString();
    }

    static String conf(ServerView v) {
        StringBuilder out = new StringBuilder();
        v.config().forEach((key, value) -> out.append(key).append('=').append(value).append('\n'));
        return out.toString();
    }

    static String cons(ServerView v) {
        StringBuilder out = new StringBuilder();
        for (ConnectionStats c : v.connections()) {
            if (c.sessionId() == 0) {
                // A connection without a session (a four-letter word, a handshake in progress), as ZooKeeper shows it.
                out.append(' ').append(c.remote()).append("[0](queued=0,recved=").append(c.received())
                        .append(",sent=").append(c.sent()).append(")\n");
                continue;
            }
            out.append(' ').append(c.remote()).append("[1](queued=").append(c.outstanding())
                    .append(",recved=").append(c.received()).append(",sent=").append(c.sent())
                    .append(",sid=0x").append(Long.toHexString(c.sessionId()))
                    .append(",lop=NA,est=").append(c.establishedMs()).append(",to=").append(c.timeoutMs())
                    .append(",lcxid=0x").append(Integer.toHexString(c.lastCxid()))
                    .append(",lzxid=0x").append(Long.toHexString(c.lastZxid()))
                    .append(",lresp=0,llat=0,minlat=0,avglat=0,maxlat=0)\n");
        }
        return out.append('\n').toString();
    }

    static String envi(ServerView v) {
        StringBuilder out = new StringBuilder("Environment:\n");
        v.env().forEach((key, value) -> out.append(key).append('=').append(value).append('\n'));
        return out.toString();
    }

    static String wchs(ServerView v) {
        Set<String> paths = new TreeSet<>();
        int watching = 0;
        int total = 0;
        for (ConnectionStats c : v.connections()) {
            if (c.watchCount() > 0) {
                watching++;
            }
            paths.addAll(c.watchedPaths());
            total += c.watchedPaths().size();
        }
        return watching + " connections watching " + paths.size() + " paths\nTotal watches:" + total + "\n";
    }

    static String wchc(ServerView v) {
        StringBuilder out = new StringBuilder();
        for (ConnectionStats c : v.connections()) {
            if (!c.watchedPaths().isEmpty()) {
                out.append("0x").append(Long.toHexString(c.sessionId())).append('\n');
                c.watchedPaths().stream().sorted().forEach(p -> out.append('\t').append(p).append('\n'));
            }
        }
        return out.append('\n').toString();
    }

    static String wchp(ServerView v) {
        Map<String, Set<Long>> byPath = new TreeMap<>();
        for (ConnectionStats c : v.connections()) {
            c.watchedPaths().forEach(p -> byPath.computeIfAbsent(p, k -> new TreeSet<>()).add(c.sessionId()));
        }
        StringBuilder out = new StringBuilder();
        byPath.forEach((path, sessions) -> {
            out.append(path).append('\n');
            sessions.forEach(s -> out.append("\t0x").append(Long.toHexString(s)).append('\n'));
        });
        return out.append('\n').toString();
    }
}
