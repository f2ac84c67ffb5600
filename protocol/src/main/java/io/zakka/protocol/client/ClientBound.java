package io.zakka.protocol.client;

import akka.actor.typed.ActorRef;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.ZakkaSerializable;
import io.zakka.protocol.op.OpResult;

/** What a Zakka server sends to a client. */
public sealed interface ClientBound extends ZakkaSerializable {

    /** The session is open (or re-attached): its id, password, negotiated timeout and the server to talk to. */
    record SessionOpened(long sessionId, byte[] password, int timeoutMs, long lastZxid,
                         ActorRef<ServerCommand> server) implements ClientBound {
    }

    /** Open or resume refused, e.g. SESSIONEXPIRED for an unknown id or a wrong password. */
    record SessionRejected(long sessionId, ErrorCode code, String reason) implements ClientBound {
    }

    /**
     * The reply to {@link ServerCommand.Submit}: {@code zxid} is the txn's zxid for a write, the
     * server's last applied zxid for anything else.
     */
    record Reply(long sessionId, int cxid, long zxid, OpResult result) implements ClientBound {
    }

    /** A watch fired. */
    record Notification(long sessionId, WatchEvent event) implements ClientBound {
    }

    record Pong(long sessionId, long lastZxid) implements ClientBound {
    }

    /** The session ended for this client: expired, closed, or moved to another client (SESSIONMOVED). */
    record SessionClosed(long sessionId, ErrorCode reason) implements ClientBound {
    }
}
