package io.zakka.wire;

import com.typesafe.config.Config;
import java.util.List;
import java.util.Set;

/**
 * Settings of the wire gateway, from {@code zakka.client-port} and {@code zakka.wire.*} (see the module's
 * reference.conf).
 *
 * @param fourLetterWords the whitelisted four-letter words; "*" allows every known one
 */
public record WireSettings(String host, int port, int juteMaxBuffer, Set<String> fourLetterWords,
                           int maxOutstandingPerConnection) {

    public WireSettings {
        if (juteMaxBuffer <= 0 || maxOutstandingPerConnection <= 0) {
            throw new IllegalArgumentException("jute-max-buffer and max-outstanding-per-connection must be > 0");
        }
        fourLetterWords = Set.copyOf(fourLetterWords);
    }

    public static WireSettings fromConfig(Config config) {
        List<String> words = config.getStringList("zakka.wire.four-letter-words");
        return new WireSettings(config.getString("zakka.wire.host"), config.getInt("zakka.client-port"),
                config.getInt("zakka.wire.jute-max-buffer"), Set.copyOf(words),
                config.getInt("zakka.wire.max-outstanding-per-connection"));
    }

    /** The same settings on another address (tests bind to 127.0.0.1 and port 0). */
    public WireSettings withAddress(String newHost, int newPort) {
        return new WireSettings(newHost, newPort, juteMaxBuffer, fourLetterWords, maxOutstandingPerConnection);
    }

    public WireSettings withJuteMaxBuffer(int bytes) {
        return new WireSettings(host, port, bytes, fourLetterWords, maxOutstandingPerConnection);
    }

    public WireSettings withFourLetterWords(Set<String> words) {
        return new WireSettings(host, port, juteMaxBuffer, words, maxOutstandingPerConnection);
    }
}
