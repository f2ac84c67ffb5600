package io.zakka.wire;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.ChildFailed;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.PostStop;
import akka.actor.typed.Terminated;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import io.zakka.wire.conn.ConnectionActor;
import io.zakka.wire.conn.ConnectionContext;
import io.zakka.wire.conn.Gateway;
import io.zakka.wire.conn.Outbound;
import io.zakka.wire.conn.SocketLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The client port: binds it on its own selector thread ({@link SocketLoop}) and gives every accepted connection
 * its own {@link ConnectionActor}, which drives the socket ({@link io.zakka.wire.conn.Outbound}). Reads are
 * pulled one chunk at a time when the actor asks (so a connection that may not read more, e.g. before its
 * handshake completes, back-pressures its TCP socket); a write the socket cannot take whole is finished by the
 * loop and acknowledged (so a client that does not read its replies stops being read).
 *
 * <p>Socket I/O runs on the loop's thread and, for non-blocking writes, on the connection actors' dispatcher
 * (the node's own thread by default), never on the default dispatcher. The connection actors are children of
 * this actor: stopping the listener unbinds the port and closes every connection.
 */
public final class ListenerActor extends AbstractBehavior<ListenerActor.Command> {

    /** What the listener accepts; it never leaves this ActorSystem. */
    public interface Command extends akka.actor.NoSerializationVerificationNeeded {
    }

    /** Answered with the bound address once the port is bound (or with the bind failure). */
    public record AwaitBound(ActorRef<BindResult> replyTo) implements Command {
    }

    public record BindResult(InetSocketAddress address, Throwable failure)
            implements akka.actor.NoSerializationVerificationNeeded {
    }

    /** Unbinds the port and closes every connection. */
    public enum Stop implements Command {
        INSTANCE
    }

    private record Incoming(Outbound socket, InetSocketAddress remote) implements Command {
    }

    private record LoopFailed(Throwable cause) implements Command {
    }

    private record BindDone(InetSocketAddress address, Throwable failure) implements Command {
    }

    private final Gateway gateway;
    private final DispatcherSelector connectionDispatcher;
    private final List<ActorRef<BindResult>> waiters = new ArrayList<>();
    private final SocketLoop loop;
    private BindResult bound;
    private long connectionCount;

    public static Behavior<Command> create(Gateway gateway) {
        return create(gateway, Optional.empty());
    }

    /** A listener on {@code bound} if present (bound earlier, see {@link SocketLoop#bind}), else on the settings'. */
    public static Behavior<Command> create(Gateway gateway, Optional<ServerSocketChannel> bound) {
        return Behaviors.setup(context -> new ListenerActor(context, gateway, bound));
    }

    private ListenerActor(ActorContext<Command> context, Gateway gateway, Optional<ServerSocketChannel> bound) {
        super(context);
        this.gateway = gateway;
        this.connectionDispatcher = DispatcherSelector.fromConfig(gateway.settings().connectionDispatcher());
        ActorRef<Command> self = context.getSelf();
        InetSocketAddress endpoint = new InetSocketAddress(gateway.settings().host(), gateway.settings().port());
        this.loop = startLoop(bound, endpoint, self, gateway.settings().selectorThreads());
    }

    /** The selector thread, or null (with the bind failure reported to {@code self}) if not even a selector opens. */
    private static SocketLoop startLoop(Optional<ServerSocketChannel> bound, InetSocketAddress endpoint,
                                        ActorRef<Command> self, int selectorThreads) {
        SocketLoop.Events events = new SocketLoop.Events() {
            @Override
            public void bound(InetSocketAddress address, Throwable failure) {
                self.tell(new BindDone(address, failure));
            }

            @Override
            public void accepted(Outbound socket, InetSocketAddress remote) {
                self.tell(new Incoming(socket, remote));
            }

            @Override
            public void failed(Throwable cause) {
                self.tell(new LoopFailed(cause));
            }
        };
        try {
            String name = "zakka-client-port-" + endpoint.getPort();
            return bound.isPresent() ? SocketLoop.start(bound.get(), events, name, selectorThreads)
                    : SocketLoop.start(endpoint, events, name, selectorThreads);
        } catch (IOException e) {
            self.tell(new BindDone(null, e));
            return null;
        }
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(AwaitBound.class, this::onAwaitBound)
                .onMessage(BindDone.class, this::onBindDone)
                .onMessage(Incoming.class, this::onIncoming)
                .onMessage(LoopFailed.class, this::onLoopFailed)
                .onMessageEquals(Stop.INSTANCE, Behaviors::stopped)
                .onSignal(PostStop.class, this::onPostStop)
                .onSignal(ChildFailed.class, this::onConnectionFailed)
                .onSignal(Terminated.class, this::onConnectionStopped)
                .build();
    }

    private Behavior<Command> onAwaitBound(AwaitBound await) {
        if (bound != null) {
            await.replyTo().tell(bound);
        } else {
            waiters.add(await.replyTo());
        }
        return this;
    }

    private Behavior<Command> onBindDone(BindDone done) {
        bound = new BindResult(done.address(), done.failure());
        if (done.failure() == null) {
            getContext().getLog().info("ZooKeeper client port bound to {}", done.address());
        } else {
            getContext().getLog().error("cannot bind the ZooKeeper client port {}:{}: {}",
                    gateway.settings().host(), gateway.settings().port(), done.failure().toString());
        }
        waiters.forEach(waiter -> waiter.tell(bound));
        waiters.clear();
        return done.failure() == null ? this : Behaviors.stopped();
    }

    /** A connection actor threw: an invariant of the gateway was broken (its socket is closed by then). */
    private Behavior<Command> onConnectionFailed(ChildFailed failed) {
        gateway.connections().countFailure();
        getContext().getLog().error("connection actor {} failed", failed.getRef().path(), failed.getCause());
        return this;
    }

    private Behavior<Command> onConnectionStopped(Terminated stopped) {
        return this;
    }

    /** The selector thread itself failed (a bug or the JVM out of resources): the client port is gone. */
    private Behavior<Command> onLoopFailed(LoopFailed failed) {
        getContext().getLog().error("the client port's selector thread failed; the port is closed", failed.cause());
        return Behaviors.stopped();
    }

    /** The connection actors have stopped (each closed its socket): unbind and end the selector thread. */
    private Behavior<Command> onPostStop(PostStop signal) {
        if (loop != null) {
            loop.close();
        }
        return this;
    }

    private Behavior<Command> onIncoming(Incoming incoming) {
        ActorRef<ConnectionActor.Command> actor = getContext().spawn(ConnectionActor.create(
                new ConnectionContext(gateway, incoming.remote(), incoming.socket())),
                "connection-" + (++connectionCount), connectionDispatcher);
        getContext().watch(actor);
        return this;
    }
}
