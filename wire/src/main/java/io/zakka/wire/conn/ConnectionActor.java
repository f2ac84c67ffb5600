package io.zakka.wire.conn;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import io.zakka.api.ServerStatus;
import io.zakka.protocol.client.ClientBound;
import io.zakka.wire.codec.FrameDecoder;
import io.zakka.wire.codec.MalformedRequestException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One ZooKeeper client connection: it cuts the bytes into frames, runs the handshake (OpenSession or
 * ResumeSession), turns each request into a Submit whose cxid is the request's xid, and writes the server's
 * replies in request order with the watch notifications where the server put them. The actor is both the
 * session's client and every request's replyTo, so the server's one-actor ordering reaches the socket
 * unchanged: a watch event is written before the reply that reads the new data.
 *
 * <p>Many requests are in flight at once (pipelining); reading stops while {@code maxOutstanding} are
 * unanswered or the handshake is pending, which back-pressures the TCP connection. Anything malformed closes
 * this connection with a log line and touches nothing else; a dropped connection leaves the session to
 * expire or to be re-attached by the client, as ZooKeeper does.
 *
 * <p>The actor owns the phase of the connection and the reading; it hands the first frame to
 * {@link SessionHandshake} (or the first bytes to {@link FourLetterCommand}) and every later one to
 * {@link RequestExchange}. All three write through one {@link ConnectionOutput} and end the connection through
 * this actor's {@code close}, so that the phase changes in one place only.
 */
public final class ConnectionActor extends AbstractBehavior<ConnectionActor.Command> {

    /** What a connection actor accepts; it never leaves this ActorSystem. */
    public interface Command extends akka.actor.NoSerializationVerificationNeeded {
    }

    /** Bytes read from the socket (this actor's from then on); the next chunk is asked for once these are taken in. */
    public record Received(byte[] bytes) implements Command {
    }

    /** The client closed the connection, or the transport failed. */
    public record InboundEnded(Optional<Throwable> failure) implements Command {
    }

    /** The socket took the last write: the next may go. */
    public enum WriteAcked implements Command {
        INSTANCE
    }

    /** Write what the replies of this burst queued ({@link SocketWriter}). */
    private enum Flush implements Command {
        INSTANCE
    }

    private record FromServer(ClientBound message) implements Command {
    }

    /** A closed connection has lingered long enough: stop even if the socket never confirmed. */
    private enum Linger implements Command {
        INSTANCE
    }

    /** The server's status, for the answer to a four-letter word ({@link FourLetterCommand}). */
    record StatusReady(String word, ServerStatus status, Throwable failure) implements Command {
    }

    /** The server's status, for a new session of a client that has seen some state ({@link SessionHandshake}). */
    record ServerZxid(ServerStatus status, Throwable failure) implements Command {
    }

    private enum Phase { FIRST, AWAITING_SESSION, OPEN, CLOSING }

    /** Replies queued for a client that does not read them, beyond which its requests are not read either. */
    private static final long MAX_BACKLOG_BYTES = 4L << 20;
    /** How long a closed connection's actor waits for its socket to report the end before it stops anyway. */
    private static final Duration LINGER = Duration.ofSeconds(5);

    private final ConnectionContext ctx;
    private final TimerScheduler<Command> timers;
    private final FrameDecoder frames;
    private final ConnectionStats stats;
    private final SocketWriter socket;
    private final long registration;
    private final FourLetterCommand fourLetterWord;
    private final SessionHandshake handshake;
    private final RequestExchange exchange;
    private Phase phase = Phase.FIRST;
    /** A chunk was taken in and the next one not asked for yet (the socket reads nothing meanwhile). */
    private boolean readHeld;
    private boolean inputEnded;

