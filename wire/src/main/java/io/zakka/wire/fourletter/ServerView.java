package io.zakka.wire.fourletter;

import io.zakka.api.ServerStatus;
import io.zakka.wire.conn.ConnectionStats;
import io.zakka.wire.conn.LatencyStats;
import java.util.Collection;
import java.util.Map;

/**
 * Everything a four-letter word may report, gathered by the connection that was asked.
 *
 * @param latency   request latency over the gateway's life (srvr, stat, mntr)
 * @param config    the settings conf shows, in display order
 * @param env       the properties envi shows, in display order
 * @param nowMs     the current time, for connection ages
 */
public record ServerView(ServerStatus status, Collection<ConnectionStats> connections, long packetsReceived,
                         long packetsSent, LatencyStats.Summary latency, Map<String, String> config,
                         Map<String, String> env, long nowMs) {
}
