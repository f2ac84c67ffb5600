package io.zakka.wire.conn;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.io.Tcp;
import akka.util.ByteString;
import io.zakka.api.ServerStatus;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.client.ClientBound;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.protocol.op.OpResult;
import io.zakka.wire.codec.FrameDecoder;
import io.zakka.wire.codec.Handshake;
import io.zakka.wire.codec.Jute;
import io.zakka.wire.codec.MalformedRequestException;
import io.zakka.wire.codec.OpCodes;
import io.zakka.wire.codec.Request;
import io.zakka.wire.codec.RequestDecoder;
import io.zakka.wire.codec.ResponseEncoder;
import io.zakka.wire.fourletter.FourLetterWords;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

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
 */
public final class ConnectionActor extends AbstractBehavior<ConnectionActor.Command> {

    /** What a connection actor accepts; it never leaves this ActorSystem. */
    public interface Command extends akka.actor.NoSerializationVerificationNeeded {
    }

    /** Bytes read from the socket; the next chunk is asked for once these are taken in (back-pressure). */
    public record Received(ByteString bytes) implements Command {
    }

    /** The client closed the connection, or the transport failed. */
    public record InboundEnded(Optional<Throwable> failure) implements Command {
    }

    /** The socket took the last write: the next may go. */
    public enum WriteAcked implements Command {
        INSTANCE
    }

    private record FromServer(ClientBound message) implements Command {
    }

    /** A closed connection has lingered long enough: stop even if the socket never confirmed. */
    private enum Linger implements Command {
        INSTANCE
    }

    private record StatusReady(String word, ServerStatus status, Throwable failure) implements Command {
    }

    private record ServerZxid(ServerStatus status, Throwable failure) implements Command {
    }

    private enum Phase { FIRST, AWAITING_SESSION, OPEN, CLOSING }

    /** Replies queued for a client that does not read them, beyond which its requests are not read either. */
    private static final long MAX_BACKLOG_BYTES = 4L << 20;
    /** How long a closed connection's actor waits for its socket to report the end before it stops anyway. */
    private static final Duration LINGER = Duration.ofSeconds(5);

    private final ConnectionContext ctx;
    private final TimerScheduler<Command> timers;
    private final ActorRef<ClientBound> self;
    private final FrameDecoder frames;
    private final RequestDecoder requests;
    private final ReplyQueue replies = new ReplyQueue();
    /** Arrival times of the requests at the server, oldest first: the server answers them in this order. */
    private final ArrayDeque<Long> serverArrivalNanos = new ArrayDeque<>();
    private final WatchBook watches = new WatchBook();
    private final ConnectionStats stats;
    private final SocketWriter socket;
    private final long registration;
    private Phase phase = Phase.FIRST;
    /** A chunk was taken in and the next one not asked for yet (the socket reads nothing meanwhile). */
    private boolean readHeld;
    private Handshake.Connect connect;
    private ActorRef<ServerCommand> server;
    private long sessionId;
    private long lastZxid;
    private boolean inputEnded;

