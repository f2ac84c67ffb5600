package io.zakka.actors.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeConfigTest {

    @Test
    void defaultsAreZooKeepersForATwoSecondTick() {
        NodeConfig config = NodeConfig.defaults();
        assertEquals(2000, config.tickTimeMs());
        assertEquals(4000, config.minSessionTimeoutMs());
        assertEquals(40000, config.maxSessionTimeoutMs());
        assertEquals(60_000, config.reaperIntervalMs());
        assertEquals(0xfffff, config.maxDataBytes());
        assertTrue(config.ttlEnabled());
        assertEquals(Optional.empty(), config.superDigest(), "an empty super-digest means none");
    }

    @Test
    void sessionBoundsFollowTheTickUnlessSet() {
        NodeConfig derived = NodeConfig.fromConfig(ConfigFactory.parseString("zakka.tick-time = 200ms")
                .withFallback(ConfigFactory.defaultReference()));
        assertEquals(400, derived.minSessionTimeoutMs());
        assertEquals(4000, derived.maxSessionTimeoutMs());
        NodeConfig explicit = NodeConfig.fromConfig(ConfigFactory.parseString(
                "zakka { tick-time = 200ms, min-session-timeout = 1s, max-session-timeout = 9s, server-id = 4 }")
                .withFallback(ConfigFactory.defaultReference()));
        assertEquals(1000, explicit.minSessionTimeoutMs());
        assertEquals(9000, explicit.maxSessionTimeoutMs());
        assertEquals(4, explicit.serverId());
    }

    @Test
    void serverIdOutsideZeroTo254IsRefused() {
        assertThrows(IllegalArgumentException.class, () -> NodeConfig.defaults().withServerId(255));
    }

    @Test
    void minTimeoutAboveMaxIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> NodeConfig.fromConfig(ConfigFactory.parseString(
                "zakka { min-session-timeout = 10s, max-session-timeout = 5s }")
                .withFallback(ConfigFactory.defaultReference())));
    }
}
