package io.zakka.wire.conn;

import akka.actor.typed.ActorRef;
import io.zakka.api.ServerStatus;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.wire.WireSettings;
import io.zakka.wire.fourletter.ServerView;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * What every connection of one gateway shares: the settings, the server's entry actor, the table of open
 * connections and what the four-letter words report.
 *
 * @param status the server's status, asked for by the reporting four-letter words
 * @param config the lines {@code conf} shows
 */
public record Gateway(WireSettings settings, ActorRef<ServerCommand> entry, Connections connections,
                      Supplier<CompletionStage<ServerStatus>> status, Map<String, String> config, Clock clock) {

    /** The four-letter words' view of the server now. */
    public ServerView view(ServerStatus serverStatus) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("zookeeper.version", "3.9.5-zakka-0.1.0");
        for (String key : new String[] {"java.version", "java.vendor", "java.home", "java.class.path", "os.name",
            "os.arch", "os.version", "user.name", "user.home", "user.dir"}) {
            env.put(key, System.getProperty(key, ""));
        }
        return new ServerView(serverStatus, connections.open(), connections.received(), connections.sent(),
                connections.latency(), config, env, clock.millis());
    }
}
