package io.zakka.wire;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.ChildFailed;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.Terminated;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Adapter;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import io.zakka.wire.conn.ConnectionActor;
import io.zakka.wire.conn.ConnectionContext;
import io.zakka.wire.conn.Gateway;
import io.zakka.wire.conn.TcpSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The client port: binds it with Akka's I/O layer ({@link TcpAcceptor}) and gives every accepted connection its
 * own {@link ConnectionActor}, which drives the socket itself ({@link io.zakka.wire.conn.TcpSocket}). Reads are
 * pulled one chunk at a time when the actor asks (so a connection that may not read more, e.g. before its
 * handshake completes, back-pressures its TCP socket); writes go one batch at a time, each acknowledged (so a
 * client that does not read its replies stops being read).
 *
 * <p>All socket I/O runs in Akka's I/O layer (its selector threads); the actors only parse and encode, so
 * nothing blocks the default dispatcher. The acceptor and the connection actors are children of this actor:
 * stopping the listener unbinds the port and closes every connection (the I/O layer closes a socket whose
 * handler has stopped).
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

    private record Incoming(akka.actor.ActorRef connection, InetSocketAddress remote) implements Command {
    }

    private record BindDone(InetSocketAddress address, Throwable failure) implements Command {
    }

    private final Gateway gateway;
    private final DispatcherSelector connectionDispatcher;
    private final List<ActorRef<BindResult>> waiters = new ArrayList<>();
    private BindResult bound;
    private long connectionCount;

    public static Behavior<Command> create(Gateway gateway) {
        return Behaviors.setup(context -> new ListenerActor(context, gateway));
    }

    private ListenerActor(ActorContext<Command> context, Gateway gateway) {
        super(context);
        this.gateway = gateway;
        this.connectionDispatcher = DispatcherSelector.fromConfig(gateway.settings().connectionDispatcher());
        ActorRef<Command> self = context.getSelf();
        InetSocketAddress endpoint = new InetSocketAddress(gateway.settings().host(), gateway.settings().port());
        Adapter.actorOf(context, TcpAcceptor.props(endpoint, new TcpAcceptor.Reports() {
            @Override
            public void bound(InetSocketAddress address, Throwable failure) {
                self.tell(new BindDone(address, failure));
            }

            @Override
            public void accepted(akka.actor.ActorRef connection, InetSocketAddress remote) {
                self.tell(new Incoming(connection, remote));
            }
        }), "acceptor");
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(AwaitBound.class, this::onAwaitBound)
                .onMessage(BindDone.class, this::onBindDone)
                .onMessage(Incoming.class, this::onIncoming)
                .onMessageEquals(Stop.INSTANCE, Behaviors::stopped)
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

    private Behavior<Command> onIncoming(Incoming incoming) {
        ActorRef<ConnectionActor.Command> actor = getContext().spawn(ConnectionActor.create(
                new ConnectionContext(gateway, incoming.remote(), new TcpSocket(incoming.connection()))),
                "connection-" + (++connectionCount), connectionDispatcher);
        getContext().watch(actor);
        return this;
    }
}