    public static Behavior<Command> create(ConnectionContext ctx) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> new ConnectionActor(context, timers, ctx)));
    }

    private ConnectionActor(ActorContext<Command> context, TimerScheduler<Command> timers, ConnectionContext ctx) {
        super(context);
        this.timers = timers;
        this.ctx = ctx;
        ActorRef<ClientBound> self = context.messageAdapter(ClientBound.class, FromServer::new);
        this.frames = new FrameDecoder(ctx.settings().juteMaxBuffer());
        this.stats = new ConnectionStats(ctx.remote().toString(), ctx.nowMs());
        this.registration = ctx.connections().register(stats);
        ActorRef<Command> events = context.getSelf();
        this.socket = new SocketWriter(ctx.out(), () -> events.tell(Flush.INSTANCE), this::quiet);
        ConnectionOutput output = new ConnectionOutput(socket, stats, ctx.connections());
        Consumer<String> close = this::close;
        this.exchange = new RequestExchange(ctx, context, self, stats, output, close);
        this.fourLetterWord = new FourLetterCommand(ctx, context, stats, output, close);
        this.handshake = new SessionHandshake(ctx, context, self, output, close);
        ctx.out().open(events);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Received.class, this::onReceived)
                .onMessage(FromServer.class, this::onFromServer)
                .onMessage(StatusReady.class, this::onStatusReady)
                .onMessage(ServerZxid.class, this::onServerZxid)
                .onMessage(InboundEnded.class, this::onInboundEnded)
                .onMessageEquals(WriteAcked.INSTANCE, this::onWriteAcked)
                .onMessageEquals(Flush.INSTANCE, this::onFlush)
                .onMessageEquals(Linger.INSTANCE, this::onLingerEnded)
                .onSignal(PostStop.class, this::onPostStop)
                .build();
    }

    private Behavior<Command> onReceived(Received received) {
        if (phase == Phase.CLOSING) {
            ctx.out().readMore();
            return this;
        }
        frames.append(received.bytes());
        readHeld = true;
        pump();
        return this;
    }

    private Behavior<Command> onFromServer(FromServer message) {
        ClientBound in = message.message();
        if (phase == Phase.CLOSING) {
            return this;
        }
        if (in instanceof ClientBound.Reply reply) {
            exchange.reply(reply);
        } else if (in instanceof ClientBound.Notification notification) {
            exchange.notification(notification);
        } else if (in instanceof ClientBound.Pong pong) {
            exchange.pong(pong);
        } else if (in instanceof ClientBound.SessionOpened opened) {
            onSessionOpened(opened);
        } else if (in instanceof ClientBound.SessionRejected rejected) {
            onSessionRejected(rejected);
        } else if (in instanceof ClientBound.SessionClosed closed) {
            close("session 0x" + Long.toHexString(closed.sessionId()) + " ended for this connection: "
                    + closed.reason());
        }
        if (phase != Phase.CLOSING) {
            pump();
        }
        return this;
    }

    private Behavior<Command> onStatusReady(StatusReady ready) {
        fourLetterWord.answer(ready);
        return this;
    }

    private Behavior<Command> onServerZxid(ServerZxid zxid) {
        if (phase == Phase.AWAITING_SESSION) {
            handshake.serverZxidKnown(zxid);
        }
        return this;
    }

    private void onSessionOpened(ClientBound.SessionOpened opened) {
        if (phase == Phase.AWAITING_SESSION) {
            exchange.attach(opened);
            handshake.opened(opened);
            phase = Phase.OPEN;
        }
    }

    private void onSessionRejected(ClientBound.SessionRejected rejected) {
        if (phase == Phase.AWAITING_SESSION) {
            handshake.rejected(rejected);
        }
    }

    /**
     * The client's input ended. A failed transport ends the connection at once. A clean end (the client shut
     * down its write side) closes it as ZooKeeper does on EOF, except that an answer still being prepared (a
     * four-letter word) is written first; the actor stops once the socket is closed.
     */
    private Behavior<Command> onInboundEnded(InboundEnded ended) {
        if (ended.failure().isPresent()) {
            getContext().getLog().info("connection from {} failed: {}", ctx.remote(), ended.failure().get().toString());
            return Behaviors.stopped();
        }
        inputEnded = true;
        if (phase != Phase.CLOSING) {
            close(null);
        }
        return stopWhenClosed();
    }

    private Behavior<Command> onWriteAcked() {
        socket.acked();
        if (phase != Phase.CLOSING) {
            pump();
        }
        return stopWhenClosed();
    }

    /** No request of this connection waits for its reply (so a reply written now is the last one due). */
    private boolean quiet() {
        return exchange.outstanding() == 0;
    }

    private Behavior<Command> onFlush() {
        socket.flush();
        return stopWhenClosed();
    }

    private Behavior<Command> onLingerEnded() {
        return Behaviors.stopped();
    }

    private Behavior<Command> stopWhenClosed() {
        return inputEnded && socket.isClosed() ? Behaviors.stopped() : this;
    }

    private Behavior<Command> onPostStop(PostStop signal) {
        ctx.connections().unregister(registration);
        socket.closeNow();
        return this;
    }

    /** Takes in as many complete frames as the phase and the outstanding limit allow; then acks the read. */
    private void pump() {
        try {
            while (phase != Phase.CLOSING && phase != Phase.AWAITING_SESSION
                    && exchange.outstanding() < ctx.settings().maxOutstandingPerConnection()
                    && socket.backlogBytes() <= MAX_BACKLOG_BYTES) {
                if (phase == Phase.FIRST && fourLetterWord.start(frames)) {
                    // The answer, not the input, decides what happens next: nothing more is read as frames.
                    phase = Phase.CLOSING;
                    return;
                }
                byte[] frame = frames.next();
                if (frame == null) {
                    break;
                }
                if (phase == Phase.FIRST) {
                    handshake.begin(frame);
                    phase = Phase.AWAITING_SESSION;
                } else {
                    exchange.submit(frame);
                }
            }
        } catch (MalformedRequestException e) {
            close("malformed input: " + e.getMessage());
        }
        stats.outstanding(exchange.outstanding());
        boolean blocked = phase == Phase.AWAITING_SESSION
                || exchange.outstanding() >= ctx.settings().maxOutstandingPerConnection()
                || socket.backlogBytes() > MAX_BACKLOG_BYTES;
        if (readHeld && (!blocked || phase == Phase.CLOSING)) {
            readHeld = false;
            ctx.out().readMore();
        }
    }

    /** Writes what is queued for the socket, then closes it; {@code reason} null means an orderly close. */
    private void close(String reason) {
        if (reason != null) {
            getContext().getLog().info("closing connection from {} (session 0x{}): {}", ctx.remote(),
                    Long.toHexString(exchange.sessionId()), reason);
        }
        phase = Phase.CLOSING;
        ctx.connections().unregister(registration);
        socket.close();
        timers.startSingleTimer(Linger.INSTANCE, LINGER);
    }
}