    public static Behavior<Command> create(ConnectionContext ctx) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> new ConnectionActor(context, timers, ctx)));
    }

    private ConnectionActor(ActorContext<Command> context, TimerScheduler<Command> timers, ConnectionContext ctx) {
        super(context);
        this.timers = timers;
        this.ctx = ctx;
        this.self = context.messageAdapter(ClientBound.class, FromServer::new);
        this.frames = new FrameDecoder(ctx.settings().juteMaxBuffer());
        this.requests = new RequestDecoder(ctx.settings().juteMaxBuffer());
        this.server = ctx.entry();
        this.stats = new ConnectionStats(ctx.remote().toString(), ctx.nowMs());
        this.registration = ctx.connections().register(stats);
        stats.watches(watches);
        akka.actor.ActorRef socketEvents = akka.actor.typed.javadsl.Adapter.toClassic(
                context.messageAdapter(Tcp.Event.class, TcpSocket::event));
        this.socket = new SocketWriter(ctx.out(), socketEvents);
        ctx.out().open(socketEvents);
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
                .onMessageEquals(Linger.INSTANCE, this::onLingerEnded)
                .onSignal(PostStop.class, this::onPostStop)
                .build();
    }

    private Behavior<Command> onReceived(Received received) {
        if (phase == Phase.CLOSING) {
            ctx.out().readMore();
            return this;
        }
        frames.append(received.bytes().toArray());
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
            onReply(reply);
        } else if (in instanceof ClientBound.Notification notification) {
            watches.fired(notification.event());
            write(ResponseEncoder.notification(notification.event()), notification.event().zxid());
        } else if (in instanceof ClientBound.Pong pong) {
            ReplyQueue.Slot slot = replies.oldestAtServer();
            expectXid(slot, OpCodes.PING_XID);
            recordLatency();
            replies.answer(slot, ResponseEncoder.pong(pong.lastZxid()), false);
            flush();
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
        if (ready.failure() != null) {
            close("four-letter word " + ready.word() + " failed: " + ready.failure());
            return this;
        }
        String answer = FourLetterWords.answer(ready.word(), ctx.view(ready.status()));
        writeRaw(answer);
        close(null);
        return this;
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
                    && replies.size() < ctx.settings().maxOutstandingPerConnection()
                    && socket.backlogBytes() <= MAX_BACKLOG_BYTES) {
                if (phase == Phase.FIRST && fourLetterWord()) {
                    return;
                }
                byte[] frame = frames.next();
                if (frame == null) {
                    break;
                }
                if (phase == Phase.FIRST) {
                    handshake(frame);
                } else {
                    handle(frame);
                }
            }
        } catch (MalformedRequestException e) {
            close("malformed input: " + e.getMessage());
        }
        stats.outstanding(replies.size());
        boolean blocked = phase == Phase.AWAITING_SESSION
                || replies.size() >= ctx.settings().maxOutstandingPerConnection()
                || socket.backlogBytes() > MAX_BACKLOG_BYTES;
        if (readHeld && (!blocked || phase == Phase.CLOSING)) {
            readHeld = false;
            ctx.out().readMore();
        }
    }

    private boolean fourLetterWord() {
        OptionalInt first = frames.peekInt();
        if (first.isEmpty()) {
            return false;
        }
        Optional<String> word = FourLetterWords.word(first.getAsInt());
        if (word.isEmpty()) {
            return false;
        }
        phase = Phase.CLOSING;
        stats.received(0);
        ctx.connections().countReceived();
        if (!FourLetterWords.allowed(word.get(), ctx.settings().fourLetterWords())) {
            writeRaw(FourLetterWords.notWhitelisted(word.get()));
            close(null);
        } else {
            getContext().pipeToSelf(ctx.status(), (status, failure) -> new StatusReady(word.get(), status, failure));
        }
        return true;
    }

    private void handshake(byte[] frame) throws MalformedRequestException {
        connect = Handshake.decode(frame, ctx.settings().juteMaxBuffer());
        phase = Phase.AWAITING_SESSION;
        String address = ctx.remote().getAddress().getHostAddress();
        if (connect.sessionId() == 0 && connect.lastZxidSeen() > 0) {
            // A new session of a client that has seen some state: this server must not be behind it.
            getContext().pipeToSelf(ctx.status(), ServerZxid::new);
        } else if (connect.sessionId() == 0) {
            server.tell(new ServerCommand.OpenSession(connect.timeoutMs(), connect.readOnly(), address, self));
        } else {
            server.tell(new ServerCommand.ResumeSession(connect.sessionId(), connect.password(), connect.timeoutMs(),
                    connect.lastZxidSeen(), address, self));
        }
    }

    private Behavior<Command> onServerZxid(ServerZxid zxid) {
        if (phase != Phase.AWAITING_SESSION) {
            return this;
        }
        if (zxid.failure() != null) {
            close("cannot read the server's zxid: " + zxid.failure());
        } else if (Long.compareUnsigned(connect.lastZxidSeen(), zxid.status().lastZxid().toLong()) > 0) {
            close("client has seen zxid 0x" + Long.toHexString(connect.lastZxidSeen()) + ", this server only "
                    + zxid.status().lastZxid());
        } else {
            String address = ctx.remote().getAddress().getHostAddress();
            server.tell(new ServerCommand.OpenSession(connect.timeoutMs(), connect.readOnly(), address, self));
        }
        return this;
    }

    private void onSessionOpened(ClientBound.SessionOpened opened) {
        if (phase != Phase.AWAITING_SESSION) {
            return;
        }
        sessionId = opened.sessionId();
        server = opened.server();
        lastZxid = opened.lastZxid();
        stats.session(sessionId, opened.timeoutMs());
        write(Handshake.accepted(connect, opened.timeoutMs(), sessionId, opened.password()), 0);
        phase = Phase.OPEN;
    }

    /**
     * SESSIONEXPIRED (unknown id, wrong password, expired): the expired ConnectResponse, then close. A client
     * that has seen a later zxid than this server gets no answer at all, so that it tries another server.
     */
    private void onSessionRejected(ClientBound.SessionRejected rejected) {
        if (phase != Phase.AWAITING_SESSION) {
            return;
        }
        if (rejected.code() == ErrorCode.SESSIONEXPIRED) {
            write(Handshake.expired(connect), 0);
        }
        close("session 0x" + Long.toHexString(rejected.sessionId()) + " refused: " + rejected.code() + " ("
                + rejected.reason() + ")");
    }

    private void handle(byte[] frame) throws MalformedRequestException {
        Request request = requests.decode(frame);
        stats.received(request.xid());
        ctx.connections().countReceived();
        if (request instanceof Request.ToServer toServer) {
            replies.sentToServer(toServer.xid(), toServer.opcode(), toServer.subOpcodes(), toServer.op());
            serverArrivalNanos.add(System.nanoTime());
            server.tell(new ServerCommand.Submit(sessionId, toServer.xid(), toServer.op(), self));
        } else if (request instanceof Request.Ping ping) {
            replies.sentToServer(OpCodes.PING_XID, OpCodes.PING, List.of(), null);
            serverArrivalNanos.add(System.nanoTime());
            server.tell(new ServerCommand.Ping(sessionId, self));
        } else if (request instanceof Request.Refused refused) {
            if (refused.closeAfter()) {
                getContext().getLog().info("connection from {}: request xid {} refused with {}, closing",
                        ctx.remote(), refused.xid(), refused.code());
            }
            replies.answeredHere(refused.xid(), OpCodes.ERROR, Jute.header(refused.xid(), lastZxid,
                    refused.code().code()), refused.closeAfter());
            flush();
        }
    }

    private void onReply(ClientBound.Reply reply) {
        ReplyQueue.Slot slot = replies.oldestAtServer();
        expectXid(slot, reply.cxid());
        recordLatency();
        OpResult result = reply.result();
        ErrorCode code = result instanceof OpResult.Error error ? error.code() : ErrorCode.OK;
        if (code == ErrorCode.SESSIONMOVED || code == ErrorCode.SESSIONEXPIRED) {
            // ZooKeeper closes the connection instead of sending these; the client learns the rest on reconnect.
            close("request xid " + slot.xid + " answered " + code);
            return;
        }
        lastZxid = Math.max(lastZxid, reply.zxid());
        if (slot.op != null) {
            watches.afterReply(slot.op, result);
        }
        if (slot.opcode == OpCodes.AUTH) {
            // Auth replies carry zxid 0; a failed auth closes the connection (the client sees AuthFailed).
            replies.answer(slot, Jute.header(slot.xid, 0, code.code()), code != ErrorCode.OK);
        } else {
            byte[] frame = ResponseEncoder.reply(slot.xid, slot.opcode, slot.subOpcodes, reply.zxid(), result);
            replies.answer(slot, frame, slot.opcode == OpCodes.CLOSE_SESSION && code == ErrorCode.OK);
        }
        flush();
    }

    /** Each answer from the server belongs to the oldest request still there (remove() throws otherwise). */
    private void recordLatency() {
        ctx.connections().recordLatency(System.nanoTime() - serverArrivalNanos.remove());
    }

    private void expectXid(ReplyQueue.Slot slot, int xid) {
        if (slot.xid != xid) {
            throw new IllegalStateException("the server answered xid " + xid + " while xid " + slot.xid
                    + " is the oldest request at the server");
        }
    }

    private void flush() {
        ReplyQueue.Ready ready = replies.drain();
        for (byte[] frame : ready.frames()) {
            write(frame, lastZxid);
        }
        if (ready.close()) {
            close(null);
        }
    }

    private void write(byte[] frame, long zxid) {
        stats.sent(zxid);
        ctx.connections().countSent();
        socket.write(ByteString.fromArrayUnsafe(frame));
    }

    private void writeRaw(String text) {
        socket.write(ByteString.fromString(text));
    }

    /** Writes what is queued for the socket, then closes it; {@code reason} null means an orderly close. */
    private void close(String reason) {
        if (reason != null) {
            getContext().getLog().info("closing connection from {} (session 0x{}): {}", ctx.remote(),
                    Long.toHexString(sessionId), reason);
        }
        phase = Phase.CLOSING;
        ctx.connections().unregister(registration);
        socket.close();
        timers.startSingleTimer(Linger.INSTANCE, LINGER);
    }
}
