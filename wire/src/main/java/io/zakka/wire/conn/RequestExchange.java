package io.zakka.wire.conn;

import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.ActorContext;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.client.ClientBound;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.protocol.op.OpResult;
import io.zakka.wire.codec.Jute;
import io.zakka.wire.codec.MalformedRequestException;
import io.zakka.wire.codec.OpCodes;
import io.zakka.wire.codec.Request;
import io.zakka.wire.codec.RequestDecoder;
import io.zakka.wire.codec.ResponseEncoder;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The requests of an open session and their answers, the path every client request takes: a request frame
 * becomes a Submit (or a Ping) whose cxid is the request's xid, and each answer of the server is written in
 * request order, with the watch notifications where the server put them. Requests the gateway answers itself
 * (refused ones) wait in the same {@link ReplyQueue} behind the earlier ones.
 */
final class RequestExchange {

    private final ConnectionContext ctx;
    private final ActorContext<ConnectionActor.Command> context;
    private final ActorRef<ClientBound> self;
    private final ConnectionStats stats;
    private final ConnectionOutput output;
    /** Ends the connection; a null reason is an orderly close. */
    private final Consumer<String> close;
    private final RequestDecoder requests;
    private final ReplyQueue replies = new ReplyQueue();
    /** Arrival times of the requests at the server, oldest first: the server answers them in this order. */
    private final ArrayDeque<Long> serverArrivalNanos = new ArrayDeque<>();
    private final WatchBook watches = new WatchBook();
    private ActorRef<ServerCommand> server;
    private long sessionId;
    private long lastZxid;

    RequestExchange(ConnectionContext ctx, ActorContext<ConnectionActor.Command> context, ActorRef<ClientBound> self,
                    ConnectionStats stats, ConnectionOutput output, Consumer<String> close) {
        this.ctx = ctx;
        this.context = context;
        this.self = self;
        this.stats = stats;
        this.output = output;
        this.close = close;
        this.requests = new RequestDecoder(ctx.settings().juteMaxBuffer());
        stats.watches(watches);
    }

    /** The session is open: its requests go to the server that owns it. */
    void attach(ClientBound.SessionOpened opened) {
        sessionId = opened.sessionId();
        server = opened.server();
        lastZxid = opened.lastZxid();
        stats.session(sessionId, opened.timeoutMs());
    }

    /** The session's id, 0 before it is open. */
    long sessionId() {
        return sessionId;
    }

    /** Requests not yet answered on the wire. */
    int outstanding() {
        return replies.size();
    }

    void submit(byte[] frame) throws MalformedRequestException {
        Request request = requests.decode(frame);
        stats.received(request.xid());
        ctx.connections().countReceived();
        if (request instanceof Request.ToServer toServer) {
            replies.sentToServer(toServer.xid(), toServer.opcode(), toServer.subOpcodes(), toServer.op());
            serverArrivalNanos.add(System.nanoTime());
            server.tell(new ServerCommand.Submit(sessionId, toServer.xid(), toServer.op(), self));
        } else if (request instanceof Request.Ping) {
            replies.sentToServer(OpCodes.PING_XID, OpCodes.PING, List.of(), null);
            serverArrivalNanos.add(System.nanoTime());
            server.tell(new ServerCommand.Ping(sessionId, self));
        } else if (request instanceof Request.Refused refused) {
            if (refused.closeAfter()) {
                context.getLog().info("connection from {}: request xid {} refused with {}, closing",
                        ctx.remote(), refused.xid(), refused.code());
            }
            replies.answeredHere(refused.xid(), OpCodes.ERROR, Jute.header(refused.xid(), lastZxid,
                    refused.code().code()), refused.closeAfter());
            flush();
        }
    }

    void reply(ClientBound.Reply reply) {
        ReplyQueue.Slot slot = replies.oldestAtServer();
        expectXid(slot, reply.cxid());
        recordLatency();
        OpResult result = reply.result();
        ErrorCode code = result instanceof OpResult.Error error ? error.code() : ErrorCode.OK;
        if (code == ErrorCode.SESSIONMOVED || code == ErrorCode.SESSIONEXPIRED) {
            // ZooKeeper closes the connection instead of sending these; the client learns the rest on reconnect.
            close.accept("request xid " + slot.xid + " answered " + code);
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

    void pong(ClientBound.Pong pong) {
        ReplyQueue.Slot slot = replies.oldestAtServer();
        expectXid(slot, OpCodes.PING_XID);
        recordLatency();
        replies.answer(slot, ResponseEncoder.pong(pong.lastZxid()), false);
        flush();
    }

    /** A watch event goes out at once: the server sent it before any reply still to come. */
    void notification(ClientBound.Notification notification) {
        watches.fired(notification.event());
        output.frame(ResponseEncoder.notification(notification.event()), notification.event().zxid());
    }

    /** Each answer from the server belongs to the oldest request still there (remove() throws otherwise). */
    private void recordLatency() {
        ctx.connections().recordLatency(System.nanoTime() - serverArrivalNanos.remove());
    }

    private static void expectXid(ReplyQueue.Slot slot, int xid) {
        if (slot.xid != xid) {
            throw new IllegalStateException("the server answered xid " + xid + " while xid " + slot.xid
                    + " is the oldest request at the server");
        }
    }

    private void flush() {
        ReplyQueue.Ready ready = replies.drain();
        for (byte[] frame : ready.frames()) {
            output.frame(frame, lastZxid);
        }
        if (ready.close()) {
            close.accept(null);
        }
    }
}
