package io.zakka.wire;

import akka.Done;
import akka.NotUsed;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.ChildFailed;
import akka.actor.typed.Terminated;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.japi.Pair;
import akka.stream.CompletionStrategy;
import akka.stream.KillSwitches;
import akka.stream.SharedKillSwitch;
import akka.stream.Materializer;
import akka.stream.javadsl.Flow;
import akka.stream.javadsl.Sink;
import akka.stream.javadsl.Source;
import akka.stream.javadsl.Tcp;
import akka.util.ByteString;
import io.zakka.wire.conn.ConnectionActor;
import io.zakka.wire.conn.ConnectionContext;
import io.zakka.wire.conn.Gateway;
import io.zakka.wire.conn.Outbound;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The client port: binds it with akka-stream Tcp and gives every accepted connection its own
 * {@link ConnectionActor}, joined to the socket by two stream stages. Reads go to the actor one chunk at a
 * time and the next chunk is read only when the actor acks the last one (so a connection that may not read
 * more, e.g. before its handshake completes, back-pressures its TCP socket); writes go one batch at a time,
 * the write stage acking each (so a client that does not read its replies stops being read). Closing the
 * write side closes the socket once the last batch is written.
 *
 * <p>All socket I/O runs in Akka's I/O layer (its selector threads); the actors only parse and encode, so
 * nothing blocks the default dispatcher. The connections' streams are materialized in this actor's context:
 * stopping the listener unbinds the port and closes every connection.
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

    private record Incoming(Tcp.IncomingConnection connection) implements Command {
    }

    private record BindDone(Tcp.ServerBinding binding, Throwable failure) implements Command {
    }

    /** Bounds how long one read may wait for the connection actor's ack; only a stuck server is that slow. */
    private static final Duration READ_ACK_TIMEOUT = Duration.ofMinutes(30);
    /** Told to a socket's write stage: complete after writing what is queued. */
    private enum CloseMarker implements akka.actor.NoSerializationVerificationNeeded {
        CLOSE
    }

    private static final Object CLOSE = CloseMarker.CLOSE;
    private static final int BACKLOG = 100;

    private final Gateway gateway;
    private final Materializer materializer;
    private final List<ActorRef<BindResult>> waiters = new ArrayList<>();
    private BindResult bound;
    private long connectionCount;

    public static Behavior<Command> create(Gateway gateway) {
        return Behaviors.setup(context -> new ListenerActor(context, gateway));
    }

    private ListenerActor(ActorContext<Command> context, Gateway gateway) {
        super(context);
        this.gateway = gateway;
        this.materializer = Materializer.createMaterializer(context);
        ActorRef<Command> self = context.getSelf();
        // halfClose: a client that shuts down its write side after a four-letter word (ncat, nc -N) still gets
        // the answer; the connection actor decides when the socket closes.
        CompletionStage<Tcp.ServerBinding> binding = Tcp.get(context.getSystem())
                .bind(gateway.settings().host(), gateway.settings().port(), BACKLOG, List.of(), true, Optional.empty())
                .to(Sink.foreach(connection -> self.tell(new Incoming(connection))))
                .run(materializer);
        context.pipeToSelf(binding, BindDone::new);
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
        bound = done.failure() == null ? new BindResult(done.binding().localAddress(), null)
                : new BindResult(null, done.failure());
        if (done.failure() == null) {
            getContext().getLog().info("ZooKeeper client port bound to {}", done.binding().localAddress());
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
        Tcp.IncomingConnection connection = incoming.connection();
        Pair<akka.actor.ActorRef, Source<ByteString, NotUsed>> writes = Source.<ByteString>actorRefWithBackpressure(
                        ConnectionActor.WriteAcked.INSTANCE,
                        element -> element == CLOSE ? Optional.of(CompletionStrategy.draining()) : Optional.empty(),
                        element -> Optional.empty())
                .preMaterialize(materializer);
        SharedKillSwitch stopReading = KillSwitches.shared("reads-" + (connectionCount + 1));
        Outbound out = new SocketWrites(writes.first(), stopReading);
        ActorRef<ConnectionActor.Command> actor = getContext().spawn(
                ConnectionActor.create(new ConnectionContext(gateway, connection.remoteAddress(), out)),
                "connection-" + (++connectionCount));
        getContext().watch(actor);
        Sink<ByteString, NotUsed> reads = Flow.<ByteString>create()
                .via(stopReading.flow())
                .mapAsync(1, bytes -> AskPattern.<ConnectionActor.Command, Done>ask(actor,
                        ack -> new ConnectionActor.Received(bytes, ack), READ_ACK_TIMEOUT,
                        getContext().getSystem().scheduler()))
                .watchTermination((notUsed, done) -> {
                    done.whenComplete((ok, failure) ->
                            actor.tell(new ConnectionActor.InboundEnded(Optional.ofNullable(failure))));
                    return notUsed;
                })
                .to(Sink.ignore());
        // Not coupled: the client's end of input must not cut the replies still due (half-close).
        connection.handleWith(Flow.fromSinkAndSource(reads, writes.second()), materializer);
        return this;
    }

    /** The write stage of one socket, fed by its connection actor. */
    private record SocketWrites(akka.actor.ActorRef queue, SharedKillSwitch stopReading) implements Outbound {
        @Override
        public void write(ByteString bytes, akka.actor.ActorRef ackTo) {
            queue.tell(bytes, ackTo);
        }

        /** Completes the write side after its last batch and stops reading: both ends done closes the socket. */
        @Override
        public void close() {
            queue.tell(CLOSE, akka.actor.ActorRef.noSender());
            stopReading.shutdown();
        }
    }
}
