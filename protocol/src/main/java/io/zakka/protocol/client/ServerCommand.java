package io.zakka.protocol.client;

import akka.actor.typed.ActorRef;
import io.zakka.protocol.ZakkaSerializable;
import io.zakka.protocol.op.Op;

/**
 * What a client (another ActorSystem, or the wire gateway) sends to a Zakka server.
 *
 * <p>Ordering: the server sends every {@link ClientBound.Reply} and {@link ClientBound.Notification}
 * of a session from one actor, so a client that passes the same {@code ActorRef} as {@code client}
 * and as {@code replyTo} receives them in ZooKeeper's order (a watch event before the reply that
 * reads the new data).
 */
public sealed interface ServerCommand extends ZakkaSerializable {

    /** Opens a new session; the timeout is clamped to the server's [min, max]. */
    record OpenSession(int requestedTimeoutMs, boolean readOnly, String clientAddress,
                       ActorRef<ClientBound> client) implements ServerCommand {
    }

    /**
     * Re-attaches to an existing session (after a lost connection). A wrong password or an unknown id
     * is answered with {@link ClientBound.SessionRejected} (SESSIONEXPIRED); a valid re-attach moves the
     * session to {@code client} and tells the previous client {@link ClientBound.SessionClosed}.
     */
    record ResumeSession(long sessionId, byte[] password, int requestedTimeoutMs, long lastZxidSeen,
                         String clientAddress, ActorRef<ClientBound> client) implements ServerCommand {
    }

    /** One request of a session; {@code cxid} correlates the reply. */
    record Submit(long sessionId, int cxid, Op op, ActorRef<ClientBound> replyTo) implements ServerCommand {
    }

    /** Keeps an idle session alive; answered with {@link ClientBound.Pong}. */
    record Ping(long sessionId, ActorRef<ClientBound> replyTo) implements ServerCommand {
    }
}
