package io.zakka.wire;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.AskPattern;
import com.typesafe.config.Config;
import io.zakka.api.ZakkaServer;
import io.zakka.wire.conn.Connections;
import io.zakka.wire.conn.Gateway;
import io.zakka.wire.conn.SocketLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ZooKeeper wire protocol in front of a {@link ZakkaServer}: every stock ZooKeeper client (the Java
 * client, Curator, zkCli, kazoo, the four-letter words) talks to the node through its client port, and its
 * requests enter the same session and request actors as the Akka ask API's.
 *
 * <p>Transport: plain NIO, selector threads of the client port ({@code SocketLoop}) and one actor per connection
 * ({@code ConnectionActor}, on the node's thread by default). It was first akka-stream Tcp, chosen over Netty by
 * measurement ({@code TransportMeasurement} in wire/src/test), then akka.io Tcp driven by the connection actor
 * (no stream stages), and now neither: with akka.io a request crossed three threads (selector, akka.io's
 * connection actor on Akka's internal pool, the connection actor) and a reply two (akka.io's connection actor,
 * its write). Now the selector thread reads only what a connection actor asked for and tells it the bytes, and
 * what a connection writes while none of its requests waits (the last reply due, a watch event) the connection
 * actor writes itself; under load (requests outstanding) the selector thread writes, so the node's thread makes
 * no system call per reply. Measured in bench runs against the previous build (bench/README.md, "Client port on
 * NIO").
 */
public final class WireServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final ActorRef<ListenerActor.Command> listener;
    private final InetSocketAddress address;
    private final Connections connections;

    private WireServer(ActorRef<ListenerActor.Command> listener, InetSocketAddress address, Connections connections) {
        this.listener = listener;
        this.address = address;
        this.connections = connections;
    }

    /** Binds the client port of {@code settings} for {@code server}; waits (bounded) until it is bound. */
    public static WireServer start(ActorSystem<?> system, ZakkaServer server, WireSettings settings) {
        return start(system, server, settings, Optional.empty());
    }

    /**
     * Binds the client port of {@code settings} now, before the node (or even the ActorSystem) exists: a client that
     * connects meanwhile waits in the accept backlog and is served once {@link #start(ActorSystem, ZakkaServer,
     * WireSettings, ServerSocketChannel)} runs, as ZooKeeper binds its port before it loads its data; refused, a stock
     * client would back off for up to a second. A port in use fails here, before anything else started.
     */
    public static ServerSocketChannel bindEarly(WireSettings settings) throws IOException {
        return SocketLoop.bind(new InetSocketAddress(settings.host(), settings.port()));
    }

    /** Serves {@code server} on the client port {@code bound} by {@link #bindEarly}. */
    public static WireServer start(ActorSystem<?> system, ZakkaServer server, WireSettings settings,
                                   ServerSocketChannel bound) {
        return start(system, server, settings, Optional.of(bound));
    }

    private static WireServer start(ActorSystem<?> system, ZakkaServer server, WireSettings settings,
                                    Optional<ServerSocketChannel> bound) {
        Gateway gateway = new Gateway(settings, server.ref(), new Connections(), server::statusWithDirSizes,
                conf(system.settings().config(), settings), Clock.systemUTC());
        ActorRef<ListenerActor.Command> listener = system.systemActorOf(ListenerActor.create(gateway, bound),
                "zakka-wire-" + INSTANCES.incrementAndGet(), Props.empty());
        ListenerActor.BindResult result = await(AskPattern.ask(listener, ListenerActor.AwaitBound::new,
                START_TIMEOUT, system.scheduler()).toCompletableFuture());
        if (result.failure() != null) {
            throw new IllegalStateException("cannot bind the ZooKeeper client port " + settings.host() + ":"
                    + settings.port(), result.failure());
        }
        return new WireServer(listener, result.address(), gateway.connections());
    }

    /**
     * What {@code conf} shows, read from the node's configuration keys (the wire module depends on the api only,
     * not on the node's own settings type). Unset session bounds are ZooKeeper's 2 and 20 ticks.
     */
    private static Map<String, String> conf(Config config, WireSettings settings) {
        long tickMs = config.getDuration("zakka.tick-time").toMillis();
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("clientPort", Integer.toString(settings.port()));
        conf.put("clientPortAddress", settings.host());
        conf.put("serverId", config.getString("zakka.server-id"));
        conf.put("tickTime", Long.toString(tickMs));
        conf.put("minSessionTimeout", Long.toString(config.getIsNull("zakka.min-session-timeout") ? 2 * tickMs
                : config.getDuration("zakka.min-session-timeout").toMillis()));
        conf.put("maxSessionTimeout", Long.toString(config.getIsNull("zakka.max-session-timeout") ? 20 * tickMs
                : config.getDuration("zakka.max-session-timeout").toMillis()));
        conf.put("jute.maxbuffer", Integer.toString(settings.juteMaxBuffer()));
        return java.util.Collections.unmodifiableMap(conf);
    }

    /** The bound address (with the port the OS chose when the settings asked for port 0). */
    public InetSocketAddress address() {
        return address;
    }

    public int port() {
        return address.getPort();
    }

    /** "host:port" for a ZooKeeper connect string, on the loopback address when bound to all interfaces. */
    public String connectString() {
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        return host + ":" + address.getPort();
    }

    /** The open connections and the gateway's counters (what the four-letter words report). */
    public Connections connections() {
        return connections;
    }

    /** Unbinds the port and closes every connection; their sessions stay until they expire. */
    public void stop() {
        listener.tell(ListenerActor.Stop.INSTANCE);
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding the client port", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the client port was not bound in time", e);
        }
    }
}
