package io.zakka.wire;

import com.typesafe.config.Config;
import java.util.List;
import java.util.Set;

/**
 * Settings of the wire gateway, from {@code zakka.client-port} and {@code zakka.wire.*} (see the module's
 * reference.conf).
 *
 * @param fourLetterWords      the whitelisted four-letter words; "*" allows every known one
 * @param connectionDispatcher the config path of the dispatcher the connection actors run on
 * @param selectorThreads      the client port's selector threads, over which connections are spread
 */
public record WireSettings(String host, int port, int juteMaxBuffer, Set<String> fourLetterWords,
                           int maxOutstandingPerConnection, String connectionDispatcher, int selectorThreads) {

    /** Where connection actors run unless configured otherwise: the node's own thread (reference.conf says why). */
    public static final String NODE_DISPATCHER = "zakka.node-dispatcher";

    public WireSettings {
        if (juteMaxBuffer <= 0 || maxOutstandingPerConnection <= 0) {
            throw new IllegalArgumentException("jute-max-buffer and max-outstanding-per-connection must be > 0");
        }
        if (selectorThreads < 1) {
            throw new IllegalArgumentException("zakka.wire.selector-threads must be at least 1, not "
                    + selectorThreads);
        }
        fourLetterWords = Set.copyOf(fourLetterWords);
    }

    public WireSettings(String host, int port, int juteMaxBuffer, Set<String> fourLetterWords,
                        int maxOutstandingPerConnection) {
        this(host, port, juteMaxBuffer, fourLetterWords, maxOutstandingPerConnection, NODE_DISPATCHER, 1);
    }

    public static WireSettings fromConfig(Config config) {
        List<String> words = config.getStringList("zakka.wire.four-letter-words");
        return new WireSettings(config.getString("zakka.wire.host"), config.getInt("zakka.client-port"),
                config.getInt("zakka.wire.jute-max-buffer"), Set.copyOf(words),
                config.getInt("zakka.wire.max-outstanding-per-connection"),
                config.getString("zakka.wire.connection-dispatcher"), config.getInt("zakka.wire.selector-threads"));
    }

    /** The same settings on another address (tests bind to 127.0.0.1 and port 0). */
    public WireSettings withAddress(String newHost, int newPort) {
        return new WireSettings(newHost, newPort, juteMaxBuffer, fourLetterWords, maxOutstandingPerConnection,
                connectionDispatcher, selectorThreads);
    }

    public WireSettings withJuteMaxBuffer(int bytes) {
        return new WireSettings(host, port, bytes, fourLetterWords, maxOutstandingPerConnection, connectionDispatcher,
                selectorThreads);
    }

    public WireSettings withFourLetterWords(Set<String> words) {
        return new WireSettings(host, port, juteMaxBuffer, words, maxOutstandingPerConnection, connectionDispatcher,
                selectorThreads);
    }

    public WireSettings withConnectionDispatcher(String configPath) {
        return new WireSettings(host, port, juteMaxBuffer, fourLetterWords, maxOutstandingPerConnection, configPath,
                selectorThreads);
    }

    public WireSettings withSelectorThreads(int threads) {
        return new WireSettings(host, port, juteMaxBuffer, fourLetterWords, maxOutstandingPerConnection,
                connectionDispatcher, threads);
    }
}
