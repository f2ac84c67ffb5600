package io.zakka.wire.conn;

import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.ActorContext;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.client.ClientBound;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.wire.codec.Handshake;
import io.zakka.wire.codec.MalformedRequestException;
import java.util.function.Consumer;

/**
 * The session handshake of one connection: its ConnectRequest becomes an OpenSession or a ResumeSession, and the
 * server's answer becomes the ConnectResponse. A new session of a client that has already seen some state is
 * opened only once this server is known not to be behind that client ({@link ConnectionActor.ServerZxid}).
 */
final class SessionHandshake {

    private final ConnectionContext ctx;
    private final ActorContext<ConnectionActor.Command> context;
    private final ActorRef<ClientBound> self;
    private final ConnectionOutput output;
    /** Ends the connection; a null reason is an orderly close. */
    private final Consumer<String> close;
    private Handshake.Connect connect;

    SessionHandshake(ConnectionContext ctx, ActorContext<ConnectionActor.Command> context, ActorRef<ClientBound> self,
                     ConnectionOutput output, Consumer<String> close) {
        this.ctx = ctx;
        this.context = context;
        this.self = self;
        this.output = output;
        this.close = close;
    }

    /** Takes in the ConnectRequest and asks the server for the session. */
    void begin(byte[] frame) throws MalformedRequestException {
        connect = Handshake.decode(frame, ctx.settings().juteMaxBuffer());
        if (connect.sessionId() == 0 && connect.lastZxidSeen() > 0) {
            // A new session of a client that has seen some state: this server must not be behind it.
            context.pipeToSelf(ctx.status(), ConnectionActor.ServerZxid::new);
        } else if (connect.sessionId() == 0) {
            openSession();
        } else {
            ctx.entry().tell(new ServerCommand.ResumeSession(connect.sessionId(), connect.password(),
                    connect.timeoutMs(), connect.lastZxidSeen(), clientAddress(), self));
        }
    }

    /** Opens the new session once the server's zxid is known, unless the client has seen a later one. */
    void serverZxidKnown(ConnectionActor.ServerZxid zxid) {
        if (zxid.failure() != null) {
            close.accept("cannot read the server's zxid: " + zxid.failure());
        } else if (Long.compareUnsigned(connect.lastZxidSeen(), zxid.status().lastZxid().toLong()) > 0) {
            close.accept("client has seen zxid 0x" + Long.toHexString(connect.lastZxidSeen()) + ", this server only "
                    + zxid.status().lastZxid());
        } else {
            openSession();
        }
    }

    /** Writes the ConnectResponse of the opened session. */
    void opened(ClientBound.SessionOpened opened) {
        output.frame(Handshake.accepted(connect, opened.timeoutMs(), opened.sessionId(), opened.password()), 0);
    }

    /**
     * SESSIONEXPIRED (unknown id, wrong password, expired): the expired ConnectResponse, then close. A client
     * that has seen a later zxid than this server gets no answer at all, so that it tries another server.
     */
    void rejected(ClientBound.SessionRejected rejected) {
        if (rejected.code() == ErrorCode.SESSIONEXPIRED) {
            output.frame(Handshake.expired(connect), 0);
        }
        close.accept("session 0x" + Long.toHexString(rejected.sessionId()) + " refused: " + rejected.code() + " ("
                + rejected.reason() + ")");
    }

    private void openSession() {
        ctx.entry().tell(new ServerCommand.OpenSession(connect.timeoutMs(), connect.readOnly(), clientAddress(), self));
    }

    private String clientAddress() {
        return ctx.remote().getAddress().getHostAddress();
    }
}
