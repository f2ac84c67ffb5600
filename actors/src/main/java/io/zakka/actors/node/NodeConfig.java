package io.zakka.actors.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.zakka.actors.durability.DurabilityConfig;
import io.zakka.actors.session.SessionTable;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The settings of one server node, immutable, read once from the {@code zakka} section of Typesafe Config
 * (defaults in this module's reference.conf) and passed to the actors that need them (G14).
 *
 * @param serverId           0..254, the top byte of the session ids this server issues
 * @param tickTimeMs         expiry granularity, ZooKeeper's tickTime
 * @param minSessionTimeoutMs lower bound of a negotiated session timeout
 * @param maxSessionTimeoutMs upper bound of a negotiated session timeout
 * @param sessionSecret      key of the session passwords, the same on every server of an ensemble
 * @param reaperIntervalMs   how often the container/TTL reaper runs
 * @param reaperMaxPerRun    how many nodes one reaper run deletes at most
 * @param ttlEnabled         whether TTL nodes may be created
 * @param superDigest        "super:base64digest" of the super user, if any
 * @param maxDataBytes       the largest znode data
 * @param durability         data dir, fsync, snapshot and retention settings ({@link DurabilityConfig})
 */
public record NodeConfig(int serverId, int tickTimeMs, int minSessionTimeoutMs, int maxSessionTimeoutMs,
                         String sessionSecret, int reaperIntervalMs, int reaperMaxPerRun, boolean ttlEnabled,
                         Optional<String> superDigest, int maxDataBytes, DurabilityConfig durability) {

    public NodeConfig {
        if (serverId < 0 || serverId > SessionTable.MAX_SERVER_ID) {
            throw new IllegalArgumentException("zakka.server-id must be in [0, 254]: " + serverId);
        }
        if (tickTimeMs <= 0 || minSessionTimeoutMs <= 0 || minSessionTimeoutMs > maxSessionTimeoutMs) {
            throw new IllegalArgumentException("need 0 < tick-time and 0 < min-session-timeout <= max-session-timeout");
        }
        if (sessionSecret == null || sessionSecret.isEmpty()) {
            throw new IllegalArgumentException("zakka.session-secret must not be empty");
        }
        if (reaperIntervalMs <= 0 || reaperMaxPerRun <= 0 || maxDataBytes <= 0) {
            throw new IllegalArgumentException("reaper-interval, reaper-max-per-run and max-data-bytes must be > 0");
        }
        superDigest = superDigest.filter(digest -> !digest.isEmpty());
    }

    /** The reference defaults (tick 2 s, sessions 4-40 s, reaper every 60 s). */
    public static NodeConfig defaults() {
        return fromConfig(ConfigFactory.defaultReference());
    }

    /** Reads the {@code zakka} section of {@code root}. */
    public static NodeConfig fromConfig(Config root) {
        Config c = root.getConfig("zakka");
        int tick = millis(c, "tick-time");
        return new NodeConfig(
                c.getInt("server-id"),
                tick,
                c.getIsNull("min-session-timeout") ? 2 * tick : millis(c, "min-session-timeout"),
                c.getIsNull("max-session-timeout") ? 20 * tick : millis(c, "max-session-timeout"),
                c.getString("session-secret"),
                millis(c, "reaper-interval"),
                c.getInt("reaper-max-per-run"),
                c.getBoolean("ttl-enabled"),
                Optional.of(c.getString("super-digest")),
                c.getInt("max-data-bytes"),
                DurabilityConfig.fromConfig(c));
    }

    /** The same settings with another tick time and ZooKeeper's bounds for it (2 and 20 ticks). */
    public NodeConfig withTickTime(int tickMs) {
        return new NodeConfig(serverId, tickMs, 2 * tickMs, 20 * tickMs, sessionSecret, reaperIntervalMs,
                reaperMaxPerRun, ttlEnabled, superDigest, maxDataBytes, durability);
    }

    public NodeConfig withReaperIntervalMs(int intervalMs) {
        return new NodeConfig(serverId, tickTimeMs, minSessionTimeoutMs, maxSessionTimeoutMs, sessionSecret,
                intervalMs, reaperMaxPerRun, ttlEnabled, superDigest, maxDataBytes, durability);
    }

    public NodeConfig withServerId(int id) {
        return new NodeConfig(id, tickTimeMs, minSessionTimeoutMs, maxSessionTimeoutMs, sessionSecret,
                reaperIntervalMs, reaperMaxPerRun, ttlEnabled, superDigest, maxDataBytes, durability);
    }

    /** The same settings with other durability settings (e.g. a data dir). */
    public NodeConfig withDurability(DurabilityConfig settings) {
        return new NodeConfig(serverId, tickTimeMs, minSessionTimeoutMs, maxSessionTimeoutMs, sessionSecret,
                reaperIntervalMs, reaperMaxPerRun, ttlEnabled, superDigest, maxDataBytes, settings);
    }

    /** The session table's view of these settings. */
    public SessionTable.Settings sessionSettings() {
        return new SessionTable.Settings(serverId, tickTimeMs, minSessionTimeoutMs, maxSessionTimeoutMs,
                sessionSecret.getBytes(StandardCharsets.UTF_8));
    }

    private static int millis(Config c, String key) {
        return Math.toIntExact(c.getDuration(key).toMillis());
    }
}
